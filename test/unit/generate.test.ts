/**
 * The generator's --check (the first stage of `npm test`) on a copy of the repository: it must
 * pass on the committed tree, fail naming each file when a generated file was edited by hand
 * or an input changed without regenerating, and pass again after `generate` rewrote them.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const REPO = resolve(__dirname, '..', '..', '..');
const GENERATED = ['package.json', 'README.md', 'snippets/python.code-snippets', 'src/core/engine/config.schema.json', 'src/core/engine/teddy.wasm.ts'];

function generate(root: string, ...args: string[]): { code: number | null; output: string } {
  const run = spawnSync(process.execPath, [join(REPO, 'src', 'build', 'generate.mjs'), '--root', root, ...args], { cwd: REPO, encoding: 'utf8' });
  return { code: run.status, output: `${run.stdout}${run.stderr}` };
}

/** Replaces `from` (which must occur) in a file of the copy. */
function edit(root: string, path: string, from: string | RegExp, to: string): void {
  const text = readFileSync(join(root, path), 'utf8');
  const next = text.replace(from, to);
  assert.notEqual(next, text, `${String(from)} occurs in ${path}`);
  writeFileSync(join(root, path), next);
}

describe('generate --check', function () {
  this.timeout(60_000);
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'idv-generate-test-'));
    for (const path of ['package.json', 'README.md', 'snippets', 'src']) cpSync(join(REPO, path), join(root, path), { recursive: true });
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('passes on the committed files', () => {
    const { code, output } = generate(root, '--check');
    assert.equal(code, 0, output);
  });

  it('fails naming every generated file edited by hand, and generate repairs them', () => {
    edit(root, 'package.json', '"zendesk"', '"zendesk-typo"');
    edit(root, 'README.md', /\| \[`hardcoded-secret`\][^\n]*/, '| hand-edited row |');
    edit(root, 'snippets/python.code-snippets', 'idv-django', 'idv-djangoo');
    edit(root, 'src/core/engine/config.schema.json', '"minimum": 1', '"minimum": 0');
    edit(root, 'src/core/engine/teddy.wasm.ts', /'A/, "'B");
    writeFileSync(join(root, 'snippets', 'cobol.code-snippets'), '{}\n');
    const stale = generate(root, '--check');
    assert.equal(stale.code, 1, stale.output);
    for (const path of [...GENERATED, 'snippets/cobol.code-snippets']) assert.ok(stale.output.includes(path), `${path} named in:\n${stale.output}`);

    assert.equal(generate(root).code, 0);
    const again = generate(root, '--check');
    assert.equal(again.code, 0, again.output);
    for (const path of GENERATED) assert.equal(readFileSync(join(root, path), 'utf8'), readFileSync(join(REPO, path), 'utf8'), path);
  });

  it('fails when an input changed and the output was not regenerated (a snippet title)', () => {
    edit(root, 'src/core/snippets/server/python.ts', "title: 'Flask route", "title: 'A Flask route");
    const stale = generate(root, '--check');
    assert.equal(stale.code, 1, stale.output);
    assert.match(stale.output, /snippets\/python\.code-snippets/);
  });

  it('fails when a rule changed and the schema, settings and README were not regenerated', () => {
    edit(root, 'src/core/engine/rules/missing-user-hash.ts', "defaultSeverity: 'warning'", "defaultSeverity: 'error'");
    const stale = generate(root, '--check');
    assert.equal(stale.code, 1, stale.output);
    for (const path of ['package.json', 'README.md', 'src/core/engine/config.schema.json']) assert.ok(stale.output.includes(path), `${path} named in:\n${stale.output}`);
  });
});
