/**
 * `idv scan --fix` on real files in temp folders: each change reported (never the value), and
 * the project's `.env.example` given the names the fixed code reads, by the same rule as the
 * editor's quick fix (core/engine/envExample).
 */
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { main } from '../../../src/cli/main';
import { applyFixesReport, envExampleAddition, envVarToDeclare } from '../../../src/core/engine/index';

const REPO = join(__dirname, '..', '..', '..', '..');
const SECRET = 'Zq8vK2mPx7LwR4tN9bYc3HdF6jSg1Ae5';
const OTHER = 'Hq2wE9rT5yU1iO7pA3sD6fG8hJ4kL0zX';

async function idv(argv: string[], cwd: string): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(argv, { stdout: (t) => { out += t; }, stderr: (t) => { err += t; }, stdin: process.stdin, env: {}, cwd });
  assert.ok(!out.includes(SECRET) && !err.includes(SECRET) && !out.includes(OTHER) && !err.includes(OTHER), 'a secret value was printed');
  return { code, out, err };
}

describe('core: the .env.example rule and applied fixes', () => {
  it('appends NAME= for each name not assigned yet, once, after a final newline', () => {
    assert.deepEqual(envExampleAddition('PORT=3000\n', ['INTERCOM_SECRET']), { append: 'INTERCOM_SECRET=\n', added: ['INTERCOM_SECRET'] });
    assert.deepEqual(envExampleAddition('PORT=3000', ['A', 'B', 'A']), { append: '\nA=\nB=\n', added: ['A', 'B'] });
    assert.deepEqual(envExampleAddition('', ['A']), { append: 'A=\n', added: ['A'] });
    assert.equal(envExampleAddition('X=1\n  export A = \nB=2\n', ['A', 'B']), undefined);
    assert.deepEqual(envExampleAddition('# A=\nAB=1\n', ['A']), { append: 'A=\n', added: ['A'] }, 'a comment or a longer name does not list it');
    assert.equal(envExampleAddition('', ['A.*', 'B C']), undefined, 'only names are added');
  });

  it('envVarToDeclare: the hardcoded-secret fix\'s variable, when it is a name', () => {
    assert.equal(envVarToDeclare({ ruleId: 'hardcoded-secret', data: { envVar: 'INTERCOM_SECRET' } }), 'INTERCOM_SECRET');
    assert.equal(envVarToDeclare({ ruleId: 'hardcoded-secret', data: { envVar: 'A B' } }), undefined);
    assert.equal(envVarToDeclare({ ruleId: 'client-side-hmac', data: { envVar: 'X' } }), undefined);
  });

  it('applyFixesReport: the fixes applied in text order, an overlapping one left out', () => {
    const a = { range: { start: 0, end: 3 }, text: 'X' };
    const b = { range: { start: 8, end: 11 }, text: 'Z' };
    const overlapping = { range: { start: 9, end: 10 }, text: 'Q' };
    const result = applyFixesReport('aaa bbb ccc', [b, overlapping, a]);
    assert.equal(result.text, 'X bbb ccc'.replace('ccc', 'cQc'));
    assert.deepEqual(result.applied, [a, overlapping]);
  });
});

describe('cli: idv scan --fix reports its changes and updates .env.example', function () {
  this.timeout(60_000);
  let dir = '';
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'idv-fixreport-'));
    mkdirSync(join(dir, 'server'));
    writeFileSync(join(dir, 'server', 'hash.js'), `const x = 1;\nconst INTERCOM_SECRET = '${SECRET}';\n`);
    writeFileSync(join(dir, 'server', 'crisp.js'), `// Crisp\nconst CRISP_VERIFY_SECRET = "${OTHER}";\n`);
    writeFileSync(join(dir, '.idvrc.json'), '{}\n');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('says each change on stderr and which names .env.example got', async () => {
    writeFileSync(join(dir, '.env.example'), 'PORT=3000\nCRISP_VERIFY_SECRET=');
    const { code, out, err } = await idv(['scan', '--fix'], dir);
    assert.equal(code, 0, out + err);
    assert.equal(out, '');
    assert.equal(err, [
      'idv: fixed server/crisp.js:2:29 hardcoded-secret: replaced the literal with process.env.CRISP_VERIFY_SECRET\n',
      'idv: fixed server/hash.js:2:25 hardcoded-secret: replaced the literal with process.env.INTERCOM_SECRET\n',
      'idv: .env.example: added INTERCOM_SECRET; already lists CRISP_VERIFY_SECRET\n',
    ].join(''));
    assert.equal(readFileSync(join(dir, '.env.example'), 'utf8'), 'PORT=3000\nCRISP_VERIFY_SECRET=\nINTERCOM_SECRET=\n');
    assert.equal(readFileSync(join(dir, 'server', 'hash.js'), 'utf8'), 'const x = 1;\nconst INTERCOM_SECRET = process.env.INTERCOM_SECRET;\n');
    const again = await idv(['scan', '--fix'], dir);
    assert.deepEqual(again, { code: 0, out: '', err: 'idv: --fix changed nothing: no finding has a fix that is safe to apply unattended\n' });
  });

  it('does not create a missing .env.example, and says so', async () => {
    const { code, err } = await idv(['scan', '--fix'], dir);
    assert.equal(code, 0);
    assert.match(err, /^idv: no \.env\.example to list CRISP_VERIFY_SECRET, INTERCOM_SECRET in \(not created; /m);
    assert.throws(() => readFileSync(join(dir, '.env.example')), /ENOENT/);
  });

  it('JSON carries the changes under "fixes", positions in the file as written; SARIF as notifications', async () => {
    writeFileSync(join(dir, '.env.example'), '');
    // Two fixes on one line: the second's column is where it is after the first was applied.
    writeFileSync(join(dir, 'server', 'two.js'), `const config = { intercomSecret: '${SECRET}', crispSecret: '${OTHER}' };\n`);
    const { out } = await idv(['scan', '--fix', '--format', 'json'], dir);
    const report = JSON.parse(out) as { fixes: { applied: Array<{ file: string; line: number; column: number; ruleId: string; replacement: string; envVar?: string }>; envExample: { file: string; names: string[]; added: string[] } } };
    const two = report.fixes.applied.filter((f) => f.file === 'server/two.js');
    assert.equal(two.length, 2);
    const text = readFileSync(join(dir, 'server', 'two.js'), 'utf8');
    for (const f of two) assert.equal(text.split('\n')[f.line - 1]?.slice(f.column - 1, f.column - 1 + f.replacement.length), f.replacement);
    assert.deepEqual(report.fixes.envExample, { file: '.env.example', names: report.fixes.envExample.names, added: report.fixes.envExample.names });
    assert.deepEqual([...report.fixes.envExample.names].sort(), [...new Set(report.fixes.applied.map((f) => f.envVar))].sort());
    assert.equal(readFileSync(join(dir, '.env.example'), 'utf8'), report.fixes.envExample.names.map((n) => `${n}=\n`).join(''));

    writeFileSync(join(dir, 'server', 'hash.js'), `const INTERCOM_SECRET = '${SECRET}';\n`);
    const sarifText = (await idv(['scan', '--fix', '--format', 'sarif'], dir)).out;
    // The official schema, as scan.test.ts loads it (draft-04's `id` renamed for Ajv 8).
    const { id, ...schema } = JSON.parse(readFileSync(join(REPO, 'test', 'fixtures', 'sarif', 'sarif-schema-2.1.0.json'), 'utf8')) as Record<string, unknown>;
    delete schema.$schema;
    const ajv = new Ajv({ strict: false, allErrors: true, unicodeRegExp: false });
    addFormats(ajv);
    const validate = ajv.compile({ ...schema, $id: String(id) });
    assert.ok(validate(JSON.parse(sarifText)), JSON.stringify(validate.errors));
    const sarif = JSON.parse(sarifText) as { runs: Array<{ invocations: Array<{ toolExecutionNotifications: Array<{ descriptor?: { id: string }; message: { text: string } }> }> }> };
    const notes = sarif.runs[0]?.invocations[0]?.toolExecutionNotifications ?? [];
    assert.deepEqual(notes.filter((n) => n.descriptor?.id.startsWith('fix/')).map((n) => n.message.text), [
      'Fixed: server/hash.js:1:25 hardcoded-secret: replaced the literal with process.env.INTERCOM_SECRET',
      '.env.example: already lists INTERCOM_SECRET',
    ]);
  });

  it('uses the .env.example at the project root (the git top) when run from a subfolder', async () => {
    rmSync(join(dir, '.idvrc.json'));
    execFileSync('git', ['init', '-q'], { cwd: dir, stdio: 'ignore' });
    writeFileSync(join(dir, '.env.example'), 'PORT=3000\n');
    const { err } = await idv(['scan', '--fix', '.'], join(dir, 'server'));
    assert.match(err, /^idv: fixed hash\.js:2:25 hardcoded-secret: /m);
    assert.match(err, /^idv: \.\.\/\.env\.example: added CRISP_VERIFY_SECRET, INTERCOM_SECRET$/m);
    assert.equal(readFileSync(join(dir, '.env.example'), 'utf8'), 'PORT=3000\nCRISP_VERIFY_SECRET=\nINTERCOM_SECRET=\n');
  });
});
