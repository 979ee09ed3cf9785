/**
 * The snippet catalogue: the one source for the CLI (`idv snippet`), the editor's Insert
 * Snippet command and the generated snippets/*.code-snippets files.
 */
import { findVendor, VENDORS, type Vendor, type VendorId } from '../vendors';
import { MOBILE_JWT_CLIENT_SNIPPETS } from './client/jwt-mobile';
import { WEB_JWT_CLIENT_SNIPPETS } from './client/jwt-web';
import { MOBILE_CLIENT_SNIPPETS } from './client/mobile';
import { WEB_CLIENT_SNIPPETS } from './client/web';
import { DOTNET_SNIPPETS } from './server/dotnet';
import { ELIXIR_SNIPPETS } from './server/elixir';
import { GO_SNIPPETS } from './server/go';
import { JVM_SNIPPETS } from './server/jvm';
import { JWT_SNIPPET_ALIASES, JWT_SNIPPETS } from './server/jwt';
import { NODE_SNIPPETS } from './server/node';
import { PERL_SNIPPETS } from './server/perl';
import { PHP_SNIPPETS } from './server/php';
import { PYTHON_SNIPPETS } from './server/python';
import { RUBY_SNIPPETS } from './server/ruby';
import { RUST_SNIPPETS } from './server/rust';
import { WEBCRYPTO_SNIPPETS } from './server/webcrypto';
import { toPlainText, toVsCodeBody } from './template';
import type { IdentifierKind, SnippetAuth, SnippetContext, SnippetDefinition, SnippetKind, SnippetScheme } from './types';

export type { IdentifierKind, SnippetAuth, SnippetKind, SnippetScheme } from './types';
export { snippetFile, snippetFrameworks } from './placement';

const DEFINITIONS: readonly SnippetDefinition[] = [
  ...NODE_SNIPPETS, ...WEBCRYPTO_SNIPPETS, ...PYTHON_SNIPPETS, ...RUBY_SNIPPETS, ...PHP_SNIPPETS,
  ...GO_SNIPPETS, ...JVM_SNIPPETS, ...DOTNET_SNIPPETS, ...ELIXIR_SNIPPETS, ...RUST_SNIPPETS,
  ...PERL_SNIPPETS, ...JWT_SNIPPETS, ...WEB_CLIENT_SNIPPETS, ...MOBILE_CLIENT_SNIPPETS,
  ...WEB_JWT_CLIENT_SNIPPETS, ...MOBILE_JWT_CLIENT_SNIPPETS,
];

const BY_ID = new Map(DEFINITIONS.map((d) => [d.id, d]));

/** A bad snippet id, vendor, identifier or env var name; the message says what is accepted. */
export class SnippetError extends Error {}

/** What a list shows about a snippet; `runnable` only for entries with a runnable program. */
export interface SnippetInfo {
  readonly id: string;
  readonly title: string;
  readonly language: string;
  readonly framework: string;
  readonly kind: SnippetKind;
  readonly scheme: SnippetScheme;
  /** The vendor used when none is asked for: Intercom wherever it applies. */
  readonly vendor: VendorId;
  readonly vendors: readonly VendorId[];
  readonly runnable?: { readonly filename: string; readonly command: string };
}

/** Vendors an entry can be rendered for: listed ones, else every vendor with its scheme. */
function vendorsOf(d: SnippetDefinition): VendorId[] {
  if (d.vendors) return [...d.vendors];
  return VENDORS.filter((v) => (d.scheme === 'jwt' ? v.jwt !== undefined : v.scheme !== 'jwt-only')).map((v) => v.id);
}

function info(d: SnippetDefinition): SnippetInfo {
  const vendors = vendorsOf(d);
  const base = {
    id: d.id, title: d.title, language: d.language, framework: d.framework, kind: d.kind, scheme: d.scheme,
    vendor: vendors.includes('intercom') ? 'intercom' as const : vendors[0] ?? 'intercom', vendors,
  };
  return d.runnable ? { ...base, runnable: { filename: d.runnable.filename, command: d.runnable.command } } : base;
}

export interface SnippetFilter {
  /** A VS Code language id; only snippets written in that language. */
  readonly languageId?: string;
  readonly kind?: SnippetKind;
  readonly scheme?: SnippetScheme;
  /** Only snippets that can be rendered for this vendor. */
  readonly vendor?: VendorId;
}

/** Every snippet in catalogue order, optionally filtered (the editor passes the document's languageId). */
export function listSnippets(filter: SnippetFilter = {}): SnippetInfo[] {
  return DEFINITIONS.map(info).filter((s) =>
    (filter.languageId === undefined || s.language === filter.languageId)
    && (filter.kind === undefined || s.kind === filter.kind)
    && (filter.scheme === undefined || s.scheme === filter.scheme)
    && (filter.vendor === undefined || s.vendors.includes(filter.vendor)));
}

/** Whether `id` names a snippet (an old JWT id included), so a caller can refuse it without repeating it. */
export function isSnippetId(id: string): boolean {
  return BY_ID.has(JWT_SNIPPET_ALIASES[id] ?? id);
}

/** The VS Code language ids the catalogue has snippets for, sorted. */
export function snippetLanguages(): string[] {
  return [...new Set(DEFINITIONS.map((d) => d.language))].sort();
}

export interface RenderOptions {
  /** Vendor id (spellings as `findVendor` accepts); default Intercom where it applies. */
  readonly vendor?: string | undefined;
  /** What the server hashes; default the vendor's choice (the user id where it may be either). */
  readonly identifier?: IdentifierKind | undefined;
  /** The environment variable or secret-store key; default the vendor's conventional name. */
  readonly envVar?: string | undefined;
  /** The project's auth helper (snippets that need the signed-in user); default a marked placeholder. */
  readonly auth?: SnippetAuth | undefined;
}

export interface RenderedSnippet {
  readonly id: string;
  readonly vendor: VendorId;
  readonly language: string;
  /** VS Code snippet body, one string per line: `$1`, `${2:name}`, `$0`, other `$` escaped. */
  readonly body: string[];
  /** The snippet as inserted without tab stops (placeholders keep their default text). */
  readonly text: string;
}

function definition(id: string): SnippetDefinition {
  const d = BY_ID.get(JWT_SNIPPET_ALIASES[id] ?? id);
  if (!d) throw new SnippetError(`Unknown snippet "${id}". Run \`idv snippet --list\` for the ids.`);
  return d;
}

/** The template context for a snippet and the user's options, validated. */
export function resolveContext(id: string, options: RenderOptions = {}): SnippetContext {
  const d = definition(id);
  const supported = vendorsOf(d);
  const vendor: Vendor | undefined = options.vendor === undefined ? findVendor(info(d).vendor) : findVendor(options.vendor);
  if (!vendor || !supported.includes(vendor.id)) {
    throw new SnippetError(`Snippet "${id}" supports these vendors: ${supported.join(', ')}.`);
  }
  const identifier = options.identifier ?? (vendor.hashes === 'email' ? 'email' : 'user_id');
  if (vendor.hashes !== 'user_id_or_email' && (vendor.hashes === 'email') !== (identifier === 'email')) {
    throw new SnippetError(`${vendor.name} hashes the ${vendor.hashes === 'email' ? 'email' : 'user id'}; --identifier ${identifier} would give hashes it rejects.`);
  }
  const envVar = options.envVar ?? vendor.envVar;
  // The name lands inside generated code in a dozen languages: allow identifiers only.
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(envVar)) {
    throw new SnippetError(`"${envVar}" is not a valid environment variable name (letters, digits and _).`);
  }
  if (/^(NEXT_PUBLIC|REACT_APP|VITE|EXPO_PUBLIC|PUBLIC|NUXT_PUBLIC|GATSBY)_/.test(envVar)) {
    throw new SnippetError(`"${envVar}" has a public prefix: bundlers inline such variables into client code. Use a server-only name.`);
  }
  return {
    vendor, identifier, envVar,
    emailFallback: vendor.hashes === 'user_id_or_email' && identifier === 'user_id',
    hexSecret: vendor.secretEncoding === 'hex',
    kidEnvVar: vendor.jwt?.kidEnvVar,
    ...(options.auth ? { auth: options.auth } : {}),
  };
}

/** Renders a snippet for a vendor, identifier and env var: a VS Code body and the plain text. */
export function renderSnippet(id: string, options: RenderOptions = {}): RenderedSnippet {
  const d = definition(id);
  const c = resolveContext(id, options);
  const template = d.template(c);
  return { id, vendor: c.vendor.id, language: d.language, body: toVsCodeBody(template), text: toPlainText(template) };
}

/** Runnable programs read IDV_SECRET (and IDV_KEY_ID for a JWT `kid`), whatever the vendor's names. */
function runnableContext(id: string, options: Omit<RenderOptions, 'envVar'>): SnippetContext {
  return { ...resolveContext(id, { ...options, envVar: 'IDV_SECRET' }), kidEnvVar: 'IDV_KEY_ID' };
}

/**
 * The code a server snippet shares with its runnable program (imports, then code), or
 * undefined for client snippets; `forRunnable` renders it as the runnable program has it.
 */
export function renderCore(id: string, options: RenderOptions = {}, forRunnable = false): { imports: readonly string[]; code: string } | undefined {
  return definition(id).core?.(forRunnable ? runnableContext(id, options) : resolveContext(id, options));
}

export interface RenderedRunnable {
  readonly filename: string;
  readonly command: string;
  readonly program: string;
}

/**
 * A complete program around the snippet's core that reads IDV_SECRET and IDV_IDENTIFIER and
 * prints the hash (see RunnableDefinition). For a hex-secret vendor (`--vendor pylon`)
 * IDV_SECRET is hex, which is also how binary keys such as RFC 4231's are passed in.
 */
export function renderRunnable(id: string, options: Omit<RenderOptions, 'envVar'> = {}): RenderedRunnable {
  const d = definition(id);
  if (!d.runnable) throw new SnippetError(`Snippet "${id}" has no runnable program (only server snippets do).`);
  return { filename: d.runnable.filename, command: d.runnable.command, program: d.runnable.program(runnableContext(id, options)) };
}
