/**
 * Moving an Intercom installation from the HMAC `user_hash` (deprecated by Intercom) to
 * Messenger Security's JWT, one place at a time, as the editor's "Migrate to Messenger
 * Security" actions offer it:
 *   - on the server, `createHmac('sha256', secret).update(id).digest('hex')` becomes
 *     `jwt.sign({ user_id: id }, secret, { algorithm: 'HS256', expiresIn: '1h' })` (the same
 *     identifier and key; jsonwebtoken, whose `sign` is synchronous like the HMAC it replaces);
 *   - on the client, the settings field `user_hash` becomes `intercom_user_jwt`, and the mobile
 *     SDKs' `setUserHash` becomes `setUserJwt`.
 * Offered only where the result is what Intercom verifies: a hash of the user id (an
 * email-only JWT is rejected), in JavaScript or TypeScript on the server side.
 */
import { callArguments, matchBracket } from '../engine/calls';
import type { CryptoCall, FileFacts } from '../syntax/index';

/** Replace [start, end) with `text`. */
export interface TextEdit {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

export interface Migration {
  readonly title: string;
  readonly edits: readonly TextEdit[];
}

/** How many chained calls after the HMAC are followed (`.update(…).digest(…)`). */
const CHAIN_STEPS = 8;
/** Method calls on an HMAC's result that the JWT replaces. */
const CHAIN_METHOD = /^\s*\.\s*(update|digest)\s*\(/;
const SERVER_TITLE = "Migrate to Messenger Security: sign a JWT (jsonwebtoken) instead of the user_hash";
const CLIENT_TITLE = 'Migrate to Messenger Security: send the JWT as intercom_user_jwt';

/** The server migration for the Intercom HMAC at `offset`, if there is one to make. */
export function migrateServerHash(text: string, facts: FileFacts, offset: number): Migration | undefined {
  if (facts.language !== 'javascript' && facts.language !== 'typescript' && facts.language !== 'tsx') return undefined;
  for (const call of facts.crypto) {
    const end = call.kind === 'hmac' && call.api === 'createHmac' ? chainEnd(text, call.end) : undefined;
    if (end === undefined || offset < call.start || offset > end) continue;
    return serverEdits(text, facts, call, end);
  }
  return undefined;
}

function serverEdits(text: string, facts: FileFacts, call: CryptoCall, end: number): Migration | undefined {
  const [message] = call.messages;
  const key = call.key;
  // Intercom's: its secret, or a file that talks to Intercom; and a hash of the id, not an email.
  if (!key || !message || call.messages.length !== 1 || /email/i.test(message.text)) return undefined;
  if (!/intercom/i.test(key.text) && !/intercom/i.test(text)) return undefined;
  // The key as written (`process.env.X as string`, `process.env.X!`): the facts hold it unwrapped.
  const open = text.indexOf('(', call.start);
  const keyText = (open >= 0 && open < call.end ? callArguments(text, open)[1]?.text : undefined) ?? key.text;
  const edits: TextEdit[] = [{ start: call.start, end, text: `jwt.sign({ user_id: ${message.text} }, ${keyText}, { algorithm: 'HS256', expiresIn: '1h' })` }];
  if (!/\bjsonwebtoken\b/.test(text)) edits.push(importEdit(text, facts));
  const unused = unusedHmacImport(text, facts, call, end);
  if (unused) edits.push(unused);
  return { title: SERVER_TITLE, edits: edits.sort((a, b) => a.start - b.start) };
}

/** Where `.update(…).digest(…)` after an HMAC call ends; undefined without a `.digest(`. */
function chainEnd(text: string, from: number): number | undefined {
  let at = from;
  let digested = false;
  for (let step = 0; step < CHAIN_STEPS; step++) {
    const m = CHAIN_METHOD.exec(text.slice(at, at + 200));
    if (!m) break;
    // matchBracket gives the offset after the bracket that closes the `(` the match ends with.
    const close = matchBracket(text, at + m[0].length - 1) - 1;
    if (text.charAt(close) !== ')') return undefined;
    digested ||= m[1] === 'digest';
    at = close + 1;
  }
  return digested ? at : undefined;
}

/** `import jwt from 'jsonwebtoken';` after the last import, or a require in CommonJS. */
function importEdit(text: string, facts: FileFacts): TextEdit {
  const esm = facts.imports.filter((i) => i.kind === 'import');
  const last = esm[esm.length - 1];
  if (last) {
    const lineEnd = text.indexOf('\n', last.end);
    const at = lineEnd < 0 ? text.length : lineEnd + 1;
    return { start: at, end: at, text: "import jwt from 'jsonwebtoken';\n" };
  }
  // After a directive prologue ('use server'), else at the top.
  const prologue = facts.directives[facts.directives.length - 1];
  const at = prologue ? text.indexOf('\n', prologue.end) + 1 || text.length : 0;
  const statement = facts.exports.length > 0 ? "import jwt from 'jsonwebtoken';\n" : "const jwt = require('jsonwebtoken');\n";
  return { start: at, end: at, text: statement };
}

/** Removes `createHmac` from its import when the HMAC being replaced was its only use. */
function unusedHmacImport(text: string, facts: FileFacts, call: CryptoCall, end: number): TextEdit | undefined {
  const rest = text.slice(0, call.start) + text.slice(end);
  const uses = rest.split(/\bcreateHmac\b/).length - 1;
  const fact = facts.imports.find((i) => (i.source === 'crypto' || i.source === 'node:crypto') && i.names.some((n) => n.local === 'createHmac'));
  if (!fact || uses !== 1) return undefined;
  if (fact.names.length === 1) {
    const lineEnd = text.indexOf('\n', fact.end);
    return { start: fact.start, end: lineEnd < 0 ? fact.end : lineEnd + 1, text: '' };
  }
  const statement = text.slice(fact.start, fact.end);
  const m = /createHmac\s*,\s*|,\s*createHmac\b/.exec(statement);
  return m ? { start: fact.start + m.index, end: fact.start + m.index + m[0].length, text: '' } : undefined;
}

/** The client migration at `offset`: Intercom's `user_hash` field, or `setUserHash`. */
export function migrateClientProof(text: string, facts: FileFacts | undefined, offset: number): Migration | undefined {
  for (const call of facts?.messengerCalls ?? []) {
    if (call.vendor !== 'intercom') continue;
    for (const field of call.fields ?? []) {
      if (field.name !== 'user_hash' || offset < field.start || offset > field.end) continue;
      const written = text.slice(field.start, field.end);
      // `{ user_hash }`: the shorthand keeps its value under the new name.
      if (written === 'user_hash') return { title: CLIENT_TITLE, edits: [{ start: field.start, end: field.end, text: 'intercom_user_jwt: user_hash' }] };
      const at = written.indexOf('user_hash');
      if (at >= 0) return { title: CLIENT_TITLE, edits: [{ start: field.start + at, end: field.start + at + 'user_hash'.length, text: 'intercom_user_jwt' }] };
    }
  }
  // Mobile and React Native: the SDK call, by its name (no grammar for Swift, Kotlin or Dart).
  const from = Math.max(0, offset - 'setUserHash'.length);
  const near = text.slice(from, offset + 'setUserHash'.length).indexOf('setUserHash');
  if (near >= 0 && /intercom/i.test(text)) {
    const start = from + near;
    return { title: 'Migrate to Messenger Security: set the JWT with setUserJwt', edits: [{ start, end: start + 'setUserHash'.length, text: 'setUserJwt' }] };
  }
  return undefined;
}
