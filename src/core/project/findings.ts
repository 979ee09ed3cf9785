/**
 * Findings that need two files to see: a secret handed from a server component to a client
 * component, a server-only secret module bundled into client code, and the identifier the
 * server hashes against the one the client sends. Each fires only when the model is sure of
 * both ends: precision over recall.
 */
import { vendorDefinition, VENDORS, type Vendor } from '../vendors';
import { code, fitted } from '../engine/index';
import type { EnvRead, Expr, MessengerCall, PropFact } from '../syntax/index';
import type { Exposure, OwnVerdict } from './sides';
import { PUBLIC_PREFIX } from './sides';
import type { ProjectFile, ProjectFinding, SideVerdict } from './types';
import type { Resolver } from './resolve';

/** (a) A server component passes a secret it read from the environment as a prop to a client component. */
export function secretProps(files: readonly ProjectFile[], sides: ReadonlyMap<string, SideVerdict>, own: ReadonlyMap<string, OwnVerdict>, resolver: Resolver, isSecret: (name: string) => boolean): ProjectFinding[] {
  const out: ProjectFinding[] = [];
  for (const file of files) {
    const elements = file.facts.elements ?? [];
    if (elements.length === 0 || sides.get(file.path)?.side !== 'server') continue;
    const secrets = file.facts.env.filter((e) => !PUBLIC_PREFIX.test(e.name) && isSecret(e.name));
    if (secrets.length === 0) continue;
    for (const element of elements) {
      const target = resolver.resolve(file.path, element.source);
      if (!target || own.get(target)?.reason !== "'use client' directive") continue;
      for (const prop of element.props) {
        const read = secretIn(prop, secrets);
        if (!read) continue;
        out.push({
          path: file.path, ruleId: 'secret-exposed-to-client', start: prop.start, end: prop.end,
          message: fitted(`Secret ${read.name} passed to client component <${element.name}>`, `Secret passed as a prop to client component <${element.name}>`, 'Secret passed as a prop to a client component'),
          detail: `The server-only secret ${code(read.name)} is passed as the prop ${code(prop.name)} to ${code(`<${element.name}>`)}, a ${code("'use client'")} component (${code(target)}): props of client components are serialised into the page and sent to the browser. Compute the hash here and pass only the hash.`,
        });
      }
    }
  }
  return out;
}

/**
 * The secret read a prop's value is, or was bound to. A call around the read makes something
 * else of it (`createHmac(…, secret)…digest()` is the hash, which belongs in props), unless it
 * only converts it (`String(secret)`).
 */
function secretIn(prop: PropFact, secrets: readonly EnvRead[]): EnvRead | undefined {
  const within = (e: EnvRead, x: Expr | undefined) => x !== undefined && e.start >= x.start && e.end <= x.end && (x.kind !== 'call' || CONVERSIONS.test(x.callee ?? ''));
  return secrets.find((e) => within(e, prop.value) || within(e, prop.bound))
    // `const { INTERCOM_SECRET } = process.env` … `secret={INTERCOM_SECRET}`
    ?? (prop.value.kind === 'identifier' ? secrets.find((e) => e.name === prop.value.text && e.end <= prop.start && !prop.bound) : undefined);
}

const CONVERSIONS = /^(?:String|Buffer\.from|[\w.]+\.(?:toString|trim))$/;

/** (b) The import, in client code, of a module that reads a server-only secret. */
export function exposedImports(exposures: readonly Exposure[]): ProjectFinding[] {
  const seen = new Set<string>();
  const out: ProjectFinding[] = [];
  for (const x of exposures) {
    const key = `${x.importer}:${x.importFact.start}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const via = x.importer === x.boundary ? 'this client module' : `this module, bundled for the browser from ${x.boundary},`;
    out.push({
      path: x.importer, ruleId: 'secret-exposed-to-client', start: x.importFact.start, end: x.importFact.end,
      message: fitted(`Client code imports ${x.target}, which reads ${x.secret}`, `Client code imports a module that reads ${x.secret}`, 'Client code imports a module that reads a server-only secret'),
      detail: `${code(x.target)} reads the server-only secret ${code(x.secret)}, and ${via} imports it: the module is bundled for the browser, where the secret is either missing or inlined by the bundler. Keep the secret behind a server route or action that returns only the hash.`,
    });
  }
  return out;
}

/** An HMAC computed on the server, with the vendor it is for. */
interface ServerHash {
  readonly path: string;
  readonly vendor: Vendor;
  readonly message: Expr;
}

/**
 * (c) The server hashes one identifier and the client sends the vendor another, when the
 * project has exactly one server computation and one identifying client call for the vendor,
 * in different files.
 */
export function identifierMismatch(files: readonly ProjectFile[], sides: ReadonlyMap<string, SideVerdict>, isSecret: (name: string) => boolean): ProjectFinding[] {
  const hashes = new Map<string, ServerHash[]>();
  const calls = new Map<string, { path: string; call: MessengerCall }[]>();
  for (const file of files) {
    const side = sides.get(file.path)?.side;
    if (side !== 'client') {
      for (const c of file.facts.crypto) {
        const message = c.messages[0];
        if (c.kind !== 'hmac' || !message || c.messages.length !== 1) continue;
        const vendor = vendorOfHash(file, c.key, isSecret);
        if (vendor) (hashes.get(vendor.id) ?? hashes.set(vendor.id, []).get(vendor.id))?.push({ path: file.path, vendor, message });
      }
    }
    if (side !== 'server') {
      for (const call of file.facts.messengerCalls) {
        if (call.fields.length > 0) (calls.get(call.vendor) ?? calls.set(call.vendor, []).get(call.vendor))?.push({ path: file.path, call });
      }
    }
  }
  const out: ProjectFinding[] = [];
  for (const [vendorId, list] of hashes) {
    const sent = calls.get(vendorId) ?? [];
    if (list.length !== 1 || sent.length !== 1) continue;
    const hash = list[0] as ServerHash;
    const client = sent[0] as { path: string; call: MessengerCall };
    if (client.path === hash.path) continue;
    const problem = judge(hash, client.path, client.call);
    if (problem) out.push({ path: hash.path, ruleId: 'user-hash-identifier-mismatch', start: hash.message.start, end: hash.message.end, ...problem });
  }
  return out;
}

/** What is wrong with the server's hash, said short and then in full; undefined when nothing is. */
function judge(hash: ServerHash, clientPath: string, call: MessengerCall): { message: string; detail: string } | undefined {
  const kind = identifierKind(hash.message);
  if (!kind) return undefined;
  const { vendor } = hash;
  const def = vendorDefinition(vendor.id);
  const idFields = new Set([vendor.userIdField, vendor.userIdField && camel(vendor.userIdField), ...def.idKeys.filter((k) => !/mail/i.test(k))].filter((k): k is string => k !== undefined));
  const emailFields = new Set([vendor.emailField ?? 'email', 'email']);
  const names = call.fields.map((f) => f.name);
  const sendsId = names.some((n) => n !== undefined && idFields.has(n));
  const sendsEmail = names.some((n) => n !== undefined && emailFields.has(n));
  const text = hash.message.text;
  const field = vendor.hashField;
  // The hash is made here and the identifier sent in another file: an edit here could not
  // name the client's variable, so the detail says which identifier to hash.
  const said = (message: string, sentFields: ReadonlySet<string>, expects: string) => {
    const sent = call.fields.find((f) => f.name !== undefined && sentFields.has(f.name));
    const shown = sent ? `${code(`${sent.name}: ${sent.value.text}`)} ` : '';
    return {
      message,
      detail: `The hash is computed from ${code(text)}, but the client (${code(clientPath)}) sends ${vendor.name} ${shown}and ${vendor.name} recomputes the hash from ${expects}, so it never matches. Hash, for the logged-in user, the same identifier the client sends.`,
    };
  };
  if (vendor.hashes === 'user_id_or_email') {
    if (kind === 'email' && sendsId) return said(`${field} hashes the email, the client sends ${vendor.userIdField ?? 'a user id'}`, idFields, 'the user id when one is sent');
    if (kind === 'id' && sendsEmail && !sendsId && !call.open) return said(`${field} hashes a user id, the client sends only the email`, emailFields, 'the email when no user id is sent');
  }
  if (vendor.hashes === 'email' && kind === 'id' && sendsEmail) return said(`${field} hashes a user id; ${vendor.name} expects the email`, emailFields, 'the email');
  if (vendor.hashes === 'user_id' && kind === 'email' && sendsId) return said(`${field} hashes the email; ${vendor.name} expects the user id`, idFields, 'the user id');
  return undefined;
}

/** Claims about the token itself, never attributes a page could also send. */
const TOKEN_CLAIMS: ReadonlySet<string> = new Set(['exp', 'iat', 'nbf', 'jti', 'iss', 'aud', 'sub', 'scope']);

/**
 * (d) An attribute the server signs into the messenger's JWT, sent in clear as well beside the
 * token: Intercom takes a signed attribute from the token and removes it from the page's
 * settings (its own Rails gem does, `signed_user_fields`); a clear copy is one the page can
 * change. Only when the project has one JWT for the vendor with a claims object written out;
 * the identifier stays (the messenger is told who the user is beside the token).
 */
export function signedInClear(files: readonly ProjectFile[], sides: ReadonlyMap<string, SideVerdict>, isSecret: (name: string) => boolean): ProjectFinding[] {
  const tokens = new Map<string, { path: string; claims: Set<string> }[]>();
  for (const file of files) {
    if (sides.get(file.path)?.side === 'client') continue;
    for (const c of file.facts.crypto) {
      const payload = c.messages[0];
      if (c.kind !== 'jwt' || payload?.kind !== 'object' || !payload.fields || payload.fields.some((f) => f.spread)) continue;
      const vendor = vendorOfHash(file, c.key, isSecret);
      if (!vendor?.jwt) continue;
      const claims = new Set(payload.fields.flatMap((f) => (f.name !== undefined ? [f.name] : [])));
      (tokens.get(vendor.id) ?? tokens.set(vendor.id, []).get(vendor.id))?.push({ path: file.path, claims });
    }
  }
  const out: ProjectFinding[] = [];
  for (const [vendorId, list] of tokens) {
    const vendor = VENDORS.find((v) => v.id === vendorId) as Vendor;
    const token = list.length === 1 ? list[0] : undefined;
    const jwt = vendor.jwt;
    if (!token || !jwt) continue;
    for (const file of files) {
      if (sides.get(file.path)?.side === 'server') continue;
      for (const call of file.facts.messengerCalls) {
        if (call.vendor !== vendorId || !call.fields.some((f) => f.name === jwt.field)) continue;
        for (const sent of call.fields) {
          const name = sent.name;
          if (name === undefined || name === jwt.field || name === jwt.identifierClaim || TOKEN_CLAIMS.has(name) || !token.claims.has(name)) continue;
          out.push({
            path: file.path, ruleId: 'messenger-jwt', start: sent.start, end: sent.end,
            message: fitted(`"${name}" is signed in the ${vendor.name} JWT and also sent in clear`, `Attribute signed in the ${vendor.name} JWT is also sent in clear`),
            detail: `${code(name)} is signed in the ${vendor.name} JWT (${code(token.path)}) and also sent in clear here, where the page can change it. Send it in the token only.`,
          });
        }
      }
    }
  }
  return out;
}

/** Email, user id, or neither (`identifier`, `value`, a literal say neither), seen through `String(x)` and `x.toString()`. */
export function identifierKind(expr: Expr): 'email' | 'id' | undefined {
  let e = expr;
  for (let depth = 0; depth < 3 && e.kind === 'call'; depth++) {
    const arg = e.args?.length === 1 ? e.args[0] : undefined;
    if (arg) e = arg;
    else if (e.callee && /\.(?:toString|toLowerCase|trim|to_s)$/.test(e.callee)) return kindOfName(e.callee.replace(/\.[^.]+$/, ''));
    else return undefined;
  }
  if (e.kind !== 'identifier' && e.kind !== 'member') return undefined;
  return kindOfName(e.path ?? e.text);
}

function kindOfName(name: string): 'email' | 'id' | undefined {
  const last = name.slice(name.lastIndexOf('.') + 1);
  if (/mail/i.test(last)) return 'email';
  if (/^(?:_?id|uid|uuid|pk|user_?id|external_?id|subscriber_?id)$/i.test(last) || /[a-z0-9](?:Id|ID)$/.test(last)) return 'id';
  return undefined;
}

/** The vendor a computation is for: named by its key or the file's secret, or the file's only messenger. */
function vendorOfHash(file: ProjectFile, key: Expr | undefined, isSecret: (name: string) => boolean): Vendor | undefined {
  const named = new Set<Vendor>();
  const look = (name: string) => { for (const v of VENDORS) if (namesVendor(name, v)) named.add(v); };
  if (key) look(key.path ?? key.text);
  if (named.size === 0) for (const e of file.facts.env) if (isSecret(e.name)) look(e.name);
  if (named.size === 0) for (const c of file.facts.messengerCalls) named.add(VENDORS.find((v) => v.id === c.vendor) as Vendor);
  return named.size === 1 ? [...named][0] : undefined;
}

function namesVendor(name: string, vendor: Vendor): boolean {
  const n = name.toLowerCase().replace(/[^a-z0-9]/g, '');
  return n.includes(vendor.id) || n.includes(vendor.name.toLowerCase().replace(/[^a-z0-9]/g, '').slice(0, 6));
}

function camel(snake: string): string {
  return snake.replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase());
}
