/**
 * `npm run bench:syntax`: the syntax layer's figures, printed.
 *   - runtime and grammar load times, each in a fresh process (the first load in a process is
 *     what an editor session pays), median of LOAD_RUNS processes;
 *   - parse alone (web-tree-sitter directly) and parse + facts (the layer) in MB/s, on
 *     JavaScript and TypeScript from node_modules and Python and Ruby from the system's
 *     standard libraries (node_modules holds one Python file), PHP from the Google Cloud SDK,
 *     Go from its standard library, the same files every run; a set is left out on a machine
 *     without those folders (there is no Java corpus here);
 *   - a 10,000-line file: a full parse + facts, one keystroke re-parsed incrementally, and that
 *     re-parse followed by facts;
 *   - the grammars' share of the .vsix, when one was built (`npm run package`).
 * Each figure is the median of ROUNDS rounds after a warm-up; the machine's load is printed.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Language, Parser } from 'web-tree-sitter';
import { createSyntax, SYNTAX_LANGUAGES, type SyntaxLanguage } from '../../src/core/syntax/index';
import { tenThousandLines } from './tenThousandLines';

const ROOT = process.cwd();
const GRAMMARS = join(ROOT, 'out', 'grammars');
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const LOAD_RUNS = Number(process.env.BENCH_LOAD_RUNS ?? 5);
const FILES_PER_SET = Number(process.env.BENCH_FILES ?? 400);

function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? Number.NaN;
}

/** Every k-th file below `dir` (sorted walk, no links) matching `test`, at most `count`, each ≤ 512 KB. */
function sample(dir: string, test: (name: string) => boolean, count: number): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const p = join(d, e.name);
      if (e.isDirectory() && !e.isSymbolicLink()) walk(p);
      else if (e.isFile() && test(e.name) && !e.name.includes('.min.')) {
        const size = statSync(p).size;
        if (size > 0 && size <= 512 * 1024) out.push(p);
      }
    }
  };
  walk(dir);
  const stride = Math.max(1, Math.floor(out.length / count));
  return out.filter((_, i) => i % stride === 0).slice(0, count);
}

/** In a child process: load the runtime and one grammar, print the times as JSON. */
async function loadOnce(language: SyntaxLanguage): Promise<void> {
  const t0 = performance.now();
  await Parser.init({ locateFile: (name: string) => join(GRAMMARS, name) });
  const t1 = performance.now();
  const syntax = createSyntax({ grammarDir: GRAMMARS });
  await syntax.load(language);
  const t2 = performance.now();
  process.stdout.write(JSON.stringify({ init: t1 - t0, grammar: syntax.loaded().get(language), total: t2 - t0 }));
}

function loadTimes(): void {
  console.log(`grammar load, fresh process each, median of ${LOAD_RUNS} (runtime init, then grammar + query compile)`);
  for (const language of SYNTAX_LANGUAGES) {
    const runs = Array.from({ length: LOAD_RUNS }, () => {
      const child = spawnSync(process.execPath, [__filename, '--load', language], { cwd: ROOT, encoding: 'utf8' });
      return JSON.parse(child.stdout) as { init: number; grammar: number; total: number };
    });
    console.log(`  ${language.padEnd(11)} runtime ${median(runs.map((r) => r.init)).toFixed(1).padStart(6)} ms   grammar ${median(runs.map((r) => r.grammar)).toFixed(1).padStart(6)} ms   size ${(statSync(join(GRAMMARS, `tree-sitter-${language}.wasm`)).size / 1024).toFixed(0)} KB`);
  }
}

async function throughput(): Promise<void> {
  const sets: [string, SyntaxLanguage, string[]][] = [
    ['JavaScript (node_modules)', 'javascript', sample(join(ROOT, 'node_modules'), (n) => /\.(?:js|cjs|mjs)$/.test(n), FILES_PER_SET)],
    ['TypeScript (node_modules)', 'typescript', sample(join(ROOT, 'node_modules'), (n) => /\.(?:ts|mts|cts)$/.test(n) && !/\.d\.[mc]?ts$/.test(n), FILES_PER_SET)],
    ['Python (/usr/lib/python3)', 'python', existsSync('/usr/lib/python3') ? sample('/usr/lib/python3', (n) => n.endsWith('.py'), FILES_PER_SET) : []],
    ['Ruby (/usr/lib/ruby)', 'ruby', existsSync('/usr/lib/ruby') ? sample('/usr/lib/ruby', (n) => n.endsWith('.rb'), FILES_PER_SET) : []],
    // The only PHP on these machines ships inside the Google Cloud SDK; there is no Java corpus.
    ['PHP (/usr/lib/google-cloud-sdk)', 'php', existsSync('/usr/lib/google-cloud-sdk') ? sample('/usr/lib/google-cloud-sdk', (n) => n.endsWith('.php'), FILES_PER_SET) : []],
    ['Go (/usr/lib/go/src)', 'go', existsSync('/usr/lib/go/src') ? sample('/usr/lib/go/src', (n) => n.endsWith('.go'), FILES_PER_SET) : []],
  ];
  const syntax = createSyntax({ grammarDir: GRAMMARS });
  console.log('');
  console.log(`throughput, median of ${ROUNDS} rounds            files      MB   parse MB/s   parse+facts MB/s   facts/file`);
  for (const [name, language, files] of sets) {
    if (files.length === 0) continue;
    const texts = files.map((f) => readFileSync(f, 'utf8'));
    const mb = texts.reduce((n, t) => n + Buffer.byteLength(t), 0) / 1024 / 1024;
    await syntax.load(language);
    const parser = new Parser();
    parser.setLanguage(await Language.load(join(GRAMMARS, `tree-sitter-${language}.wasm`)));
    const parseOnly: number[] = [];
    const full: number[] = [];
    let facts = 0;
    let failed = 0;
    for (let round = 0; round <= ROUNDS; round++) {
      let t = performance.now();
      for (const text of texts) {
        try {
          parser.parse(text)?.delete();
        } catch {
          parser.reset(); // a scanner assertion (see syntax.ts); counted below
        }
      }
      const p = performance.now() - t;
      t = performance.now();
      facts = 0;
      failed = 0;
      for (const text of texts) {
        try {
          const f = syntax.factsSync(text, language);
          facts += f ? f.messengerCalls.length + f.crypto.length + f.env.length + f.literals.length + f.imports.length + f.exports.length : 0;
        } catch {
          failed++;
        }
      }
      const e = performance.now() - t;
      if (round > 0) {
        parseOnly.push(p);
        full.push(e);
      }
    }
    parser.delete();
    const rate = (ms: number) => (mb / (ms / 1000)).toFixed(1);
    console.log(`  ${name.padEnd(42)} ${String(files.length).padStart(5)} ${mb.toFixed(1).padStart(7)} ${rate(median(parseOnly)).padStart(12)} ${rate(median(full)).padStart(18)} ${(facts / files.length).toFixed(1).padStart(12)}${failed > 0 ? `   (${failed} files refused by the grammar)` : ''}`);
  }
  syntax.dispose();
}

async function editing(): Promise<void> {
  const text = tenThousandLines(ROOT, true);
  const syntax = createSyntax({ grammarDir: GRAMMARS });
  await syntax.load('javascript');
  const fullMs: number[] = [];
  for (let i = 0; i < 30; i++) {
    const t = performance.now();
    syntax.factsSync(text, 'javascript');
    if (i >= 5) fullMs.push(performance.now() - t);
  }
  const doc = await syntax.open(text, 'javascript');
  // One keystroke in the middle of the file, typed and then deleted, over and over.
  const at = text.indexOf('\n', Math.floor(text.length / 2));
  const reparse: number[] = [];
  const reparseFacts: number[] = [];
  for (let i = 0; i < 220; i++) {
    const typing = i % 2 === 0;
    let t = performance.now();
    doc.edit(typing ? { start: at, end: at, text: 'x' } : { start: at, end: at + 1, text: '' });
    const parsed = performance.now() - t;
    t = performance.now();
    doc.facts();
    const extracted = performance.now() - t;
    if (i >= 20) {
      reparse.push(parsed);
      reparseFacts.push(parsed + extracted);
    }
  }
  doc.dispose();
  syntax.dispose();
  console.log('');
  console.log(`10,000-line JavaScript file (${(Buffer.byteLength(text) / 1024).toFixed(0)} KB), medians`);
  console.log(`  full parse + facts:                 ${median(fullMs).toFixed(2)} ms`);
  console.log(`  one keystroke, incremental re-parse: ${median(reparse).toFixed(2)} ms`);
  console.log(`  one keystroke, re-parse + facts:     ${median(reparseFacts).toFixed(2)} ms`);
}

function vsixShare(): void {
  const vsix = join(ROOT, 'identity-verification-kit.vsix');
  console.log('');
  if (!existsSync(vsix)) {
    console.log('no identity-verification-kit.vsix: run `npm run package` first for the .vsix figures');
    return;
  }
  // zipinfo -l: one line per entry with its compressed size in the sixth column.
  const listing = execFileSync('zipinfo', ['-l', vsix], { encoding: 'utf8' }).split('\n');
  let grammars = 0;
  for (const line of listing) {
    const cols = line.trim().split(/\s+/);
    if (cols.length >= 10 && (cols[cols.length - 1] ?? '').startsWith('extension/dist/grammars/')) grammars += Number(cols[5]);
  }
  console.log(`.vsix ${(statSync(vsix).size / 1024).toFixed(0)} KB, of which dist/grammars/ compressed ${(grammars / 1024).toFixed(0)} KB`);
}

async function main(): Promise<void> {
  if (process.argv[2] === '--load') {
    await loadOnce(process.argv[3] as SyntaxLanguage);
    return;
  }
  console.log(`machine: ${cpus().length} CPUs, load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}; Node ${process.versions.node}`);
  loadTimes();
  await throughput();
  await editing();
  vsixShare();
  console.log(`load average at the end: ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 2;
});
