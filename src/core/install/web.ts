/**
 * Web installations: settings objects and boot/identify calls, read through the engine's
 * identify-call table (shared with missing-user-hash) plus the two vendors that rule does not
 * cover, Zendesk messaging (a JWT handed to a callback) and Novu (JSX props or a constructor).
 */
import { callArguments, hasKey, matchBracket } from '../engine/calls';
import type { Doc } from '../engine/doc';
import { argsHash, hashAssignedElsewhere, IDENTIFY_CALLS, readCall, type CallSite, type IdentifyCall } from '../engine/identify-calls';
import { proofScheme } from '../vendors';
import { capped, identifierList, identifierOfKey, isEmptyValue, type Site } from './site';

/** Every web installation in the document, in table order (the caller sorts). */
export function webSites(doc: Doc): Site[] {
  const out: Site[] = [];
  for (const call of IDENTIFY_CALLS) {
    if (call.settings === 'file' || !doc.has(call.gate) || !doc.has(call.needle)) continue;
    for (const hit of capped(doc.offsets(call.needle))) {
      const site = readCall(doc.text, doc.path, call, hit);
      if (!site || site.kind === 'file') continue;
      const found = site.kind === 'args' ? fromArgs(doc, call, hit, site.args) : fromObject(doc, call, hit, site);
      if (found) out.push(found);
    }
  }
  out.push(...zendeskSites(doc), ...novuSites(doc));
  return out;
}

function fromArgs(doc: Doc, call: IdentifyCall, hit: number, args: readonly { text: string; start: number }[]): Site | undefined {
  const judged = argsHash(doc.text, call, args);
  if (!judged) return undefined;
  const hash = judged.hash && !isEmptyValue(judged.hash.text) ? judged.hash.text : undefined;
  // Crisp identifies by email; Gleap by the id in its first argument, with an optional email.
  const identifiers = call.vendor === 'crisp' ? identifierList(['email'])
    : identifierList(['user_id', args[1] && hasKey(args[1].text, 'email') ? 'email' : undefined]);
  return { offset: hit, vendor: call.vendor, identifiers, sendsHash: hash !== undefined, ...(hash !== undefined ? { hash } : {}), mobile: false };
}

function fromObject(doc: Doc, call: IdentifyCall, hit: number, site: CallSite & { kind: 'object' }): Site | undefined {
  const { span } = site;
  const spread = span.includes('...');
  // Spread settings may bring identifiers and the hash from an object built elsewhere in the file.
  const keyed = (k: string) => (span.includes(k) && hasKey(span, k)) || (spread && doc.has(k) && hasKey(doc.text, k));
  const ids = call.idKeys.filter(keyed).map(identifierOfKey);
  // Chatwoot's setUser(identifier, { … }) always sends the identifier as its first argument.
  if (call.vendor === 'chatwoot') ids.push('user_id');
  const identifiers = identifierList(ids);

  // `value` undefined: a hash is sent but its expression is not in the literal.
  let entry: { value?: string; key?: string } | undefined = hashEntry(doc.text, site.open, call.hashKeys, (k) => proofScheme(call.vendor, k) === 'jwt');
  if (!entry && hashAssignedElsewhere((n) => doc.has(n), call)) entry = assignedHash(doc, call.hashKeys);
  if (!entry && spread) {
    const key = call.hashKeys.find((k) => doc.has(k) && hasKey(doc.text, k));
    if (key !== undefined) entry = { key };
  }
  const sendsHash = entry !== undefined && (entry.value === undefined || !isEmptyValue(entry.value));
  // `Intercom('update', { last_request_at })` pings an existing session; it installs nothing.
  if (/update/.test(site.then) && identifiers.length === 0 && !sendsHash) return undefined;
  const hash = sendsHash ? entry?.value : undefined;
  const proofName = sendsHash ? entry?.key : undefined;
  return {
    offset: hit, vendor: call.vendor, identifiers, sendsHash, ...(hash !== undefined ? { hash } : {}),
    ...(proofName !== undefined ? { proofName } : {}), mobile: false,
  };
}

/** Line and block comments before an entry of an object literal. */
const LEADING_COMMENTS = /^(?:\s{0,200}(?:\/\/[^\n]{0,500}(?:\n|$)|\/\*[^]{0,500}?\*\/))+\s{0,200}/;
/** A line comment after the last entry's value (`user_hash: hash // from the server`), outside quotes. */
const TRAILING_COMMENT = /\s{1,20}\/\/[^\n'"`]{0,500}$/;

/**
 * The key and value of the first hash key (or any `…jwt…` key) in the object opening at `open`;
 * of several, the first that `isJwt`, the proof a vendor checks once its JWT security is on.
 */
function hashEntry(text: string, open: number, hashKeys: readonly string[], isJwt: (key: string) => boolean): { value: string; key: string } | undefined {
  let first: { value: string; key: string } | undefined;
  for (const entry of callArguments(text, open)) {
    // A comment that ends the line of the entry before (`app_id: 'x', // workspace`) starts this one's text.
    const entryText = entry.text.replace(LEADING_COMMENTS, '');
    const m = /^["']?([\w$:]{1,60})["']?\s{0,5}(?::(?!:)|=>|=(?!=))\s{0,5}/.exec(entryText);
    const key = m?.[1] ?? (/^[\w$]{1,60}$/.test(entryText) ? entryText : undefined);
    if (key === undefined || !(hashKeys.includes(key) || /jwt/i.test(key))) continue;
    const found = { value: (m ? entryText.slice(m[0].length) : entryText).replace(TRAILING_COMMENT, ''), key };
    if (isJwt(key)) return found;
    first ??= found;
  }
  return first;
}

/** Per document and key list: every settings object in a file shares the one late assignment. */
const assigned = new WeakMap<Doc, Map<readonly string[], { value?: string; key?: string }>>();

/** The right-hand side of `x.user_hash = …` elsewhere in the file (value unknown when not `=`). */
function assignedHash(doc: Doc, hashKeys: readonly string[]): { value?: string; key?: string } {
  let cache = assigned.get(doc);
  if (!cache) {
    cache = new Map();
    assigned.set(doc, cache);
  }
  let found = cache.get(hashKeys);
  if (!found) {
    found = findAssignedHash(doc, hashKeys) ?? {};
    cache.set(hashKeys, found);
  }
  return found;
}

function findAssignedHash(doc: Doc, hashKeys: readonly string[]): { value: string; key: string } | undefined {
  for (const key of hashKeys) {
    for (const spelling of [`.${key}`, `["${key}"]`, `['${key}']`]) {
      for (const at of capped(doc.offsets(spelling))) {
        const rest = doc.text.slice(at + spelling.length, at + spelling.length + 300);
        const m = /^\s{0,5}=(?!=)\s{0,5}([^;\n]{1,250})/.exec(rest);
        if (m?.[1]) return { value: m[1].trim(), key };
      }
    }
  }
  return undefined;
}

/**
 * Zendesk messaging: `zE('messenger', 'loginUser', (callback) => callback(jwt))`. The JWT carries
 * `external_id`, so the call identifies by user id; the callback's body is kept as evidence of
 * where the token comes from (usually a fetch to the app's server).
 */
function zendeskSites(doc: Doc): Site[] {
  if (!doc.has('zE(') || !doc.has('loginUser')) return [];
  const out: Site[] = [];
  for (const hit of capped(doc.offsets('zE('))) {
    if (/[\w$]/.test(doc.text.charAt(hit - 1))) continue;
    if (!/^\s{0,5}["']messenger["']\s{0,5},\s{0,5}["']loginUser["']/.test(doc.text.slice(hit + 3, hit + 80))) continue;
    const callback = callArguments(doc.text, hit + 2)[2];
    const param = callback && /^(?:async\s{1,5})?(?:function\b[\w$\s]{0,60})?\(?\s{0,5}([A-Za-z_$][\w$]{0,60})/.exec(callback.text);
    let token: string | undefined;
    if (callback && param?.[1]) {
      const call = callback.text.indexOf(`${param[1]}(`, param[0].length);
      const arg = call >= 0 ? callArguments(doc.text, callback.start + call + param[1].length)[0] : undefined;
      if (arg && !isEmptyValue(arg.text)) token = arg.text;
    }
    out.push({
      offset: hit, vendor: 'zendesk', identifiers: ['user_id'], sendsHash: token !== undefined,
      ...(token !== undefined ? { hash: token, evidence: callback?.text ?? '' } : {}), mobile: false,
    });
  }
  return out;
}

const NOVU_IDS = ['subscriberId', 'subscriber'];

/** Novu: `<Inbox subscriberId=… subscriberHash=… />`, `<NovuProvider …>` or `new Novu({ … })`. */
export function novuSites(doc: Doc): Site[] {
  if (!doc.has('@novu/')) return [];
  const out: Site[] = [];
  for (const needle of ['<Inbox', '<NovuProvider', 'new Novu(']) {
    for (const hit of capped(doc.offsets(needle))) {
      let span: string;
      if (needle.startsWith('<')) {
        if (/[\w$]/.test(doc.text.charAt(hit + needle.length))) continue; // <InboxContent
        span = jsxTag(doc.text, hit);
      } else {
        const open = doc.text.indexOf('{', hit + needle.length);
        if (open < 0 || open - hit > needle.length + 20) continue;
        span = doc.text.slice(open, matchBracket(doc.text, open));
      }
      const identifiers = identifierList(NOVU_IDS.filter((k) => span.includes(k) && hasKey(span, k)).map(identifierOfKey));
      const value = attributeValue(span, 'subscriberHash');
      const sendsHash = value !== undefined && !isEmptyValue(value);
      if (identifiers.length === 0 && !sendsHash) continue;
      out.push({ offset: hit, vendor: 'novu', identifiers, sendsHash, ...(sendsHash ? { hash: value } : {}), mobile: false });
    }
  }
  return out;
}

/** The opening JSX tag starting at `at`, up to its `>` outside braces and quotes (bounded). */
function jsxTag(text: string, at: number): string {
  const stop = Math.min(text.length, at + 3000);
  for (let i = at + 1; i < stop; i++) {
    const c = text.charAt(i);
    if (c === '{') i = matchBracket(text, i) - 1;
    else if (c === '"' || c === "'") {
      const close = text.indexOf(c, i + 1);
      if (close < 0 || close > stop) return text.slice(at, stop);
      i = close;
    } else if (c === '>') return text.slice(at, i + 1);
  }
  return text.slice(at, stop);
}

/** The value of `key` in a JSX tag (`key={expr}`, `key="…"`) or an object (`key: expr`). */
function attributeValue(span: string, key: string): string | undefined {
  for (let at = span.indexOf(key); at >= 0; at = span.indexOf(key, at + key.length)) {
    if (!hasKey(span.slice(at), key) || /[\w$]/.test(span.charAt(at - 1))) continue;
    const m = /^\s{0,3}(?::|=)\s{0,3}/.exec(span.slice(at + key.length, at + key.length + 10));
    if (!m) return key; // shorthand `{ subscriberHash }`
    const from = at + key.length + m[0].length;
    const c = span.charAt(from);
    if (c === '{') return span.slice(from + 1, matchBracket(span, from) - 1).trim();
    if (c === '"' || c === "'") return span.slice(from, span.indexOf(c, from + 1) + 1);
    return /^[^,}\n]{0,200}/.exec(span.slice(from))?.[0].trim();
  }
  return undefined;
}
