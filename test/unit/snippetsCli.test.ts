import * as assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { snippetCommand } from '../../src/cli/commands/snippet';
import { main } from '../../src/cli/main';

interface Row {
  id: string; language: string; framework: string; kind: string; scheme: string; vendor: string;
  runnable?: { filename: string; command: string };
}

async function run(argv: readonly string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    stdout: (t) => { stdout += t; },
    stderr: (t) => { stderr += t; },
    stdin: Readable.from([]),
    env: {},
    cwd: process.cwd(),
  });
  return { code, stdout, stderr };
}

describe('idv snippet', () => {
  it('is registered as a CLI command', async () => {
    assert.equal(snippetCommand.name, 'snippet');
    assert.match((await run(['--help'])).stdout, /snippet/);
  });

  it('--list --format json gives the fixed fields, and runnable for every server hmac snippet', async () => {
    const { code, stdout } = await run(['snippet', '--list', '--format', 'json']);
    assert.equal(code, 0);
    const rows = JSON.parse(stdout) as Row[];
    for (const row of rows) {
      for (const key of ['id', 'language', 'framework', 'kind', 'scheme', 'vendor'] as const) assert.equal(typeof row[key], 'string', `${row.id}.${key}`);
      assert.ok(['server', 'client'].includes(row.kind) && ['hmac', 'jwt'].includes(row.scheme));
      if (row.kind === 'server' && row.scheme === 'hmac') assert.ok(row.runnable?.filename && row.runnable.command, row.id);
    }
    const server = rows.filter((r) => r.kind === 'server' && r.scheme === 'hmac');
    assert.ok(server.length >= 20 && new Set(server.map((r) => r.language)).size >= 12);
  });

  it('--list prints a readable table by default', async () => {
    const { code, stdout } = await run(['snippet', '--list']);
    assert.equal(code, 0);
    assert.match(stdout, /^ID\s+LANGUAGE\s+FRAMEWORK/);
    assert.match(stdout, /\nexpress\s+javascript\s+Express\s+server\s+hmac/);
  });

  it('prints a snippet as inserted, for the vendor, identifier and env var asked for', async () => {
    const { code, stdout } = await run(['snippet', 'flask', '--vendor', 'crisp', '--identifier', 'email', '--env-var', 'CRISP_SECRET']);
    assert.equal(code, 0);
    assert.match(stdout, /os\.environ\["CRISP_SECRET"\]/);
    assert.match(stdout, /"signature": user_hash\(current_user\.email\)/);
    assert.doesNotMatch(stdout, /«|\$\{\d/);
  });

  it('--runnable prints a program that reads IDV_SECRET and IDV_IDENTIFIER', async () => {
    const { code, stdout } = await run(['snippet', 'go', '--runnable']);
    assert.equal(code, 0);
    assert.match(stdout, /^package main/);
    assert.match(stdout, /os\.Getenv\("IDV_SECRET"\)/);
    assert.match(stdout, /os\.Getenv\("IDV_IDENTIFIER"\)/);
  });

  for (const argv of [
    ['snippet'],
    ['snippet', 'nope'],
    ['snippet', 'express', '--vendor', 'zendesk'],
    ['snippet', 'express', '--identifier', 'phone'],
    ['snippet', 'express', '--env-var', 'bad name'],
    ['snippet', 'react', '--runnable'],
    ['snippet', '--list', '--format', 'xml'],
    ['snippet', '--list', 'express'],
    ['snippet', 'express', '--bogus'],
  ]) {
    it(`exits 2 with one line for bad usage: ${argv.slice(1).join(' ')}`, async () => {
      const { code, stdout, stderr } = await run(argv);
      assert.equal(code, 2);
      assert.equal(stdout, '');
      assert.match(stderr, /^idv: [^\n]+\n$/);
    });
  }
});
