/**
 * The git cases of `npm run bench`, each beside its floor in the same run:
 * - `idv scan --history` over a repository of thousands of commits, against `git log -p` (the
 *   same arguments) read to the end and thrown away: what reading the history costs at least;
 * - `idv scan --staged` with one file staged in a 20,000-file repository, against
 *   `git diff --cached --raw` (the least a hook must ask git), and against the same change in a
 *   200-file repository (a hook's cost must not grow with the repository).
 * The repositories are built here with `git fast-import` from node_modules text, so every run
 * measures the same history. Run as a child of bench.ts, or alone: node out/test/bench/gitBench.js
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

const ROOT = process.cwd();
const CLI = join(ROOT, 'dist', 'cli.js');
const COMMITS = Number(process.env.BENCH_COMMITS ?? 3000);
const STAGED_FILES = Number(process.env.BENCH_STAGED_FILES ?? 20_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const SECRET_EVERY = 500;

function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? Number.NaN;
}

function git(dir: string, args: readonly string[], input?: string | Buffer): string {
  const r = spawnSync('git', ['-c', 'user.name=Bench', '-c', 'user.email=bench@invalid', '-c', 'init.defaultBranch=main', ...args], { cwd: dir, input, encoding: 'utf8', maxBuffer: 1 << 30 });
  if (r.status !== 0) throw new Error(`git ${args[0]} failed: ${r.stderr}`);
  return r.stdout;
}

/** 200 JavaScript files from node_modules, in sorted order: the repository's starting tree. */
function sources(count: number): string[] {
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      if (out.length >= count * 20) return;
      const p = join(dir, e.name);
      if (e.isDirectory() && !e.isSymbolicLink()) walk(p);
      else if (e.isFile() && e.name.endsWith('.js') && !e.name.includes('.min.')) {
        const size = statSync(p).size;
        if (size > 2_000 && size < 40_000) out.push(p);
      }
    }
  };
  walk(join(ROOT, 'node_modules'));
  const stride = Math.max(1, Math.floor(out.length / count));
  return out.filter((_, i) => i % stride === 0).slice(0, count).map((p) => readFileSync(p, 'utf8'));
}

/** A fast-import stream: one commit per step, each rewriting one file with a few lines changed. */
function historyStream(commits: number): { stream: string; planted: number } {
  const files = sources(200).map((text) => text.split('\n'));
  const parts: string[] = [];
  let mark = 0;
  let planted = 0;
  const when = 1_700_000_000;
  const commit = (message: string, changes: readonly [string, string][], i: number) => {
    parts.push(`commit refs/heads/main\nmark :${++mark}\ncommitter Bench <bench@invalid> ${when + i * 60} +0000\ndata ${Buffer.byteLength(message)}\n${message}\n`);
    for (const [path, text] of changes) parts.push(`M 100644 inline ${path}\ndata ${Buffer.byteLength(text)}\n${text}\n`);
  };
  commit('start', files.map((lines, f) => [`src/m${f}.js`, lines.join('\n')]), 0);
  for (let i = 1; i < commits; i++) {
    const f = (i * 7919) % files.length;
    const lines = files[f] as string[];
    const at = (i * 104_729) % Math.max(1, lines.length);
    const donor = files[(f + 1) % files.length] as string[];
    // A few lines replaced by lines of another file: a diff with real code in it.
    lines.splice(at, 3, ...donor.slice(at % donor.length, (at % donor.length) + 4).filter((l) => !l.startsWith('const INTERCOM_SECRET = ')));
    // Every SECRET_EVERY-th commit adds a secret; the next one takes it out again.
    if (i % SECRET_EVERY === 0) {
      lines.splice(at, 0, `const INTERCOM_SECRET = '${createHash('sha256').update(String(i)).digest('hex').slice(0, 40)}';`);
      planted++;
    } else if (i % SECRET_EVERY === 1) {
      const idx = lines.findIndex((l) => l.startsWith('const INTERCOM_SECRET = '));
      if (idx >= 0) lines.splice(idx, 1);
    }
    commit(`change ${i}`, [[`src/m${f}.js`, lines.join('\n')]], i);
  }
  return { stream: parts.join(''), planted };
}

/** Runs a command to the end, reading (and dropping) its output; resolves to ms and bytes. */
function timed(command: string, args: readonly string[], cwd: string): Promise<{ ms: number; bytes: number; code: number; stdout: string }> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(command, args, { cwd });
    let bytes = 0;
    const keep: Buffer[] = [];
    child.stdout.on('data', (d: Buffer) => {
      bytes += d.length;
      if (command === process.execPath) keep.push(d);
    });
    child.stderr.resume();
    child.on('error', reject);
    child.on('close', (code) => resolve({ ms: performance.now() - t0, bytes, code: code ?? 1, stdout: Buffer.concat(keep).toString('utf8') }));
  });
}

async function rounds(command: string, args: readonly string[], cwd: string): Promise<{ ms: number; bytes: number; stdout: string }> {
  await timed(command, args, cwd); // warm-up: the OS cache and git's pack index
  const runs: { ms: number; bytes: number; stdout: string }[] = [];
  for (let i = 0; i < ROUNDS; i++) runs.push(await timed(command, args, cwd));
  return { ms: median(runs.map((r) => r.ms)), bytes: runs[0]?.bytes ?? 0, stdout: runs[0]?.stdout ?? '' };
}

/** The same `git log` arguments src/core/history/scan.ts uses. */
const LOG_ARGS = ['log', '-p', '-U3', '--no-color', '--no-ext-diff', '--no-textconv', '--no-renames', '--full-history', '--format=%x1e%H%x1f%an%x1f%aI', '--all', '--'];

export async function gitBench(): Promise<string[]> {
  const lines: string[] = [];
  const base = mkdtempSync(join(tmpdir(), 'idv-bench-git-'));
  try {
    // History.
    const hist = join(base, 'history');
    mkdirSync(hist);
    git(hist, ['init', '-q']);
    const { stream, planted } = historyStream(COMMITS);
    git(hist, ['fast-import', '--quiet'], stream);
    git(hist, ['checkout', '-q', 'main']);
    const floor = await rounds('git', LOG_ARGS, hist);
    const idv = await rounds(process.execPath, [CLI, 'scan', '--history', '--format', 'json'], hist);
    const report = JSON.parse(idv.stdout) as { findings: unknown[]; history: { commits: number; changes: number } };
    lines.push(`history: ${report.history.commits} commits, ${(floor.bytes / 1024 / 1024).toFixed(1)} MB of git log -p, ${report.history.changes} file changes read, ${report.findings.length} of ${planted} planted secrets found`);
    lines.push(`  git log -p read to the end (floor): ${floor.ms.toFixed(0)} ms`);
    lines.push(`  idv scan --history:                 ${idv.ms.toFixed(0)} ms (${(idv.ms / floor.ms).toFixed(2)}x the floor)`);

    // Staged: one new file in a large and in a small repository.
    const staged = async (files: number) => {
      const dir = join(base, `staged-${files}`);
      mkdirSync(dir);
      git(dir, ['init', '-q']);
      const parts = [`commit refs/heads/main\ncommitter Bench <bench@invalid> 1700000000 +0000\ndata 5\nstart\n`];
      for (let i = 0; i < files; i++) {
        const text = `export const value${i} = ${i};\n`;
        parts.push(`M 100644 inline packages/p${Math.floor(i / 100)}/src/file${i}.js\ndata ${Buffer.byteLength(text)}\n${text}\n`);
      }
      git(dir, ['fast-import', '--quiet'], parts.join(''));
      git(dir, ['checkout', '-q', '-f', 'main']);
      mkdirSync(join(dir, 'packages', 'p0', 'server'), { recursive: true });
      writeFileSync(join(dir, 'packages', 'p0', 'server', 'intercom.js'), "const crypto = require('node:crypto');\nexports.userHash = (id) => crypto.createHmac('sha256', process.env.INTERCOM_SECRET).update(String(id)).digest('hex');\n");
      git(dir, ['add', 'packages/p0/server/intercom.js']);
      return { dir, floor: await rounds('git', ['diff', '--cached', '--raw', '-z', '--no-renames'], dir), idv: await rounds(process.execPath, [CLI, 'scan', '--staged'], dir) };
    };
    const big = await staged(STAGED_FILES);
    const small = await staged(200);
    lines.push(`staged: one file staged, median of ${ROUNDS} runs (node start-up included)`);
    lines.push(`  ${STAGED_FILES} files: git diff --cached ${big.floor.ms.toFixed(0)} ms; idv scan --staged ${big.idv.ms.toFixed(0)} ms`);
    lines.push(`  200 files:    git diff --cached ${small.floor.ms.toFixed(0)} ms; idv scan --staged ${small.idv.ms.toFixed(0)} ms`);
    lines.push('targets');
    lines.push(`  --history <= 2x git log -p read:            ${(idv.ms / floor.ms).toFixed(2)}x  ${idv.ms <= floor.ms * 2 ? 'PASS' : 'FAIL'}`);
    lines.push(`  --history finds every planted secret:       ${report.findings.length}/${planted}  ${report.findings.length === planted ? 'PASS' : 'FAIL'}`);
    lines.push(`  --staged, ${STAGED_FILES} files, <= 1 s median:     ${big.idv.ms.toFixed(0)} ms  ${big.idv.ms <= 1000 ? 'PASS' : 'FAIL'}`);
    lines.push(`  --staged, ${STAGED_FILES} vs 200 files, <= 1.5x:      ${(big.idv.ms / small.idv.ms).toFixed(2)}x  ${big.idv.ms <= small.idv.ms * 1.5 ? 'PASS' : 'FAIL'}`);
  } finally {
    rmSync(base, { recursive: true, force: true });
  }
  return lines;
}

if (require.main === module) {
  gitBench().then((lines) => {
    for (const l of lines) console.log(l);
  }, (error: unknown) => {
    console.error(error);
    process.exit(2);
  });
}
