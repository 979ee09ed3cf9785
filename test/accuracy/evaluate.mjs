#!/usr/bin/env node
// Evaluate the idv engine on the labelled real-code corpus (Node 20, no dependencies).
//
//   node test/accuracy/evaluate.mjs [--files DIR] [--cli PATH] [--json OUT]
//
// DIR holds the third-party files (default /work/eval/files), restored from corpus.json by
// restore.sh; they are never committed to this repository.
//
// Scans every repository folder under files/ on its own (cwd = that folder, so the engine sees
// one project at a time and reports paths relative to the project root), then matches findings
// to labels: same file, same rule, line within +-2 (a label may list extra accepted lines in
// `alt` and accepted places in other files of the same repository in `alt_at`). Findings that
// hit an `uncertain` entry are ignored; every other unmatched finding is a false positive.
// Nothing is copied and nothing is written except the optional --json report.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const opt = (name, def) => {
  const i = args.indexOf(name);
  return i >= 0 && i + 1 < args.length ? args[i + 1] : def;
};
const CLI = resolve(opt('--cli', join(HERE, '..', '..', 'dist', 'cli.js')));
const JSON_OUT = opt('--json', undefined);
const FILES = resolve(opt('--files', '/work/eval/files'));
const RULES = ['hardcoded-secret', 'secret-exposed-to-client', 'client-side-hmac', 'user-hash-identifier-mismatch', 'missing-user-hash'];
const TOLERANCE = 2;
const MAX = 200;
const clip = (s) => (s.length > MAX ? `${s.slice(0, MAX - 3)}...` : s);
const out = [];
const say = (s = '') => out.push(clip(s));

if (!existsSync(CLI)) {
  console.error(`no CLI at ${CLI}: build it first (cd /work/main && node src/build/build.mjs)`);
  process.exit(2);
}

// A project configuration above the scanned folders would change the result: refuse silently-wrong runs.
for (let d = FILES; ; d = dirname(d)) {
  if (existsSync(join(d, '.idvrc.json'))) {
    console.error(`found ${join(d, '.idvrc.json')}: the evaluation must run without a project configuration`);
    process.exit(2);
  }
  if (dirname(d) === d) break;
}

const corpus = JSON.parse(readFileSync(join(HERE, 'corpus.json'), 'utf8'));
const byRepoDir = new Map();
for (const e of corpus) {
  const dir = e.local.split('/')[1];
  if (!byRepoDir.has(dir)) byRepoDir.set(dir, []);
  byRepoDir.get(dir).push(e);
}

// ---- run the engine, one project (repository folder) at a time
const findings = [];
const skipped = [];
const runErrors = [];
const dirs = readdirSync(FILES).filter((d) => statSync(join(FILES, d)).isDirectory()).sort();
// Newer CLIs list every path they did not read with --verbose (JSON "skipped"); older ones reject the flag.
const help = spawnSync(process.execPath, [CLI, 'scan', '--help'], { encoding: 'utf8' });
const scanArgs = ['scan', '--format', 'json', ...(`${help.stdout}${help.stderr}`.includes('--verbose') ? ['--verbose'] : []), '.'];
for (const dir of dirs) {
  const cwd = join(FILES, dir);
  const r = spawnSync(process.execPath, [CLI, ...scanArgs], { cwd, encoding: 'utf8', maxBuffer: 64 << 20 });
  if (r.status !== 0 && r.status !== 1) runErrors.push(`${dir}: exit ${r.status}: ${(r.stderr || '').trim().split('\n')[0] ?? ''}`);
  let report;
  try {
    report = JSON.parse(r.stdout);
  } catch {
    runErrors.push(`${dir}: output is not JSON`);
    continue;
  }
  for (const f of report.findings ?? []) {
    findings.push({ dir, path: f.file.replace(/^\.\//, ''), rule: f.ruleId, line: f.line, message: f.message ?? '', severity: f.severity });
  }
  for (const s of report.skipped ?? []) skipped.push({ dir, path: s.file, reason: s.reason ?? s.kind ?? '' });
}

// Corpus files the engine did not read at all are reported (their labels count as misses).
const corpusKeys = new Set(corpus.map((e) => `${e.local.split('/')[1]}/${e.path}`));
const unread = skipped.filter((s) => corpusKeys.has(`${s.dir}/${s.path}`));

// ---- de-duplicate: several findings of one rule on one line are one finding
const seen = new Set();
const uniq = [];
for (const f of findings) {
  const k = `${f.dir}\u0000${f.path}\u0000${f.rule}\u0000${f.line}`;
  if (seen.has(k)) continue;
  seen.add(k);
  uniq.push(f);
}

// ---- match
const repoDir = (e) => e.local.split('/')[1];
const near = (a, b) => Math.abs(a - b) <= TOLERANCE;
const used = new Set();
const tp = [];
const fn = [];
const labelList = [];
for (const e of corpus) for (const l of e.labels) labelList.push({ e, l });
// Exact-place labels first, so a finding is not spent on a neighbour's alternative place.
for (const { e, l } of labelList) {
  const places = [{ path: e.path, lines: [l.line, ...(l.alt ?? [])] }, ...(l.alt_at ?? []).map((p) => ({ path: p.path, lines: [p.line] }))];
  let hit;
  for (const place of places) {
    const cands = uniq
      .map((f, i) => ({ f, i }))
      .filter(({ f, i }) => !used.has(i) && f.dir === repoDir(e) && f.path === place.path && f.rule === l.rule && place.lines.some((x) => near(x, f.line)))
      .sort((a, b) => Math.min(...place.lines.map((x) => Math.abs(x - a.f.line))) - Math.min(...place.lines.map((x) => Math.abs(x - b.f.line))));
    if (cands.length > 0) {
      hit = cands[0];
      break;
    }
  }
  if (hit) {
    used.add(hit.i);
    tp.push({ e, l, f: hit.f });
  } else fn.push({ e, l });
}
const ignored = [];
const fp = [];
uniq.forEach((f, i) => {
  if (used.has(i)) return;
  const e = corpus.find((c) => repoDir(c) === f.dir && c.path === f.path);
  const unsure = e?.uncertain?.some((u) => u.rule === f.rule && near(u.line, f.line));
  if (unsure) ignored.push(f);
  else fp.push({ f, e });
});

// ---- report
function engineStamp() {
  const st = statSync(CLI);
  const git = spawnSync('git', ['-C', dirname(dirname(CLI)), 'log', '-1', '--format=%h'], { encoding: 'utf8' });
  return `built ${st.mtime.toISOString().slice(0, 16)}Z, repo HEAD at evaluation ${(git.stdout || '?').trim()}`;
}
const pct = (n, d) => (d === 0 ? '  n/a' : `${((100 * n) / d).toFixed(1).padStart(5)}%`);
const row = (name, t, p, n) => `${name.padEnd(31)} ${String(t).padStart(4)} ${String(p).padStart(4)} ${String(n).padStart(4)}   ${pct(t, t + p)}   ${pct(t, t + n)}`;
const files = corpus.length;
const repos = new Set(corpus.map((e) => e.repo)).size;
const withLabels = corpus.filter((e) => e.labels.length > 0).length;
say(`idv evaluation on real public code: ${files} files from ${repos} repositories (${withLabels} with at least one labelled mistake, ${files - withLabels} clean)`);
say(`engine: ${CLI} (${engineStamp()})   match: same file, same rule, line within +-${TOLERANCE}   findings: ${findings.length} raw, ${uniq.length} after de-duplication, ${ignored.length} on uncertain spots ignored`);
say();
say(`${'rule'.padEnd(31)}   TP   FP   FN   precision   recall`);
let T = 0, P = 0, N = 0;
const allRules = [...new Set([...RULES, ...uniq.map((f) => f.rule)])];
for (const r of allRules) {
  const t = tp.filter((x) => x.l.rule === r).length;
  const p = fp.filter((x) => x.f.rule === r).length;
  const n = fn.filter((x) => x.l.rule === r).length;
  T += t; P += p; N += n;
  say(row(r, t, p, n));
}
say(row('overall', T, P, N));
say();

// by language of the file (where the label or the false positive lives)
const langs = new Map();
const bump = (lang, k) => {
  if (!langs.has(lang)) langs.set(lang, { tp: 0, fp: 0, fn: 0, files: 0 });
  langs.get(lang)[k]++;
};
for (const e of corpus) bump(e.language, 'files');
for (const x of tp) bump(x.e.language, 'tp');
for (const x of fn) bump(x.e.language, 'fn');
for (const x of fp) bump(x.e?.language ?? '?', 'fp');
say(`${'by language'.padEnd(31)} files  TP   FP   FN`);
for (const [lang, c] of [...langs].sort((a, b) => b[1].files - a[1].files)) {
  say(`${lang.padEnd(31)} ${String(c.files).padStart(5)} ${String(c.tp).padStart(4)} ${String(c.fp).padStart(4)} ${String(c.fn).padStart(4)}`);
}
say();

say(`false positives (${fp.length}):`);
for (const { f } of fp) say(`  FP ${f.dir}/${f.path}:${f.line} [${f.rule}] ${f.message.replace(/\s+/g, ' ')}`);
say();
say(`false negatives (${fn.length}):`);
for (const { e, l } of fn) say(`  FN ${repoDir(e)}/${e.path}:${l.line} [${l.rule}] ${l.why.replace(/\s+/g, ' ')}`);
say();
if (unread.length > 0) {
  say(`corpus files the engine did not read (${unread.length}):`);
  for (const s of unread) say(`  ${s.dir}/${s.path}: ${s.reason}`);
  say();
}
if (runErrors.length > 0) {
  say(`scan problems (${runErrors.length}):`);
  for (const m of runErrors) say(`  ${m}`);
  say();
}
console.log(out.join('\n'));
if (JSON_OUT) {
  const slim = (x) => ({ repo: x.e?.repo, path: x.e?.path ?? x.f?.path, rule: x.l?.rule ?? x.f?.rule, line: x.l?.line ?? x.f?.line, found: x.f ? { line: x.f.line, message: x.f.message } : undefined });
  writeFileSync(JSON_OUT, JSON.stringify({ tp: tp.map(slim), fp: fp.map(slim), fn: fn.map(slim), ignored, unread, runErrors }, null, 1));
}
