import * as assert from 'node:assert/strict';
import { listSnippets, renderCore, renderRunnable, renderSnippet, resolveContext, SnippetError } from '../../src/core/snippets/catalogue';
import { toPlainText, toVsCodeBody } from '../../src/core/snippets/template';
import { VENDORS } from '../../src/core/vendors';

/**
 * A reader for the subset of VS Code's snippet grammar the catalogue emits. It fails on any
 * `$` that is neither escaped nor a tab stop, so a body VS Code would misread cannot pass.
 */
function readVsCodeBody(body: string): { text: string; stops: number[] } {
  let text = '';
  const stops: number[] = [];
  let i = 0;
  const escaped = (inPlaceholder: boolean) => {
    const next = body[i + 1];
    if (next === '$' || next === '\\' || (next === '}' && inPlaceholder) || next === '}') {
      text += next;
      i += 2;
      return true;
    }
    return false;
  };
  while (i < body.length) {
    const ch = body[i];
    if (ch === '\\' && escaped(false)) continue;
    if (ch === '$') {
      const simple = /^\$(\d+)/.exec(body.slice(i));
      if (simple?.[1] !== undefined) {
        stops.push(Number(simple[1]));
        i += simple[0].length;
        continue;
      }
      const open = /^\$\{(\d+):/.exec(body.slice(i));
      assert.ok(open?.[1] !== undefined, `unescaped $ at ${i}: ${JSON.stringify(body.slice(Math.max(0, i - 20), i + 20))}`);
      stops.push(Number(open[1]));
      i += open[0].length;
      while (body[i] !== '}') {
        assert.ok(i < body.length, 'unterminated placeholder');
        if (body[i] === '\\' && escaped(true)) continue;
        assert.notEqual(body[i], '$', 'nested or unescaped $ inside a placeholder');
        text += body[i];
        i += 1;
      }
      i += 1;
      continue;
    }
    text += ch;
    i += 1;
  }
  return { text, stops };
}

/** Leading whitespace removed from every line: a core nested in a module or class is indented. */
const dedent = (text: string) => text.replace(/^[ \t]+/gm, '');

const everyRendering = () => listSnippets().flatMap((s) => s.vendors.map((vendor) => ({ s, vendor, r: renderSnippet(s.id, { vendor }) })));

describe('core/snippets catalogue', () => {
  it('has at least 20 server HMAC snippets over at least 12 languages, each with a runnable program', () => {
    const server = listSnippets({ kind: 'server', scheme: 'hmac' });
    assert.ok(server.length >= 20, `${server.length} server hmac snippets`);
    assert.ok(new Set(server.map((s) => s.language)).size >= 12);
    for (const s of server) assert.ok(s.runnable, `${s.id} has no runnable program`);
  });

  it('has client snippets for web, iOS (Swift and Objective-C), Android (Kotlin and Java), React Native and Flutter', () => {
    const client = new Set(listSnippets({ kind: 'client' }).map((s) => s.language));
    for (const language of ['html', 'javascriptreact', 'typescriptreact', 'vue', 'swift', 'objective-c', 'kotlin', 'java', 'dart']) {
      assert.ok(client.has(language), `no client snippet for ${language}`);
    }
    assert.ok(listSnippets({ kind: 'client' }).some((s) => s.id === 'react-native'));
  });

  it('has JWT snippets for every vendor with a JWT scheme', () => {
    for (const vendor of VENDORS.filter((v) => v.jwt)) {
      assert.ok(listSnippets({ kind: 'server', scheme: 'jwt', vendor: vendor.id }).length >= 3, vendor.id);
      assert.ok(listSnippets({ kind: 'client', scheme: 'jwt', vendor: vendor.id }).length >= 1, vendor.id);
    }
  });

  it('offers a client call for every vendor', () => {
    for (const vendor of VENDORS) assert.ok(listSnippets({ kind: 'client', vendor: vendor.id }).length > 0, vendor.id);
  });

  it('filters by VS Code language id', () => {
    const python = listSnippets({ languageId: 'python' });
    assert.ok(python.length >= 3);
    assert.ok(python.every((s) => s.language === 'python'));
    assert.deepEqual(listSnippets({ languageId: 'cobol' }), []);
  });

  it('gives every rendering a VS Code body that reads back to exactly the plain text', () => {
    for (const { s, vendor, r } of everyRendering()) {
      const read = readVsCodeBody(r.body.join('\n'));
      assert.equal(read.text, r.text.replace(/\n$/, ''), `${s.id}/${vendor}`);
      assert.ok(read.stops.includes(0), `${s.id}/${vendor} has no final tab stop $0`);
      assert.doesNotMatch(r.text, /[«»]/, `${s.id}/${vendor} leaks a marker`);
    }
  });

  it('escapes $ and backslashes outside tab stops', () => {
    assert.deepEqual(toVsCodeBody('a $b \\n «1:x}y» «0»\n'), ['a \\$b \\\\n ${1:x\\}y} $0']);
    assert.equal(toPlainText('a $b «1:x}y» «0»'), 'a $b x}y ');
    const chatwoot = renderSnippet('web', { vendor: 'chatwoot' });
    assert.ok(chatwoot.body.some((line) => line.includes('window.\\$chatwoot.setUser')));
    assert.ok(renderSnippet('spring').body.some((line) => line.includes('@Value("\\${INTERCOM_IDENTITY_VERIFICATION_SECRET}")')));
  });

  it('shares the core code verbatim between the snippet and its runnable program', () => {
    for (const s of listSnippets({ kind: 'server' })) {
      for (const vendor of s.vendors) {
        const core = renderCore(s.id, { vendor, envVar: 'IDV_SECRET' });
        assert.ok(core, s.id);
        assert.doesNotMatch(core.code, /[«»]/, `${s.id}: core code must not hold tab stops`);
        const code = dedent(core.code);
        assert.ok(dedent(renderSnippet(s.id, { vendor, envVar: 'IDV_SECRET' }).text).includes(code), `${s.id}/${vendor}: snippet lacks its core`);
        const runnableCore = renderCore(s.id, { vendor }, true);
        assert.ok(runnableCore && dedent(renderRunnable(s.id, { vendor }).program).includes(dedent(runnableCore.code)), `${s.id}/${vendor}: runnable lacks the core`);
      }
    }
  });

  it('parametrises by vendor: field names and hex secret decoding', () => {
    const crisp = renderSnippet('django', { vendor: 'crisp' }).text;
    assert.match(crisp, /"signature": user_hash\(user\.email\)/);
    assert.match(crisp, /CRISP_VERIFY_SECRET/);
    assert.match(renderSnippet('django', { vendor: 'pylon' }).text, /bytes\.fromhex\(secret\)/);
    assert.doesNotMatch(renderSnippet('django').text, /fromhex/);
    assert.match(renderSnippet('go', { vendor: 'pylon' }).text, /hex\.DecodeString\(secret\)/);
    assert.match(renderSnippet('jwt-node', { vendor: 'zendesk' }).text, /scope: 'user'.*keyid: keyId/s);
  });

  it('hashes the user id with an email fallback, or what --identifier asks for', () => {
    assert.match(renderSnippet('flask').text, /str\(current_user\.id\) if current_user\.id is not None else current_user\.email/);
    assert.match(renderSnippet('flask', { identifier: 'email' }).text, /user_hash\(current_user\.email\)/);
    assert.match(renderSnippet('flask', { vendor: 'novu' }).text, /user_hash\(str\(current_user\.id\)\)/);
  });

  it('refuses unknown ids, unsupported vendors, a wrong identifier and unsafe env var names', () => {
    assert.throws(() => renderSnippet('cobol'), SnippetError);
    assert.throws(() => renderSnippet('express', { vendor: 'zendesk' }), /supports these vendors/);
    assert.throws(() => renderSnippet('ios-swift', { vendor: 'crisp' }), SnippetError);
    assert.throws(() => resolveContext('express', { vendor: 'crisp', identifier: 'user_id' }), /hashes the email/);
    assert.throws(() => renderSnippet('express', { envVar: 'X"); evil("' }), /not a valid environment variable/);
    assert.throws(() => renderSnippet('express', { envVar: 'NEXT_PUBLIC_INTERCOM_SECRET' }), /public prefix/);
    assert.throws(() => renderRunnable('react'), /no runnable/);
  });
});
