import * as assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { inspectJwt, signHs256 } from '../../src/core/jwt';
import type { ReportContext } from '../../src/core/jwtReport';
import { getVendor } from '../../src/core/vendors';
import { verifyUserHash } from '../../src/core/verify';
import { counted, escapeHtml, jwtPanel, parseMessage, renderPanel, type PanelState } from '../../src/extension/panel/panelHtml';

const page = { nonce: 'n0nce', cspSource: 'https://webview.example' };
const KNOWN_HASH = 'aa747c502a898200f9e4fa21bac68136f886a0e27aec70ba06daf2e2a5cb5597';
const now = 1_800_000_000;
const intercom = getVendor('intercom');
const ctx: ReportContext = { vendor: intercom, secretName: 'Intercom Web secret', secretStored: true, now };

/** The page's text as a reader sees it: tags dropped, entities decoded, whitespace collapsed. */
function text(html: string): string {
  const body = html.slice(html.indexOf('<body>'), html.indexOf('<script'));
  return body.replace(/<[^>]+>/g, ' ').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&').replace(/\s+/g, ' ').trim();
}

describe('the Identity Verification panel (HTML)', () => {
  it('shows a verify diagnosis in full with the fix, and the right hash whole in a breakable monospace box', () => {
    const secret = 'pa55-s3cr3t-value';
    // The hash of the email while a user id is sent: the diagnosis names the mistake and the fix.
    const ofEmail = createHmac('sha256', secret).update('a@b.co').digest('hex');
    const wrong = verifyUserHash({ hash: ofEmail, identifiers: { userId: '42', email: 'a@b.co' }, vendor: intercom, platform: 'web', secret });
    assert.equal(wrong.match, false);
    const diagnosis = wrong.diagnosis?.message ?? '';
    assert.match(diagnosis, /hash of the user id/);
    const state: PanelState = { hash: { action: 'verified', vendor: 'Intercom', platform: 'Web', hashField: 'user_hash', identifierKind: 'user id', identifier: '42', hash: wrong.expected, given: ofEmail, match: false, diagnosis } };
    const html = renderPanel(state, page);
    const shown = text(html);
    assert.ok(shown.includes(diagnosis), shown);
    assert.ok(shown.includes('The hash does not match.'));
    assert.ok(shown.indexOf('does not match') < shown.indexOf(wrong.expected), 'the verdict before the hash');
    assert.match(html, new RegExp(`<code class="box" id="hash-value"[^>]*>${wrong.expected}</code>`));
    assert.match(html, /\.box \{[^}]*word-break: break-all;[^}]*user-select: all;/);
    assert.match(html, /\.box \{[^}]*font-family: var\(--vscode-editor-font-family\)|code \{ font-family: var\(--vscode-editor-font-family\)/);
    assert.match(html, /data-copy="hash" aria-label="Copy the user_hash">Copy</);
    assert.match(html, /data-insert="hash"/);
    assert.ok(shown.includes(`Hash checked ${ofEmail}`));
    assert.ok(!html.includes(secret), 'no secret on the page');
  });

  it('a computed hash: the inputs, the note on which identifier was hashed, no verdict', () => {
    const html = renderPanel({ hash: { action: 'computed', vendor: 'Intercom', platform: 'Web', hashField: 'user_hash', identifierKind: 'user id', identifier: 'Message', identifierNote: 'Both a user id and an email were given: the user id is hashed.', hash: KNOWN_HASH } }, page);
    const shown = text(html);
    assert.ok(shown.includes('Messenger Intercom · Web'), shown);
    assert.ok(shown.includes('Hashed (user id) "Message"'), shown);
    assert.ok(shown.includes(`user_hash (64 hex characters) ${KNOWN_HASH}`), shown);
    assert.ok(shown.includes('the user id is hashed'));
    assert.ok(!shown.includes('match'));
  });

  it('has a strict CSP: nothing by default, only its own nonce-tagged style and script, no external resources', () => {
    const html = renderPanel({}, page);
    assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'nonce-n0nce'; script-src 'nonce-n0nce';/);
    assert.deepEqual([...html.matchAll(/<script([^>]*)>/g)].map((m) => m[1]), [' nonce="n0nce"']);
    assert.deepEqual([...html.matchAll(/<style([^>]*)>/g)].map((m) => m[1]), [' nonce="n0nce"']);
    assert.doesNotMatch(html, /\sstyle="|\son[a-z]+="|https?:\/\/(?!webview\.example)|<link|<img|<iframe/);
    // Colours come from the theme.
    assert.doesNotMatch(html.slice(html.indexOf('<style'), html.indexOf('</style>')), /#[0-9a-f]{3,6}\b|rgb\(/i);
    // Keyboard: every action is a real button; the empty panel offers each command.
    for (const command of ['idv.computeUserHash', 'idv.verifyUserHash', 'idv.inspectJwt', 'idv.scanWorkspace']) {
      assert.match(html, new RegExp(`<button type="button" data-run="${command.replace('.', '\\.')}"`));
    }
  });

  it('escapes what it shows', () => {
    const html = renderPanel({ hash: { action: 'computed', vendor: 'Intercom', platform: 'Web', hashField: 'user_hash', identifierKind: 'email', identifier: '<img src=x onerror=alert(1)>', hash: KNOWN_HASH } }, page);
    assert.doesNotMatch(html, /<img/);
    assert.equal(escapeHtml(`<a href="x">'&'</a>`), '&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });

  it('Inspect JWT: the verdict first, then the problems counted in words, header and claims with ISO dates beside the epoch', () => {
    const longId = `user-${'x'.repeat(150)}`;
    const inspection = inspectJwt(signHs256({ exp: now - 5, iat: now - 3605, sub: longId }, 'other'), { secret: 's', vendor: intercom, now });
    const state = jwtPanel(inspection, ctx);
    assert.equal(state.verdict, 'invalid-signature');
    assert.equal(state.problems.length, 2);
    const shown = text(renderPanel({ jwt: state }, page));
    assert.match(shown, /^Hash checker .* Intercom JWT Invalid signature: /);
    assert.ok(shown.indexOf('Invalid signature') < shown.indexOf('Also 2 problems'), shown);
    assert.ok(shown.includes(`exp ${now - 5} 2027-01-15T07:59:55Z (5 seconds ago)`), shown);
    assert.ok(shown.includes(`iat ${now - 3605} 2027-01-15T06:59:55Z (1 hour ago)`), shown);
    assert.ok(shown.includes('Required by Intercom: "user_id" missing.'), shown);
    assert.ok(shown.includes(`"${longId}"`), 'a long claim is shown whole');
    assert.ok(shown.includes('"HS256"'));
    assert.doesNotMatch(shown, /\(s\)/);

    const one = jwtPanel(inspectJwt(signHs256({ user_id: '1' }, 's'), { secret: 's', vendor: intercom, now }), ctx);
    assert.equal(one.verdict, 'valid');
    assert.ok(text(renderPanel({ jwt: one }, page)).includes('Also 1 problem '));
    assert.equal(counted(1, 'problem'), '1 problem');
    assert.equal(counted(1204, 'file'), '1,204 files');
  });

  it('the last scan: counts by rule, files not read with why, and a button to the Problems view', () => {
    const html = renderPanel({ scan: { files: 120, findings: 3, cancelled: false, byRule: [{ rule: 'missing-user-hash', count: 2 }, { rule: 'client-side-hmac', count: 1 }], notRead: [{ file: 'big.min.js', reason: 'larger than 1 MB' }] } }, page);
    const shown = text(html);
    assert.ok(shown.includes('Scanned 120 files: 3 problems.'), shown);
    assert.ok(shown.includes('missing-user-hash 2 client-side-hmac 1'), shown);
    assert.ok(shown.includes('1 file not read big.min.js : larger than 1 MB'), shown);
    assert.match(html, /data-run="workbench\.actions\.view\.problems">Open Problems</);
    assert.doesNotMatch(text(renderPanel({ scan: { files: 1, findings: 0, cancelled: false, byRule: [], notRead: [] } }, page)), /Open Problems/);
  });

  it('accepts only the messages its buttons send', () => {
    assert.deepEqual(parseMessage({ type: 'run', command: 'idv.verifyUserHash' }), { type: 'run', command: 'idv.verifyUserHash' });
    assert.equal(parseMessage({ type: 'run', command: 'workbench.action.terminal.new' }), undefined);
    assert.deepEqual(parseMessage({ type: 'copy', what: 'hash' }), { type: 'copy', what: 'hash' });
    assert.equal(parseMessage({ type: 'copy', what: 'secret' }), undefined);
    assert.equal(parseMessage({ type: 'insert', what: 'given' }), undefined);
    assert.equal(parseMessage('run'), undefined);
    assert.equal(parseMessage(null), undefined);
  });
});
