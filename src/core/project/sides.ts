/**
 * Client or server, decided per module from the whole project: directives, server-only
 * markers, each framework's file conventions, then the import graph. A `'use client'` module
 * is the boundary: every module it imports is bundled for the browser too, unless that module
 * is server-only (then importing it is the mistake). In a Next.js app router project, a module
 * imported only by server components is a server component itself.
 */
import { globMatcher, type Side } from '../engine/index';
import type { ImportFact } from '../syntax/index';
import type { ProjectFile, ProjectOptions, SideVerdict } from './types';

/** What a module's own facts and path say, before the graph. */
export interface OwnVerdict extends SideVerdict {
  /** A client boundary the graph starts from (`'use client'`, `.client.ts`, clientGlobs). */
  readonly boundary?: boolean;
  /** Nothing the graph finds changes it (directives, settings, server-only modules, server folders). */
  readonly fixed?: boolean;
  /** The server-only secret the module reads, when that is what makes it server-only. */
  readonly secret?: { readonly name: string; readonly start: number; readonly end: number };
}

/** A server-only module that reads a secret, imported by a module bundled for the browser. */
export interface Exposure {
  /** The client module and its import of `target`. */
  readonly importer: string;
  readonly importFact: ImportFact;
  readonly target: string;
  readonly secret: string;
  /** The `'use client'` module the importer is bundled from. */
  readonly boundary: string;
}

/** Prefixes that make a bundler inline a variable into client code (public, not server-only). */
export const PUBLIC_PREFIX = /^(?:NEXT_PUBLIC_|REACT_APP_|VITE_|EXPO_PUBLIC_|NUXT_PUBLIC_|GATSBY_|VUE_APP_|PUBLIC_)/;

const SERVER_PATH = /(?:^|\/)(?:[^/]+\.server\.[cm]?[jt]sx?|\+page\.server\.[jt]s|\+layout\.server\.[jt]s|\+server\.[jt]s|hooks\.server\.[jt]s)$|(?:^|\/)lib\/server\/|(?:^|\/)server\/|(?:^|\/)pages\/api\/|(?:^|\/)app\/(?:[^/]+\/)*route\.[jt]s$|(?:^|\/)middleware\.[jt]s$/;
const CLIENT_PATH = /\.client\.[cm]?[jt]sx?$/;
const APP_ROUTER_ENTRY = /(?:^|\/)app\/(?:[^/]+\/)*(?:page|layout|template|default|not-found|loading)\.[jt]sx?$/;
const ROUTE_MODULE = /(?:^|\/)app\/routes\//;
const ASTRO_ENDPOINT = /(?:^|\/)src\/pages\/(?:[^/]+\/)*[^/]+\.[jt]s$/;
const SERVER_ONLY_IMPORTS = new Set(['server-only', '$env/static/private', '$env/dynamic/private', 'next/headers']);
const CRYPTO_MODULES = new Set(['crypto', 'node:crypto']);

/** Which frameworks the project shows evidence of. */
export interface Frameworks {
  readonly next: boolean;
  readonly astro: boolean;
}

/** Frameworks by their config files and by what modules import. */
export function detectFrameworks(files: readonly ProjectFile[], otherPaths: Iterable<string> = []): Frameworks {
  let next = false;
  let astro = false;
  const note = (path: string) => {
    const name = path.slice(path.lastIndexOf('/') + 1);
    if (/^next\.config\./.test(name)) next = true;
    if (/^astro\.config\./.test(name)) astro = true;
  };
  for (const p of otherPaths) note(p);
  for (const f of files) {
    note(f.path);
    for (const i of f.facts.imports) {
      if (i.source === 'next' || i.source.startsWith('next/')) next = true;
      if (i.source === 'astro' || i.source.startsWith('astro:') || i.source.startsWith('astro/')) astro = true;
    }
  }
  return { next, astro };
}

/** What `file` alone says about where it runs. */
export function ownVerdict(file: ProjectFile, options: ProjectOptions, frameworks: Frameworks, isSecret: (name: string) => boolean): OwnVerdict {
  const { path, facts } = file;
  if (globMatcher(options.config.clientGlobs)(path)) return { side: 'client', reason: 'matched by clientGlobs in the settings', decided: true, fixed: true, boundary: true };
  if (globMatcher(options.config.serverGlobs)(path)) return { side: 'server', reason: 'matched by serverGlobs in the settings', decided: true, fixed: true };
  const directive = facts.directives.find((d) => d.value === 'use client' || d.value === 'use server');
  if (directive?.value === 'use client') return { side: 'client', reason: "'use client' directive", decided: true, fixed: true, boundary: true };
  if (directive?.value === 'use server') return { side: 'server', reason: "'use server' directive (server actions)", decided: true, fixed: true };
  const secret = facts.env.find((e) => !PUBLIC_PREFIX.test(e.name) && isSecret(e.name));
  // Server-only by content: the graph stops here, but the host's own per-file guess stands (a
  // component that reads the secret in a browser-only folder is the per-file rule's finding).
  if (secret) return { side: 'server', reason: `reads the server-only secret ${secret.name}`, decided: false, fixed: true, secret: { name: secret.name, start: secret.start, end: secret.end } };
  const marker = facts.imports.find((i) => SERVER_ONLY_IMPORTS.has(i.source) || i.source.startsWith('$lib/server'));
  if (marker) return { side: 'server', reason: `imports ${marker.source}, which only runs on the server`, decided: true, fixed: true };
  if (facts.crypto.some((c) => c.kind === 'hmac') && facts.imports.some((i) => CRYPTO_MODULES.has(i.source))) {
    return { side: 'server', reason: "computes an HMAC with Node's crypto module", decided: false, fixed: true };
  }
  if (SERVER_PATH.test(path)) return { side: 'server', reason: 'a server file by its framework\'s path convention (SvelteKit, Nuxt, Remix, Next.js API routes)', decided: true, fixed: true };
  if (CLIENT_PATH.test(path)) return { side: 'client', reason: 'a .client module (Remix, React Router, Nuxt)', decided: true, fixed: true, boundary: true };
  if (frameworks.astro && ASTRO_ENDPOINT.test(path)) return { side: 'server', reason: 'an Astro endpoint under src/pages', decided: true, fixed: true };
  if (ROUTE_MODULE.test(path) && facts.exports.some((e) => e.name === 'loader' || e.name === 'action')) {
    return { side: 'unknown', reason: 'a Remix / React Router route module: its loader and action run on the server, its component in the browser', decided: true, fixed: true };
  }
  if (frameworks.next && APP_ROUTER_ENTRY.test(path)) return { side: 'server', reason: "a Next.js app router file without 'use client': a server component", decided: true, crossFile: true };
  return { side: 'unknown', reason: 'no directive, convention or import says', decided: false };
}

/** Every module's side after the graph, and the server-only secrets client code imports. */
export function decideSides(
  files: readonly ProjectFile[],
  own: ReadonlyMap<string, OwnVerdict>,
  edges: ReadonlyMap<string, readonly { readonly target: string; readonly fact: ImportFact }[]>,
  frameworks: Frameworks,
  complete: boolean,
): { sides: Map<string, SideVerdict>; exposures: Exposure[] } {
  const sides = new Map<string, SideVerdict>();
  for (const f of files) sides.set(f.path, own.get(f.path) as OwnVerdict);
  const exposures: Exposure[] = [];
  const boundaryOf = new Map<string, string>();
  const queue: string[] = [];
  for (const f of files) {
    if (own.get(f.path)?.boundary) {
      boundaryOf.set(f.path, f.path);
      queue.push(f.path);
    }
  }
  // Client code: everything a boundary imports, through modules that are not fixed.
  for (let i = 0; i < queue.length; i++) {
    const from = queue[i] as string;
    const boundary = boundaryOf.get(from) as string;
    for (const { target, fact } of edges.get(from) ?? []) {
      const o = own.get(target);
      if (!o || boundaryOf.has(target)) continue;
      if (o.fixed) {
        if (o.secret) exposures.push({ importer: from, importFact: fact, target, secret: o.secret.name, boundary });
        continue;
      }
      boundaryOf.set(target, boundary);
      sides.set(target, { side: 'client', reason: from === boundary ? `imported by the client module ${from}` : `imported by ${from}, client code bundled from ${boundary}`, decided: true, crossFile: true });
      queue.push(target);
    }
  }
  if (frameworks.next && complete) serverReach(files, own, edges, sides);
  return { sides, exposures };
}

/**
 * Next.js app router: a module that every importer imports as server code is a server
 * component (it cannot use hooks or browser APIs, or the build fails). Undecided modules only.
 */
function serverReach(
  files: readonly ProjectFile[],
  own: ReadonlyMap<string, OwnVerdict>,
  edges: ReadonlyMap<string, readonly { readonly target: string; readonly fact: ImportFact }[]>,
  sides: Map<string, SideVerdict>,
): void {
  const importers = new Map<string, string[]>();
  for (const [from, list] of edges) for (const { target, fact } of list) if (!fact.typeOnly) (importers.get(target) ?? importers.set(target, []).get(target))?.push(from);
  const isServer = (p: string) => sides.get(p)?.side === 'server';
  const queue = files.filter((f) => isServer(f.path)).map((f) => f.path);
  for (let i = 0; i < queue.length; i++) {
    for (const { target } of edges.get(queue[i] as string) ?? []) {
      if (own.get(target)?.fixed || sides.get(target)?.decided) continue;
      const by = importers.get(target) ?? [];
      if (by.length === 0 || !by.every(isServer)) continue;
      sides.set(target, { side: 'server', reason: `imported only by server components (${by[0] as string}${by.length > 1 ? ` and ${by.length - 1} more` : ''})`, decided: true, crossFile: true });
      queue.push(target);
    }
  }
}

export type { Side };
