/**
 * Where a hash comes from. The client cannot compute it without the secret, so a hash is either
 * computed on the client (a leak, found by the engine's client-side-hmac rule) or it arrives from
 * the server; this module looks for visible signs of the latter in the expression passed and in
 * the definitions it is built from, following a few assignments back within the file.
 */
import type { Doc } from '../engine/doc';
import type { Site, Span } from './site';
import type { HashSource } from './types';

/** Server-side template output: ERB/EEx, Jinja/Twig/Blade/Liquid/Handlebars, Blade's @json, PHP, Razor. */
const TEMPLATE_TAG = /<%|\{\{|\{%|@json\(|<\?(?:=|php)|@Model\b|@\(/;
/** Network calls, decoded responses and server-rendered data, on the web and in mobile apps. */
const SERVER_EVIDENCE = /\bfetch\s{0,3}\(|\baxios\b|\.json\(\)|\b(?:res|resp|response|Response)\b|\bresponse[A-Z_]|\bapi|Api\b|\/api\/|\bsession\b|\bbackend\b|\bserver\b|useLoaderData|useRouteLoaderData|useQuery|useSWR|\$http|HttpClient|\bky\.|\bawait\b|URLSession|dataTask|JSONDecoder|JSONSerialization|Alamofire|\bAF\.request|Retrofit|OkHttp|HttpURLConnection|\.body\(\)|\bhttp\.(?:get|post)\b|\bdio\b|jsonDecode|dataset\.|getAttribute\(|<meta|__NEXT_DATA__|window\.__[A-Za-z]/;
/** Frameworks whose page props or loader data are computed on the server. */
const SSR_MARKERS = /getServerSideProps|getStaticProps|useLoaderData|useRouteLoaderData|export\s{1,5}(?:async\s{1,5})?function\s{1,5}loader\b|export\s{1,5}const\s{1,5}loader\b|usePage\(\)|\$page\.data|export\s{1,5}let\s{1,5}data\b|\$props\(\)/;
const ASSIGNMENT = /^\s{0,5}(?::[^=\n,;(){}]{0,80})?=(?![=>])\s{0,5}/;
const MAX_HOPS = 3;
const MAX_OCCURRENCES = 100;

/**
 * Whether the hash is computed on the client, asked with the spans it is built from: the
 * expression passed (when its span is known) and the right-hand sides it was traced back to.
 * The text path answers for the whole file; the facts path by the computations in those spans.
 */
export type ComputedOnClient = (spans: readonly Span[]) => boolean;

/**
 * `client` when the hash is computed on the client (`computedOnClient`), `server` when the
 * value visibly comes from the server, else `unknown`. A site that sends no hash is `unknown`:
 * there is nothing to trace.
 */
export function hashSource(doc: Doc, site: Site, computedOnClient: ComputedOnClient): HashSource {
  if (!site.sendsHash) return 'unknown';
  const expr = site.hash ?? '';
  const traced = trace(doc, expr, site.hashSpan?.start ?? site.offset);
  if (computedOnClient(site.hashSpan ? [site.hashSpan, ...traced.spans] : traced.spans)) return 'client';
  if (TEMPLATE_TAG.test(expr)) return 'server';
  const evidence = `${expr}\n${site.evidence ?? ''}\n${traced.evidence}`;
  if (SERVER_EVIDENCE.test(evidence) || TEMPLATE_TAG.test(traced.evidence)) return 'server';
  if (doc.lang === 'js') {
    // Props of a page whose data is loaded on the server (Next.js, Remix, SvelteKit, Inertia).
    if ((traced.prop || /\bprops\b/.test(evidence)) && SSR_MARKERS.test(doc.text)) return 'server';
    // A server component renders the call on the server, with values only the server has.
    if (doc.side === 'server') return 'server';
  }
  return 'unknown';
}

interface Traced {
  readonly evidence: string;
  readonly prop: boolean;
  /** The right-hand sides followed, as spans of the text. */
  readonly spans: readonly Span[];
}

/**
 * The right-hand sides the expression is built from, and whether it is a destructured prop.
 * Each name is looked up at its nearest definition before `at` (the use), so two functions of
 * one file that both name a variable `hash` are told apart.
 */
function trace(doc: Doc, expr: string, at: number): Traced {
  let evidence = '';
  const spans: Span[] = [];
  const seen = new Set<string>();
  let root = rootOf(expr);
  let use = at;
  for (let hop = 0; hop < MAX_HOPS && root !== undefined && !seen.has(root); hop++) {
    seen.add(root);
    const def = nearest(definitions(doc, root), use);
    if (!def) break;
    if (def.prop) return { evidence, prop: true, spans };
    evidence += `${def.rhs}\n`;
    spans.push({ start: def.at, end: def.at + def.rhs.length });
    use = def.at;
    root = rootOf(def.rhs);
  }
  return { evidence, prop: false, spans };
}

/** The last definition before `at`, else the first one (a variable defined below a function that reads it). */
function nearest(defs: readonly Definition[], at: number): Definition | undefined {
  let found: Definition | undefined;
  for (const def of defs) if (def.at < at) found = def;
  return found ?? defs[0];
}

/** The variable an expression starts from: `session` in `session.userHash`, `hash` in `widget.hash`. */
function rootOf(expr: string): string | undefined {
  const m = /^\s{0,5}\(?\s{0,5}(?:(?:await|try[?!]?|new)\s{1,5})*([A-Za-z_$][\w$]{0,80})(?:\s{0,3}[.?!]{1,2}\s{0,3}([A-Za-z_$][\w$]{0,80}))?/.exec(expr);
  if (!m) return undefined;
  return (m[1] === 'this' || m[1] === 'self' || m[1] === 'widget') && m[2] !== undefined ? m[2] : m[1];
}

/** `rhs` starts at `at`; a prop is received at `at`. */
type Definition = { at: number; rhs: string; prop: false } | { at: number; prop: true };
/** Per document: sites in one file often pass the same variable, and each lookup scans its uses. */
const cache = new WeakMap<Doc, Map<string, readonly Definition[]>>();

/** Every place `name` is assigned (`let name = …`, `const { name } = …`) or received as a destructured prop. */
function definitions(doc: Doc, name: string): readonly Definition[] {
  let byName = cache.get(doc);
  if (!byName) {
    byName = new Map();
    cache.set(doc, byName);
  }
  let found = byName.get(name);
  if (!found) {
    found = findDefinitions(doc, name);
    byName.set(name, found);
  }
  return found;
}

function findDefinitions(doc: Doc, name: string): Definition[] {
  const { text } = doc;
  const offsets = doc.offsets(name);
  const out: Definition[] = [];
  for (let i = 0; i < offsets.length && i < MAX_OCCURRENCES; i++) {
    const at = offsets[i] ?? 0;
    const end = at + name.length;
    if (/[\w$.]/.test(text.charAt(at - 1)) || /[\w$]/.test(text.charAt(end))) continue;
    const direct = ASSIGNMENT.exec(text.slice(end, end + 120));
    if (direct) {
      out.push(rhsAt(text, end + direct[0].length));
      continue;
    }
    const before = text.slice(Math.max(0, at - 300), at);
    const open = before.lastIndexOf('{');
    if (open < 0 || open < before.lastIndexOf('}')) continue;
    const close = text.indexOf('}', end);
    if (close < 0 || close - end > 300) continue;
    const destructured = ASSIGNMENT.exec(text.slice(close + 1, close + 120));
    if (destructured) out.push(rhsAt(text, close + 1 + destructured[0].length));
    else if (/\(\s{0,20}$/.test(before.slice(0, open))) out.push({ at, prop: true });
  }
  return out;
}

/** The rest of the line from `from`, as a definition's right-hand side. */
function rhsAt(text: string, from: number): Definition {
  const line = text.slice(from, from + 300);
  const nl = line.indexOf('\n');
  return { at: from, rhs: nl >= 0 ? line.slice(0, nl) : line, prop: false };
}
