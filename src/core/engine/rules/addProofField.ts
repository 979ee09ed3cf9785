/**
 * missing-user-hash's constructive fix: add the proof field to the call's settings object,
 * wired to a value the server fills. The engine cannot know where the page gets its data, so
 * the value is a clearly named property of the object the user id already comes from
 * (`user_id: user.id` → `user_hash: user.userHash`) or, when the id is a plain variable or
 * prop, a variable of that name (`userId` → `userHash`). A suggestion, never applied by "fix
 * all": the server must provide that value (the snippet the editor offers beside it does).
 */
import type { FileFacts, MessengerCall, SentField } from '../../syntax/index';
import { proofFieldsOf, vendorDefinition, type ProofScheme } from '../../vendors/index';
import type { Suggestion } from '../types';

/** The suggestion, and the scheme and field it adds (for the editor's snippet action). */
export interface ProofFieldFix {
  readonly suggestion: Suggestion;
  readonly field: string;
  readonly scheme: ProofScheme;
}

/** The edit that adds the proof to `call`'s settings object in `text`, when one can be written. */
export function addProofField(text: string, facts: FileFacts, call: MessengerCall): ProofFieldFix | undefined {
  const settings = call.settings;
  const keys = proofFieldsOf(call.vendor, call.shape);
  if (!settings || !keys || keys.length === 0 || text.charAt(settings.start) !== '{') return undefined;
  // The fields written in this very object literal: the new one goes after the last of them.
  const own = call.fields.filter((f) => (f.from === undefined || f.from === 'variable') && f.start > settings.start && f.end < settings.end && !f.spread);
  const last = own.reduce<SentField | undefined>((a, f) => (a === undefined || f.end > a.end ? f : a), undefined);
  const definition = vendorDefinition(call.vendor);
  const id = pickIdField(own, definition.idKeys, definition.facts.userIdField);
  if (!last || !id?.name) return undefined;
  const scheme = schemeFor(call, facts, text);
  const camel = /[a-z][A-Z]/.test(id.name);
  const field = pickKey(keys, scheme, camel, scheme === 'jwt' ? definition.facts.jwt?.field : definition.facts.hashField);
  if (!field) return undefined;
  const value = valueFor(id, scheme);
  const entry = entryLike(text, id, field, value);
  const edit = insertion(text, last, settings.end, entry);
  return {
    suggestion: { title: `Add ${field}: ${value}, a value your server computes`, fix: { range: { start: edit.at, end: edit.at }, text: edit.text } },
    field,
    scheme,
  };
}

/** The user id field when sent, else the first identifying field. */
function pickIdField(fields: readonly SentField[], idKeys: readonly string[], userIdField: string | undefined): SentField | undefined {
  const ids = fields.filter((f) => f.name !== undefined && idKeys.includes(f.name));
  return ids.find((f) => f.name === userIdField || (f.name !== undefined && /id$/i.test(f.name))) ?? ids[0];
}

/**
 * JWT when the vendor has nothing else, or when this file already sends the vendor's JWT field
 * in another call (the installation has moved to JWTs); the HMAC hash otherwise.
 */
function schemeFor(call: MessengerCall, facts: FileFacts, text: string): ProofScheme {
  const vendor = vendorDefinition(call.vendor).facts;
  if (vendor.scheme === 'jwt-only') return 'jwt';
  if (vendor.scheme === 'hmac' || !vendor.jwt) return 'hmac';
  const jwtField = vendor.jwt.field;
  const sendsJwt = facts.messengerCalls.some((c) => c.vendor === call.vendor && c.fields.some((f) => f.name !== undefined && (f.name === jwtField || /jwt/i.test(f.name))));
  return sendsJwt || text.includes(jwtField) ? 'jwt' : 'hmac';
}

/** The proof key of `scheme` written in the call's style: camelCase beside `userId`, else the vendor's own. */
function pickKey(keys: readonly string[], scheme: ProofScheme, camel: boolean, preferred: string | undefined): string | undefined {
  const ofScheme = keys.filter((k) => /jwt/i.test(k) === (scheme === 'jwt'));
  const styled = ofScheme.filter((k) => /[a-z][A-Z]/.test(k) === camel);
  if (preferred !== undefined && styled.includes(preferred)) return preferred;
  return styled[0] ?? (preferred !== undefined && ofScheme.includes(preferred) ? preferred : ofScheme[0]);
}

/** `user.userHash` beside `user.id`, `userHash` beside `userId` or anything else. */
function valueFor(id: SentField, scheme: ProofScheme): string {
  const written = id.value.text;
  const snake = /_/.test(written.slice(written.lastIndexOf('.') + 1)) && !/[a-z][A-Z]/.test(written);
  const name = scheme === 'jwt' ? (snake ? 'user_jwt' : 'userJwt') : (snake ? 'user_hash' : 'userHash');
  const member = /^((?:[A-Za-z_$][\w$]*\??\.)+)[A-Za-z_$][\w$]*$/.exec(written);
  if ((id.value.kind === 'member' || id.value.kind === 'identifier') && member?.[1]) return `${member[1]}${name}`;
  return name;
}

/** `field: value` written as the id field is written (its quotes, `:` or `=>`); shorthand when the names agree. */
function entryLike(text: string, id: SentField, field: string, value: string): string {
  const name = id.name as string;
  const keyPart = text.slice(id.start, id.value.start);
  if (id.value.start <= id.start || keyPart.trim() === '') return field === value ? field : `${field}: ${value}`;
  const at = keyPart.indexOf(name);
  return at < 0 ? `${field}: ${value}` : `${keyPart.slice(0, at)}${field}${keyPart.slice(at + name.length)}${value}`;
}

/** Where and what to insert after `last`: on a line of its own in a multi-line object, else inline. */
function insertion(text: string, last: SentField, objectEnd: number, entry: string): { at: number; text: string } {
  const after = text.slice(last.end, objectEnd);
  const comma = /^\s*,/.exec(after);
  const lineStart = text.lastIndexOf('\n', last.start) + 1;
  const multiline = text.slice(lineStart, last.start).trim() === '' && text.slice(last.end, objectEnd).includes('\n');
  if (multiline) {
    const indent = /^[ \t]*/.exec(text.slice(lineStart))?.[0] ?? '';
    return comma ? { at: last.end + comma[0].length, text: `\n${indent}${entry},` } : { at: last.end, text: `,\n${indent}${entry}` };
  }
  return comma ? { at: last.end + comma[0].length, text: ` ${entry},` } : { at: last.end, text: `, ${entry}` };
}
