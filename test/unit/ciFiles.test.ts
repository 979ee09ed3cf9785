/**
 * The files other tools read from this repository: `.pre-commit-hooks.yaml` (the pre-commit
 * framework), `action.yml` (GitHub Actions) and what `npm pack` puts in the package both use.
 * GitHub cannot run here, so the action's `run:` steps are run in order with bash
 * (compositeAction.ts), on repositories the tests build, with the built CLI or a stand-in that
 * records its arguments.
 */
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { load } from 'js-yaml';
import { runCompositeAction, type ActionRun, type CompositeAction } from './compositeAction';

const root = join(__dirname, '..', '..', '..');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  bin: Record<string, string>; exports: Record<string, string>; scripts: Record<string, string>;
};
const action = load(readFileSync(join(root, 'action.yml'), 'utf8')) as CompositeAction;
const hooks = load(readFileSync(join(root, '.pre-commit-hooks.yaml'), 'utf8')) as Array<Record<string, unknown>>;
const grammarsManifest = JSON.parse(readFileSync(join(root, 'src', 'core', 'syntax', 'grammars.json'), 'utf8')) as { runtime: { file: string }; grammars: Record<string, { file: string }> };
const grammarFiles = [grammarsManifest.runtime, ...Object.values(grammarsManifest.grammars)].map((g) => `dist/grammars/${g.file.slice(g.file.lastIndexOf('/') + 1)}`);

function git(dir: string, ...args: string[]): void {
  execFileSync('git', ['-c', 'user.name=IDV Tests', '-c', 'user.email=tests@invalid', '-c', 'init.defaultBranch=main', ...args], { cwd: dir, stdio: 'ignore' });
}

/** Every string in a parsed YAML value, keys included. */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => [k, ...strings(v)]);
  return [];
}

describe('CI files: pre-commit hook, GitHub Action, npm package', function () {
  this.timeout(120_000);

  it('the pre-commit hook runs this package\'s idv on what git would commit', () => {
    assert.ok(hooks.length > 0);
    for (const hook of hooks) {
      assert.equal(hook.language, 'node', `${String(hook.id)}: pre-commit installs this package`);
      assert.equal(hook.pass_filenames, false, '--staged reads the index, not file names');
      const [bin, ...args] = String(hook.entry).split(' ');
      assert.ok(bin !== undefined && bin in manifest.bin, `${String(hook.entry)} runs a bin of package.json`);
      assert.deepEqual(args, ['scan', '--staged']);
    }
    // pre-commit builds the package from a clone: npm runs `prepare` for npm pack and for a git install.
    assert.match(manifest.scripts.prepare ?? '', /src\/build\/prepare\.mjs/);
  });

  it('npm pack holds the CLI, the ESLint plugin and the grammars they load, and nothing else', () => {
    assert.ok(existsSync(join(root, 'dist', 'cli.js')), 'build first: node src/build/build.mjs');
    const [pack] = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })) as Array<{ files: Array<{ path: string }> }>;
    const files = (pack?.files ?? []).map((f) => f.path).sort();
    const bins = Object.values(manifest.bin).map((p) => p.replace(/^\.\//, ''));
    const plugin = (manifest.exports['./eslint-plugin'] ?? '').replace(/^\.\//, '');
    assert.deepEqual(files, ['LICENSE', 'README.md', 'package.json', ...bins, plugin, ...grammarFiles].sort());
  });

  it('action.yml reads only declared inputs, uses each, and never puts an expression inside a run script', () => {
    assert.equal(action.runs.using, 'composite');
    const text = strings(action).join('\n');
    const read = new Set([...text.matchAll(/\binputs\.([\w-]+)/g)].map((m) => m[1]));
    assert.deepEqual([...read].sort(), Object.keys(action.inputs).sort());
    for (const step of action.runs.steps) {
      if (step.run === undefined) continue;
      assert.doesNotMatch(step.run, /\$\{\{/, `${step.name ?? ''}: inputs reach a script through env:, never as \${{ }} in it`);
      assert.equal(step.shell, 'bash');
    }
    // Every step output read is one the step writes.
    const ids = new Map(action.runs.steps.filter((s) => s.id !== undefined).map((s) => [s.id, s.run ?? '']));
    for (const [, id, name] of text.matchAll(/\bsteps\.([\w-]+)\.outputs\.([\w-]+)/g)) {
      assert.ok(ids.has(id), `step ${id ?? ''}`);
      assert.match(ids.get(id) ?? '', new RegExp(`\\boutput ${name ?? ''} `), `step ${id ?? ''} writes ${name ?? ''}`);
    }
    const upload = action.runs.steps.find((s) => s.uses?.startsWith('github/codeql-action/upload-sarif@'));
    assert.ok(upload?.with?.category, 'the upload names its category');
  });

  it('the README\'s table of the action\'s inputs names each input once, in action.yml\'s order', () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    const table = readme.slice(readme.indexOf('| Input | Default |'));
    const rows = table.slice(0, table.indexOf('\n\n')).split('\n').slice(2);
    assert.deepEqual(rows.map((r) => /^\| `([\w-]+)` \|/.exec(r)?.[1]), Object.keys(action.inputs));
  });

  describe('the action\'s steps, run with bash', () => {
    let scratch = '';
    let actionPath = '';
    let repo = '';
    let temp = '';
    /** The runner's environment for a run in `repo`. */
    const runnerEnv = (extra: Record<string, string> = {}) => ({ GITHUB_ACTION_PATH: actionPath, GITHUB_WORKSPACE: repo, RUNNER_TEMP: temp, GITHUB_EVENT_NAME: 'push', GITHUB_EVENT_PATH: join(scratch, 'event.json'), ...extra });
    const run = (inputs: Record<string, string>, extra?: Record<string, string>): ActionRun => runCompositeAction(action, { 'node-version': '', ...inputs }, runnerEnv(extra), repo);
    const step = (r: ActionRun, name: string) => r.steps.find((s) => s.name === name);

    before(() => {
      assert.ok(existsSync(join(root, 'dist', 'cli.js')), 'build first: node src/build/build.mjs');
      scratch = mkdtempSync(join(tmpdir(), 'idv-ci-'));
      // The action's folder as the runner has it after the build step: the built CLI beside
      // its grammars, and no package.json, so a build step that did run would fail, not install.
      actionPath = join(scratch, 'action');
      cpSync(join(root, 'dist'), join(actionPath, 'dist'), { recursive: true });
      temp = join(scratch, 'runner-temp');
      mkdirSync(temp);
      writeFileSync(join(scratch, 'event.json'), '{}');
    });
    after(() => rmSync(scratch, { recursive: true, force: true }));
    beforeEach(() => {
      repo = mkdtempSync(join(scratch, 'repo-'));
      git(repo, 'init', '-q');
      writeFileSync(join(repo, 'server.js'), 'const secret = process.env.INTERCOM_SECRET;\n');
      git(repo, 'add', '-A');
      git(repo, 'commit', '-q', '-m', 'clean');
    });

    it('with a secret in the repository: writes the SARIF, uploads it, then fails the job', () => {
      const secret = randomBytes(20).toString('hex');
      writeFileSync(join(repo, 'config.js'), `const INTERCOM_SECRET = "${secret}";\n`);
      const r = run({});
      assert.equal(step(r, 'Build the idv CLI')?.status, 0);
      assert.match(step(r, 'Build the idv CLI')?.stdout ?? '', /already built/);
      assert.equal(r.outputs['exit-code'], '1');
      const sarifFile = r.outputs['sarif-file'] ?? '';
      assert.equal(sarifFile, join(temp, 'idv-tree.sarif'));
      const sarif = readFileSync(sarifFile, 'utf8');
      const log = JSON.parse(sarif) as { runs: Array<{ results: Array<{ ruleId: string; locations: Array<{ physicalLocation: { artifactLocation: { uri: string } } }> }> }> };
      assert.deepEqual(log.runs[0]?.results.map((x) => [x.ruleId, x.locations[0]?.physicalLocation.artifactLocation.uri]), [['hardcoded-secret', 'config.js']]);
      assert.deepEqual(step(r, 'Upload to code scanning')?.uses, {
        action: 'github/codeql-action/upload-sarif@v3',
        with: { sarif_file: sarifFile, category: 'identity-verification/tree', checkout_path: repo },
      });
      assert.equal(r.failed?.name, 'Result', 'the job fails after the upload');
      assert.equal(r.failed?.status, 1);
      const scan = step(r, 'Scan')?.stdout ?? '';
      assert.match(scan, /^idv: config\.js:1:\d+ error hardcoded-secret /m, 'the findings are in the log');
      for (const text of [scan, step(r, 'Scan')?.stderr ?? '', sarif]) assert.ok(!text.includes(secret), 'the secret value is never written');
      // Between stop-commands and its token, nothing the scan prints is a workflow command.
      const commands = scan.split('\n').filter((l) => l.startsWith('::'));
      assert.equal(commands.length, 2, commands.join('\n'));
      assert.equal(commands[1], `::${(commands[0] ?? '').slice('::stop-commands::'.length)}::`);

      const report = run({ 'fail-on-findings': 'false', upload: 'false' });
      assert.equal(report.failed, undefined, 'fail-on-findings false: the job goes on');
      assert.equal(step(report, 'Upload to code scanning')?.skipped, true);
      assert.equal(report.outputs['exit-code'], '1');
    });

    it('with the baseline input, a finding the baseline accepts passes and a new one fails', () => {
      writeFileSync(join(repo, 'config.js'), `const INTERCOM_SECRET = "${randomBytes(20).toString('hex')}";\n`);
      execFileSync(process.execPath, [join(actionPath, 'dist', 'cli.js'), 'baseline', 'create', '.idv-baseline.json'], { cwd: repo, stdio: 'ignore' });
      const accepted = run({ baseline: '.idv-baseline.json' });
      assert.equal(accepted.failed, undefined, accepted.steps.map((s) => s.stdout).join(''));
      assert.equal(accepted.outputs['exit-code'], '0');
      writeFileSync(join(repo, 'other.js'), `const INTERCOM_SECRET = "${randomBytes(20).toString('hex')}";\n`);
      const fresh = run({ baseline: '.idv-baseline.json' });
      assert.equal(fresh.outputs['exit-code'], '1');
      assert.match(step(fresh, 'Scan')?.stdout ?? '', /^idv: other\.js:1:\d+ error hardcoded-secret /m);
      assert.doesNotMatch(step(fresh, 'Scan')?.stdout ?? '', /^idv: config\.js/m);
    });

    it('history mode with range auto finds a secret the pushed commits added and removed', () => {
      const head = () => execFileSync('git', ['rev-parse', 'HEAD'], { cwd: repo, encoding: 'utf8' }).trim();
      const before = head();
      writeFileSync(join(repo, 'config.js'), `const INTERCOM_SECRET = "${randomBytes(20).toString('hex')}";\n`);
      git(repo, 'add', 'config.js');
      git(repo, 'commit', '-q', '-m', 'add');
      git(repo, 'rm', '-q', 'config.js');
      git(repo, 'commit', '-q', '-m', 'remove');
      writeFileSync(join(scratch, 'event.json'), JSON.stringify({ before, after: head() }));
      const r = run({ mode: 'history', range: 'auto' });
      assert.equal(r.outputs['exit-code'], '1', r.steps.map((s) => s.stderr).join(''));
      assert.match(step(r, 'Scan')?.stdout ?? '', /^idv: config\.js:1:\d+ error hardcoded-secret /m);
      assert.equal(step(r, 'Upload to code scanning')?.uses?.with.category, 'identity-verification/history');
      assert.equal(r.failed?.name, 'Result');
      // Before the pushed range, nothing: the range is what auto made of the event.
      writeFileSync(join(scratch, 'event.json'), JSON.stringify({ before: head(), after: head() }));
      assert.equal(run({ mode: 'history', range: 'auto' }).outputs['exit-code'], '0');
    });

    it('a clean repository passes and uploads; a usage error uploads nothing and fails with 2', () => {
      const clean = run({ category: 'secrets', 'sarif-file': 'out/idv.sarif' });
      assert.equal(clean.failed, undefined, clean.steps.map((s) => s.stderr).join(''));
      assert.equal(clean.outputs['exit-code'], '0');
      assert.equal(clean.outputs['sarif-file'], join(repo, 'out', 'idv.sarif'), 'relative to the working directory');
      assert.equal(step(clean, 'Upload to code scanning')?.uses?.with.category, 'secrets');

      const broken = run({ config: 'no-such.idvrc.json' });
      assert.equal(broken.outputs['exit-code'], '2');
      assert.equal(broken.outputs['sarif-file'], '');
      assert.equal(step(broken, 'Upload to code scanning')?.skipped, true);
      assert.equal(broken.failed?.name, 'Result');
      assert.equal(broken.failed?.status, 2);
    });

    describe('with a stand-in CLI that records its arguments', () => {
      let argvFile = '';
      beforeEach(() => {
        // Its own action folder, so the real CLI copied above stays for the other tests.
        actionPath = join(scratch, `fake-${randomBytes(4).toString('hex')}`);
        mkdirSync(join(actionPath, 'dist', 'grammars'), { recursive: true });
        writeFileSync(join(actionPath, 'dist', 'grammars', 'web-tree-sitter.wasm'), '');
        argvFile = join(actionPath, 'argv.json');
        writeFileSync(join(actionPath, 'dist', 'cli.js'), [
          'const fs = require("fs");',
          `fs.writeFileSync(${JSON.stringify(argvFile)}, JSON.stringify({ argv: process.argv.slice(2), cwd: process.cwd() }));`,
          'if (process.env.FAKE_SARIF === "1") process.stdout.write(JSON.stringify({ version: "2.1.0", runs: [{ results: [] }] }));',
          'process.exitCode = Number(process.env.FAKE_EXIT || 0);',
        ].join('\n'));
      });
      const recorded = () => JSON.parse(readFileSync(argvFile, 'utf8')) as { argv: string[]; cwd: string };

      it('passes inputs as data: paths one per line, baseline, config; nothing in them runs', () => {
        const marker = join(scratch, 'pwned');
        const r = run({ paths: `src\n  my dir  \n\n$(touch ${marker})\n"; touch ${marker}; "\n-x`, baseline: '.idv-baseline.json', config: 'ci/.idvrc.json' }, { FAKE_SARIF: '1' });
        assert.equal(r.failed, undefined, r.steps.map((s) => s.stderr).join(''));
        assert.equal(recorded().cwd, repo, 'the scan runs in the working directory');
        assert.deepEqual(recorded().argv, ['scan', '--format', 'sarif', '--config', 'ci/.idvrc.json', '--baseline', '.idv-baseline.json', '--', 'src', 'my dir', `$(touch ${marker})`, `"; touch ${marker}; "`, '-x']);
        assert.ok(!existsSync(marker));
      });

      it('history mode: ranges one per line, auto from a push or a pull request, every ref when there is none', () => {
        const history = (inputs: Record<string, string>, event: object, eventName = 'push') => {
          writeFileSync(join(scratch, 'event.json'), JSON.stringify(event));
          const r = run({ mode: 'history', ...inputs }, { FAKE_SARIF: '1', GITHUB_EVENT_NAME: eventName });
          assert.equal(r.failed, undefined, r.steps.map((s) => s.stderr).join(''));
          assert.equal(step(r, 'Upload to code scanning')?.uses?.with.category, 'identity-verification/history');
          return recorded().argv;
        };
        const [a, b] = [randomBytes(20).toString('hex'), randomBytes(20).toString('hex')];
        assert.deepEqual(history({ range: 'origin/main..HEAD\nv1..v2' }, {}), ['scan', '--format', 'sarif', '--history', '--', 'origin/main..HEAD', 'v1..v2']);
        assert.deepEqual(history({ range: 'auto' }, { before: a, after: b }), ['scan', '--format', 'sarif', '--history', '--', `${a}..${b}`]);
        assert.deepEqual(history({ range: 'auto' }, { pull_request: { base: { sha: a }, head: { sha: b } } }, 'pull_request'), ['scan', '--format', 'sarif', '--history', '--', `${a}..${b}`]);
        // A new branch's push has no "before"; a hash is all auto ever takes from the event.
        assert.deepEqual(history({ range: 'auto' }, { before: '0'.repeat(40), after: b }), ['scan', '--format', 'sarif', '--history']);
        assert.deepEqual(history({ range: 'auto' }, { before: '$(touch x)', after: b }), ['scan', '--format', 'sarif', '--history']);
        assert.deepEqual(history({}, {}), ['scan', '--format', 'sarif', '--history']);
      });

      it('exit 2 with a SARIF uploads it and fails; a crash uploads nothing and fails', () => {
        const incomplete = run({}, { FAKE_SARIF: '1', FAKE_EXIT: '2' });
        assert.equal(step(incomplete, 'Upload to code scanning')?.skipped, false);
        assert.equal(incomplete.failed?.name, 'Result');
        assert.equal(incomplete.failed?.status, 2);
        const crash = run({ 'fail-on-findings': 'false' }, { FAKE_EXIT: '134' });
        assert.equal(crash.outputs['exit-code'], '134');
        assert.equal(step(crash, 'Upload to code scanning')?.skipped, true);
        assert.equal(crash.failed?.status, 2, 'fail-on-findings false does not hide a failed scan');
      });

      it('refuses inputs that do not fit, before scanning', () => {
        const misfits: Array<Record<string, string>> = [{ mode: 'staged' }, { mode: 'all' }, { range: 'HEAD~1..HEAD' }, { mode: 'history', paths: 'src' }, { upload: 'yes' }, { 'fail-on-findings': 'no' }];
        for (const inputs of misfits) {
          const r = run(inputs);
          assert.equal(r.failed?.name, 'Scan', JSON.stringify(inputs));
          assert.equal(r.failed?.status, 2);
          assert.match(r.failed?.stdout ?? '', /^::error title=idv::/m);
          assert.ok(!existsSync(argvFile), 'the CLI did not run');
        }
      });
    });
  });
});
