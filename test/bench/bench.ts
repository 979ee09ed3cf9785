/**
 * `npm run bench`: the engine against secretlint (recommended preset) and a plain read, on the
 * very same files in one run, plus re-linting one 10,000-line file in memory, then the git
 * cases (--history, --staged) of gitBench.ts. The corpus is the
 * first N text files of node_modules in sorted order, so every run measures the same bytes.
 * Each figure is the median of several rounds after a warm-up round, so the OS file cache is
 * equally warm for every contestant.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join, relative, sep } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { FileReader } from '../../src/cli/fileReader';
import { CliSyntax } from '../../src/cli/syntax';
import { DEFAULT_CONFIG, lint, lintBytes, shouldSkip, type LintContext } from '../../src/core/engine/index';
import { createSyntax, type Syntax } from '../../src/core/syntax/index';
import { tenThousandLines } from './tenThousandLines';

const ROOT = process.cwd();
const FILE_COUNT = Number(process.env.BENCH_FILES ?? 3000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const TEXT_FILE = /\.(?:js|cjs|mjs|ts|mts|cts|json|md|ya?ml)$/;

/**
 * The corpus: deterministic, text only, no minified bundles or lock files (both tools skip
 * those anyway). Every k-th candidate in sorted order, so that no single package (say,
 * secretlint's own sources, full of the word "secret") dominates it.
 */
function corpus(): string[] {
  const out: string[] = [];
  const walk = (dir: string): void => {
    const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1));
    for (const e of entries) {
      const p = join(dir, e.name);
      if (e.isDirectory() && !e.isSymbolicLink()) walk(p);
      else if (e.isFile() && TEXT_FILE.test(e.name) && !e.name.includes('.min.')) {
        const size = statSync(p).size;
        if (size > 0 && size <= 512 * 1024 && shouldSkip(e.name, size) === undefined) out.push(p);
      }
    }
  };
  walk(join(ROOT, 'node_modules'));
  const stride = Math.max(1, Math.floor(out.length / FILE_COUNT));
  return out.filter((_, i) => i % stride === 0).slice(0, FILE_COUNT);
}

/** The corpus comes from a walk that follows no link, as idv scan's plain walk (fileReader.ts). */
const WALKED = { walked: true } as const;

function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? Number.NaN;
}

type Lint = (content: string, filePath: string) => Promise<unknown>;

/** secretlint's own engine entry (`@secretlint/core` lintSource) with the recommended preset, no formatting. */
async function loadSecretlint(): Promise<Lint> {
  // secretlint is ESM-only. esbuild leaves import() of a computed specifier as a real dynamic
  // import, which can load ESM from CommonJS.
  const importEsm = (path: string) => import(pathToFileURL(path).href) as Promise<Record<string, unknown>>;
  const resolveFrom = (id: string, from: string) => require.resolve(id, { paths: [from] });
  const secretlintDir = join(ROOT, 'node_modules', 'secretlint');
  const core = await importEsm(resolveFrom('@secretlint/core', secretlintDir));
  const preset = await importEsm(resolveFrom('@secretlint/secretlint-rule-preset-recommend', ROOT));
  const lintSource = core.lintSource as (arg: unknown) => Promise<unknown>;
  const config = { rules: [{ id: '@secretlint/secretlint-rule-preset-recommend', rule: preset.creator }] };
  return (content, filePath) => lintSource({
    source: { filePath, content, ext: filePath.slice(filePath.lastIndexOf('.')), contentType: 'text' },
    options: { config, maskSecrets: true },
  });
}

async function main(): Promise<void> {
  const files = corpus();
  const bytes = files.reduce((n, f) => n + statSync(f).size, 0);
  const secretlint = await loadSecretlint();
  const rel = files.map((f) => relative(ROOT, f).split(sep).join('/'));
  let findings = 0;
  let textFindings = 0;
  let secretlintMessages = 0;
  const cliSyntax = CliSyntax.create((message) => console.log(`syntax: ${message}`));

  const contestants: Record<string, () => Promise<void>> = {
    // The target's yardstick: Node's usual way to read a text file.
    'plain read': () => {
      for (const f of files) readFileSync(f).toString('utf8');
      return Promise.resolve();
    },
    // Not a target, shown so the figures can be read: the scan's own reading, without decoding
    // or linting, is the floor under the engine's time.
    'bytes only': () => {
      const reader = new FileReader();
      for (const f of files) reader.read(f, ROOT, DEFAULT_CONFIG.maxFileSizeBytes, WALKED);
      return Promise.resolve();
    },
    // Reads and lints each file exactly as `idv scan` does (src/cli/commands/scan.ts), without
    // the walk and the output: grammars load as the first file of their language passes the
    // pre-filter (in the warm-up round), and files that pass are parsed for their facts.
    'idv engine': async () => {
      findings = 0;
      const reader = new FileReader();
      for (let i = 0; i < files.length; i++) {
        const read = reader.read(files[i] as string, ROOT, DEFAULT_CONFIG.maxFileSizeBytes, WALKED);
        if (!read.bytes) continue;
        const context: LintContext = { path: rel[i] as string, committed: true, config: DEFAULT_CONFIG, ...(cliSyntax.syntax ? { syntax: cliSyntax.syntax } : {}) };
        const { preFilter, loading } = cliSyntax.prepare(read.bytes, context);
        if (loading) await loading;
        findings += lintBytes(read.bytes, preFilter === undefined ? context : { ...context, preFilter }).findings.length;
      }
    },
    // The same without the syntax layer: the text scanner alone, as before it (and as the
    // ESLint plugin still runs), for the before/after comparison in one run.
    'idv text only': () => {
      textFindings = 0;
      const reader = new FileReader();
      for (let i = 0; i < files.length; i++) {
        const read = reader.read(files[i] as string, ROOT, DEFAULT_CONFIG.maxFileSizeBytes, WALKED);
        if (read.bytes) textFindings += lintBytes(read.bytes, { path: rel[i] as string, committed: true, config: DEFAULT_CONFIG }).findings.length;
      }
      return Promise.resolve();
    },
    secretlint: async () => {
      secretlintMessages = 0;
      for (const f of files) {
        const result = await secretlint(readFileSync(f).toString('utf8'), f) as { messages: unknown[] };
        secretlintMessages += result.messages.length;
      }
    },
  };
  const times: Record<string, number[]> = {};
  for (let round = 0; round <= ROUNDS; round++) {
    for (const [name, run] of Object.entries(contestants)) {
      const t0 = performance.now();
      await run();
      const ms = performance.now() - t0;
      if (round > 0) (times[name] ??= []).push(ms); // round 0 warms the file cache and the JIT
    }
  }

  const mb = bytes / 1024 / 1024;
  console.log(`corpus: ${files.length} files, ${mb.toFixed(1)} MB from node_modules (median of ${ROUNDS} rounds)`);
  // Other processes skew every figure; say how busy the machine was.
  console.log(`machine: ${cpus().length} CPUs, load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  console.log('');
  console.log('contestant        ms      MB/s    files/s');
  const med: Record<string, number> = {};
  for (const [name, list] of Object.entries(times)) {
    const ms = median(list);
    med[name] = ms;
    console.log(`${name.padEnd(14)} ${ms.toFixed(1).padStart(7)} ${(mb / (ms / 1000)).toFixed(1).padStart(9)} ${Math.round(files.length / (ms / 1000)).toString().padStart(10)}`);
  }
  console.log(`(idv findings: ${findings}, text only: ${textFindings}; secretlint messages: ${secretlintMessages})`);
  console.log(`grammars loaded by the scan: ${[...(cliSyntax.syntax?.loaded() ?? new Map<string, number>())].map(([l, ms]) => `${l} ${ms.toFixed(0)} ms`).join(', ') || 'none'}`);

  const edits = editsInFreshProcess();
  const relintMs = relint();
  const engine = med['idv engine'] ?? Number.NaN;
  const vsSecretlint = (med.secretlint ?? Number.NaN) / engine;
  const vsRead = (med['plain read'] ?? Number.NaN) / engine;
  console.log('');
  console.log(`re-lint of a 10,000-line JavaScript file in memory (text scanner): median ${relintMs.toFixed(3)} ms`);
  console.log(`per edit, as the editor does (incremental parse + facts + rules), 10,000 lines:`);
  console.log(`  mentions the topics, typed anywhere: median ${edits.topics.toFixed(3)} ms (${edits.region}); mentions none: median ${edits.none.toFixed(3)} ms`);
  console.log(`  mentions the topics, typed inside a messenger call (the whole file read again): median ${edits.inCall.toFixed(3)} ms`);
  console.log('');
  console.log('targets');
  console.log(`  whole scan >= 5x secretlint's speed:      ${vsSecretlint.toFixed(1)}x   ${vsSecretlint >= 5 ? 'PASS' : 'FAIL'}`);
  console.log(`  whole scan >= 0.5x a plain read's speed: ${vsRead.toFixed(2)}x  ${vsRead >= 0.5 ? 'PASS' : 'FAIL'}`);
  console.log(`  whole scan no slower than the text scanner: ${((med['idv text only'] ?? Number.NaN) / engine).toFixed(2)}x  ${engine <= (med['idv text only'] ?? 0) * 1.05 ? 'PASS' : 'FAIL'}`);
  console.log(`  per-edit re-lint, topics, <= 15 ms median: ${edits.topics.toFixed(3)} ms  ${edits.topics <= 15 ? 'PASS' : 'FAIL'}`);
  console.log(`  per-edit re-lint, no topic, <= 2 ms median: ${edits.none.toFixed(3)} ms  ${edits.none <= 2 ? 'PASS' : 'FAIL'}`);
  cliSyntax.dispose();
  console.log('');
  // The git cases run the CLI as users do (a process per run) on repositories built for them.
  const git = spawnSync(process.execPath, [join(__dirname, 'gitBench.js')], { cwd: ROOT, stdio: 'inherit' });
  if (git.status !== 0) throw new Error('the git benchmark failed');
}

/**
 * The per-edit figures, measured in a process of their own: an editor's extension host holds
 * the open documents, not the garbage of five whole-scan contestants run six times over (in
 * this process the same keystrokes measured 19 ms against 12 ms alone).
 */
function editsInFreshProcess(): Edits {
  const child = spawnSync(process.execPath, [__filename, '--edits'], { cwd: ROOT, encoding: 'utf8' });
  if (child.status !== 0) throw new Error(`the per-edit measurement failed: ${child.stderr}`);
  return JSON.parse(child.stdout) as Edits;
}

interface Edits {
  readonly topics: number;
  readonly inCall: number;
  readonly region: string;
  readonly none: number;
}

/**
 * The editor's path per keystroke (src/extension/syntax.ts and diagnostics/linter.ts): the
 * edit applied to the kept tree (one incremental parse), then lint reading that tree's facts.
 * A file that mentions no topic stops at the pre-filter and keeps no tree.
 */
async function relintAfterEdits(syntax: Syntax): Promise<Edits> {
  const text = tenThousandLines(ROOT, true);
  // Type a character, then delete it, at `positions`; the first 10 keystrokes warm up.
  const measure = async (positions: readonly number[]): Promise<{ ms: number; region: number; whole: number }> => {
    const doc = await syntax.open(text, 'javascript');
    const context: LintContext = { path: 'src/app.js', committed: true, config: DEFAULT_CONFIG, syntax: { factsSync: (t) => (t === doc.text ? doc.facts() : undefined) } };
    lint(doc.text, context);
    const samples: number[] = [];
    for (let i = 0; i < positions.length * 2; i++) {
      const at = positions[i >> 1] as number;
      const t0 = performance.now();
      doc.editAll([i % 2 === 0 ? { start: at, end: at, text: 'x' } : { start: at, end: at + 1, text: '' }]);
      lint(doc.text, context);
      if (i >= 10) samples.push(performance.now() - t0);
    }
    const { region, whole } = doc.extractions;
    doc.dispose();
    return { ms: median(samples), region, whole: whole - 1 };
  };
  // Anywhere in the file: 60 line starts spread over it, four columns in.
  const spread = Array.from({ length: 60 }, (_, k) => text.indexOf('\n', Math.floor((text.length * (k + 1)) / 62)) + 5);
  // Inside the planted messenger call, where a keystroke changes a fact and the file is read again.
  const inCall = Array.from({ length: 30 }, () => text.indexOf('user_id: user.id') + 'user_id'.length);
  const anywhere = await measure(spread);
  const call = await measure(inCall);
  // No topic: the editor never keeps a tree for it, so an edit costs the pre-filter and lint.
  const plain = tenThousandLines(ROOT, false);
  // Both texts flat before timing, as a document's text is: a `${plain}x` made per keystroke
  // would be flattened (400 KB copied) inside the first search lint makes.
  const variants = [`${plain}x`, plain];
  for (const v of variants) v.indexOf('\u0000');
  const samples: number[] = [];
  for (let i = 0; i < 220; i++) {
    const text = variants[i % 2] as string;
    const t0 = performance.now();
    lint(text, { path: 'src/app.js', committed: true, config: DEFAULT_CONFIG });
    if (i >= 20) samples.push(performance.now() - t0);
  }
  return { topics: anywhere.ms, inCall: call.ms, region: `${anywhere.region} of ${anywhere.region + anywhere.whole} keystrokes read only the edit's region`, none: median(samples) };
}

/** Re-lints the planted 10,000-line file (tenThousandLines.ts) in memory with the text scanner. */
function relint(): number {
  const text = tenThousandLines(ROOT, true);
  const ctx = { path: 'src/app.js', committed: true, config: DEFAULT_CONFIG };
  for (let i = 0; i < 20; i++) lint(text, ctx);
  const samples: number[] = [];
  for (let i = 0; i < 200; i++) {
    const t0 = performance.now();
    lint(text, ctx);
    samples.push(performance.now() - t0);
  }
  return median(samples);
}

// secretlint's profiler leaves handles open; the figures are printed, so end here.
const run = process.argv.includes('--edits')
  ? () => relintAfterEdits(createSyntax({ grammarDir: join(__dirname, '..', '..', 'grammars') })).then((edits) => { process.stdout.write(JSON.stringify(edits)); })
  : main;
run().then(() => process.exit(0), (error: unknown) => {
  console.error(error);
  process.exit(2);
});
