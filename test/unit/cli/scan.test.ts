import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { main } from '../../../src/cli/main';

const REPO = join(__dirname, '..', '..', '..', '..');
const PROJECT = 'test/fixtures/project';

async function idv(args: string[], cwd = REPO): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(args, { stdout: (t) => { out += t; }, stderr: (t) => { err += t; }, stdin: process.stdin, env: {}, cwd });
  return { code, out, err };
}

/**
 * The official SARIF 2.1.0 schema (draft-04, copied with its MIT notice recorded in
 * test/fixtures/sarif/README.md). Ajv 8 speaks draft-07: the only draft-04 construct the schema
 * uses is `id` for its own identifier, renamed here.
 */
function sarifValidator() {
  const schema = JSON.parse(readFileSync(join(REPO, 'test', 'fixtures', 'sarif', 'sarif-schema-2.1.0.json'), 'utf8')) as Record<string, unknown>;
  const { id, ...rest } = schema;
  delete rest.$schema; // draft-04's meta-schema is not bundled with Ajv 8
  // The schema's patterns are ECMAScript regexes written before the `u` flag was common.
  const ajv = new Ajv({ strict: false, allErrors: true, unicodeRegExp: false });
  addFormats(ajv);
  return ajv.compile({ ...rest, $id: String(id) });
}

describe('cli: idv scan', function () {
  this.timeout(60_000);

  it('prints file:line:column severity rule-id message and exits 1 on the fixture project', async () => {
    const { code, out, err } = await idv(['scan', PROJECT]);
    assert.equal(code, 1);
    const lines = out.trim().split('\n');
    for (const line of lines) assert.match(line, /^test\/fixtures\/project\/\S+:\d+:\d+ (error|warning|info) [a-z-]+ .+$/);
    const rules = new Set(lines.map((l) => l.split(' ')[2]));
    assert.deepEqual([...rules].sort(), ['client-side-hmac', 'hardcoded-secret', 'missing-user-hash', 'secret-exposed-to-client', 'user-hash-identifier-mismatch']);
    assert.ok(lines.includes('test/fixtures/project/app/api/intercom/route.ts:3:25 error hardcoded-secret Intercom secret written in code: INTERCOM_SECRET'), out);
    assert.ok(!out.includes('app/api/legacy'), 'the suppressed finding is not printed');
    assert.match(err, /^\d+ problems \(\d+ errors, 1 warning, 0 info\)\n$/);
  });

  it('prints JSON with 1-based positions and paths relative to the current directory', async () => {
    const { code, out } = await idv(['scan', '--format', 'json', PROJECT]);
    assert.equal(code, 1);
    const { findings } = JSON.parse(out) as { findings: Record<string, unknown>[] };
    assert.ok(findings.length >= 5);
    assert.deepEqual(Object.keys(findings[0] ?? {}), ['ruleId', 'severity', 'file', 'line', 'column', 'endLine', 'endColumn', 'message', 'detail']);
    // The message is the fact, short; the detail the specifics and the fix.
    for (const f of findings) assert.ok(String(f.message).length <= 80 && String(f.detail).length > String(f.message).length, JSON.stringify(f));
    const env = findings.find((f) => f.file === `${PROJECT}/.env.local` && f.ruleId === 'secret-exposed-to-client');
    assert.deepEqual(env && [env.line, env.column, env.endLine, env.endColumn], [2, 1, 2, 32]);
    const fromInside = JSON.parse((await idv(['scan', '--format', 'json'], join(REPO, PROJECT))).out) as { findings: { file: string }[] };
    assert.ok(fromInside.findings.some((f) => f.file === 'app/api/intercom/route.ts'));
  });

  it('prints SARIF that validates against the SARIF 2.1.0 schema', async () => {
    const { code, out } = await idv(['scan', '--format', 'sarif', PROJECT]);
    assert.equal(code, 1);
    const log = JSON.parse(out) as { runs: { results: { ruleId: string; level: string; message: { text: string }; properties?: { detail?: unknown } }[]; tool: { driver: { rules: unknown[] } } }[] };
    const validate = sarifValidator();
    assert.ok(validate(log), JSON.stringify(validate.errors?.slice(0, 3)));
    assert.equal(log.runs[0]?.tool.driver.rules.length, 6);
    assert.ok(log.runs[0]?.results.some((r) => r.ruleId === 'missing-user-hash' && r.level === 'warning'));
    // The detail travels in the result's properties, the message stays the short fact.
    assert.ok(log.runs[0]?.results.every((r) => typeof r.properties?.detail === 'string' && r.message.text.length <= 80), JSON.stringify(log.runs[0]?.results[0]));
    assert.equal(validate({ version: '2.1.0', runs: [{ tool: {} }] }), false, 'the validator does reject invalid logs');
  });

  it('exits 0 when nothing is at warning or above, and 2 on usage or I/O errors', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'idv-scan-'));
    try {
      writeFileSync(join(dir, 'ok.js'), "const secret = process.env.INTERCOM_SECRET;\n");
      assert.equal((await idv(['scan'], dir)).code, 0);
      writeFileSync(join(dir, 'a.js'), "Beacon('identify', { email: e });\n");
      assert.equal((await idv(['scan'], dir)).code, 1);
      writeFileSync(join(dir, '.idvrc.json'), '{ "rules": { "missing-user-hash": "info" } }');
      const info = await idv(['scan'], dir);
      assert.equal(info.code, 0);
      assert.match(info.out, / info missing-user-hash /);
      const missing = await idv(['scan', 'nope'], dir);
      assert.equal(missing.code, 2);
      assert.match(missing.err, /nope: no such file or directory/);
      assert.equal((await idv(['scan', '--format', 'xml'], dir)).code, 2);
      assert.equal((await idv(['scan', '--bogus'], dir)).code, 2);
      writeFileSync(join(dir, '.idvrc.json'), '{ "rules": ');
      // A broken config stops the scan (exit 2, each problem named) instead of running on defaults.
      const bad = await idv(['scan'], dir);
      assert.equal(bad.code, 2);
      assert.equal(bad.out, '');
      assert.match(bad.err, /^idv: \.idvrc\.json: line 1: .*\nidv: \.idvrc\.json has 2 problems; fix them to run \(nothing was scanned\)\n$/s);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('--fix replaces hard-coded secrets with environment lookups and reports what is left', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'idv-fix-'));
    try {
      cpSync(join(REPO, PROJECT), dir, { recursive: true });
      const { out } = await idv(['scan', '--fix', '--format', 'json'], dir);
      assert.match(readFileSync(join(dir, 'app', 'api', 'intercom', 'route.ts'), 'utf8'), /const INTERCOM_SECRET = process\.env\.INTERCOM_SECRET;/);
      const left = (JSON.parse(out) as { findings: { file: string; ruleId: string }[] }).findings;
      assert.ok(!left.some((f) => f.file === 'app/api/intercom/route.ts' && f.ruleId === 'hardcoded-secret'));
      assert.ok(left.some((f) => f.file === '.env.local' && f.ruleId === 'hardcoded-secret'), '.env files have no automatic fix');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('skips node_modules, build output, binaries and files over the size limit outside git', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'idv-walk-'));
    try {
      const bad = "const INTERCOM_SECRET = 'Zq8vK2mPx7LwR4tN9bYc3HdF6jSg1Ae5';\n";
      for (const p of ['node_modules/x/a.js', 'dist/a.js', 'build/a.js', 'ignored/a.js', 'src/a.js']) {
        cpSync(join(REPO, 'package.json'), join(dir, p.replace(/a\.js$/, 'p.json')), { recursive: true });
        writeFileSync(join(dir, p), bad);
      }
      writeFileSync(join(dir, '.gitignore'), 'ignored/\n');
      writeFileSync(join(dir, 'logo.png'), Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0]), Buffer.from(bad)]));
      writeFileSync(join(dir, 'big.js'), bad + ' '.repeat(3 * 1024 * 1024));
      const { out } = await idv(['scan', '--format', 'json'], dir);
      assert.deepEqual((JSON.parse(out) as { findings: { file: string }[] }).findings.map((f) => f.file), ['src/a.js']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('--fix keeps a byte order mark, and positions count without it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'idv-bom-'));
    try {
      mkdirSync(join(dir, 'server'));
      writeFileSync(join(dir, 'server', 'hash.js'), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from("const INTERCOM_SECRET = 'Zq8vK2mPx7LwR4tN9bYc3HdF6jSg1Ae5';\n")]));
      const before = await idv(['scan', '--format', 'json'], dir);
      assert.deepEqual((JSON.parse(before.out) as { findings: { line: number; column: number }[] }).findings.map((f) => [f.line, f.column]), [[1, 25]]);
      await idv(['scan', '--fix'], dir);
      const after = readFileSync(join(dir, 'server', 'hash.js'));
      assert.deepEqual([...after.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
      assert.equal(after.subarray(3).toString('utf8'), 'const INTERCOM_SECRET = process.env.INTERCOM_SECRET;\n');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('passes over files git lists but the work tree no longer has', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'idv-gone-'));
    try {
      const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], { cwd: dir, stdio: 'ignore' });
      git('init', '-q');
      writeFileSync(join(dir, 'gone.js'), "const INTERCOM_SECRET = 'Zq8vK2mPx7LwR4tN9bYc3HdF6jSg1Ae5';\n");
      writeFileSync(join(dir, 'kept.js'), 'export const a = 1;\n');
      git('add', '.');
      git('commit', '-q', '-m', 'files');
      unlinkSync(join(dir, 'gone.js'));
      const { code, out, err } = await idv(['scan', '--format', 'json'], dir);
      assert.equal(err, '');
      assert.equal(code, 0);
      // Nothing to read there: neither a finding nor a skipped file.
      assert.deepEqual(JSON.parse(out), { findings: [], skipped: [], notices: [] });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
