/**
 * Client or server? Decided per file from each stack's conventions, because the same call
 * (`createHmac`, reading `INTERCOM_SECRET`) is right on a server and a leak in a browser or an
 * app. Users override the guess with `clientGlobs` / `serverGlobs`.
 */
import picomatch from 'picomatch';
import { basename, langOf } from './lang';
import { includesFast } from './search';
import type { ResolvedConfig, Side } from './types';

type Matcher = (path: string) => boolean;
const globCache = new WeakMap<readonly string[], Matcher>();

/** picomatch over the list, compiled once per config list. */
export function globMatcher(globs: readonly string[]): Matcher {
  let m = globCache.get(globs);
  if (!m) {
    const isMatch = globs.length === 0 ? () => false : picomatch([...globs], { dot: true });
    m = (path: string) => isMatch(path);
    globCache.set(globs, m);
  }
  return m;
}

// Path conventions, tested against `/` + the lowercased path so that `(^|/)` is just `/`.
const SERVER_PATHS = /\/pages\/api\/|\/app\/api\/|\/api\/[^/]{1,200}\.[jt]s$|\/route\.[cm]?[jt]s$|\/middleware\.[jt]s$|\.server\.[a-z]{1,4}$|\/\+page\.server\.|\/\+layout\.server\.|\/\+server\.|\/hooks\.server\.|\/lib\/server\/|\/server\/|\/functions\/|\/netlify\/functions\/|\/lambdas?\/|\/handlers?\/|\/handler\.[jt]s$|\/(?:next|nuxt|vite|svelte|astro|webpack)\.config\.|\/app\/controllers\/|\/app\/helpers\/|\/app\/models\/|\/app\/http\/|\/routes\/web\.php$|\/routes\/api\.php$|\/config\//;
const CLIENT_PATHS = /\.client\.[a-z]{1,4}$|\/client\/src\/|\/src\/components\/|\/components\/|\/app\/javascript\/|\/resources\/js\/|\/static\/|\/public\/|\/assets\/js\/|\/frontend\/|\/web\/src\/|\/\+page\.svelte$|\/\+layout\.svelte$|\/ios\/|\/android\/|\/app\/src\/main\//;
/** Folders that hold nothing but browser code, whatever a file in them imports. */
const STRONG_CLIENT_PATHS = /\.client\.[a-z]{1,4}$|\/components\/|\/app\/javascript\/|\/resources\/js\/|\/static\/|\/public\/|\/assets\/js\/|\/\+page\.svelte$|\/\+layout\.svelte$/;
const TEMPLATES = /\/templates\/|\/views\/|\/layouts\/|\.html$|\.htm$|\.erb$|\.ejs$|\.hbs$|\.blade\.php$|\.twig$|\.jinja2?$|\.j2$|\.liquid$|\.njk$|\.cshtml$|\.heex$|\.jspf?$|\.tpl$|\.phtml$|\.gsp$/;

/**
 * Client, server or unknown for `path` (posix, relative to the project root). Settings win,
 * then directives (`'use client'`, `'use server'`), then what the content imports, then the
 * path conventions of Next.js, Nuxt, SvelteKit, Remix, CRA, Rails, Django, Laravel, iOS,
 * Android, Flutter, Expo, Lambda and Firebase functions.
 */
export function classifyFile(path: string, text: string, config: Pick<ResolvedConfig, 'clientGlobs' | 'serverGlobs'>): Side {
  if (globMatcher(config.clientGlobs)(path)) return 'client';
  if (globMatcher(config.serverGlobs)(path)) return 'server';
  const p = `/${path.toLowerCase()}`;
  const lang = langOf(path);
  const head = text.slice(0, 2000);

  // Mobile apps run on the user's device; only a few server frameworks share their languages.
  if (lang === 'swift') return /\bimport Vapor\b|\bimport Hummingbird\b/.test(head) ? 'server' : 'client';
  if (lang === 'objc') return 'client';
  if (lang === 'dart') return /package:(?:shelf|dart_frog|serverpod)|dart:io'[^\n]{0,100}\n[^]{0,1000}HttpServer/.test(head) ? 'server' : 'client';
  if (lang === 'java' || lang === 'kotlin') {
    if (/\bimport (?:android|androidx)\.|\bpackage [a-z0-9_.]{0,200}\.android\b/.test(head) || CLIENT_PATHS.test(p)) return 'client';
    return 'server';
  }
  if (lang === 'python' || lang === 'ruby' || lang === 'php' || lang === 'go' || lang === 'csharp'
    || lang === 'elixir' || lang === 'rust' || lang === 'perl' || lang === 'groovy' || lang === 'scala') return 'server';

  if (lang === 'js') {
    const directive = /^(?:\s|\/\/[^\n]{0,500}\n|\/\*[^*]{0,500}\*\/)*['"]use (client|server)['"]/.exec(head);
    if (directive) return directive[1] === 'client' ? 'client' : 'server';
    // Next.js pages render on both sides; server-only code lives in these exports, which the
    // bundler strips from the client. Without a clear answer, say so.
    if (includesFast(text, 'getServerSideProps') || includesFast(text, 'getStaticProps')) return 'unknown';
    if (/from ['"](?:react-native|expo[-a-z/]{0,50}|@capacitor\/[a-z-]{1,50}|@ionic\/[a-z-]{1,50})['"]/.test(head)) return 'client';
    if (SERVER_PATHS.test(p)) return 'server';
    // Server-only content outweighs a weak path guess (`web/src/`, `frontend/`, a .tsx file),
    // not a folder that only holds browser code.
    if (!STRONG_CLIENT_PATHS.test(p) && serverOnlyContent(head, text)) return 'server';
    if (/from ['"](?:express|fastify|koa|@nestjs\/[a-z-]{1,50}|firebase-functions[a-z/-]{0,50}|@aws-sdk\/[a-z-]{1,50}|next\/server|server-only)['"]|require\(['"](?:express|fastify|koa|firebase-functions)['"]\)|exports\.handler\s*=|export (?:async )?function handler\b/.test(head)) return 'server';
    if (CLIENT_PATHS.test(p) || /\.(?:jsx|tsx|vue|svelte)$/.test(p)) return appRouterServerComponent(p) ? 'server' : 'client';
    if (/from ['"](?:react-dom[a-z/]{0,20}|vue|svelte)['"]|\bdocument\.|\bwindow\.|\blocalStorage\b/.test(head)) return 'client';
    return 'unknown';
  }
  if (lang === 'html') {
    // Server templates render on the server but their <script> blocks run in the browser;
    // the rules only look for browser APIs in them, so "client" is the useful answer.
    return TEMPLATES.test(p) || basename(p).includes('.') ? 'client' : 'unknown';
  }
  return 'unknown';
}

/**
 * Code that only runs on a server, whatever its path says: it imports Node's crypto module
 * (browser bundlers do not ship it), exports HTTP method handlers (Next.js route handlers,
 * SvelteKit and Astro endpoints) or a SvelteKit RequestHandler, or imports server-only modules;
 * and it uses no browser API (a React hook, `document`, `window`, `localStorage`), which would
 * mean an old bundler polyfilled crypto into a client file. Seen on real code: async Next.js
 * server components that hash the user id, a SvelteKit endpoint under `web/src/`, a server
 * helper under `web/src/features/`.
 */
function serverOnlyContent(head: string, text: string): boolean {
  if (!SERVER_ONLY.test(head)) return false;
  return !BROWSER_ONLY.test(text.slice(0, 20_000));
}
const SERVER_ONLY = /from ['"](?:node:)?crypto['"]|require\(\s{0,3}['"](?:node:)?crypto['"]\s{0,3}\)|export (?:const|async function|function) (?:GET|POST|PUT|PATCH|DELETE)\b|\bRequestHandler\b|from ['"](?:@sveltejs\/kit|next\/headers|\$lib\/server[a-z/-]{0,50}|\$env\/(?:static|dynamic)\/private)['"]/;
const BROWSER_ONLY = /\buse(?:State|Effect|LayoutEffect|Ref|Callback|Reducer)\s{0,3}\(|\bdocument\.|\bwindow\.|\blocalStorage\b|\bsessionStorage\b/;

/** Next.js app router files are server components unless they say `'use client'` (checked before). */
function appRouterServerComponent(p: string): boolean {
  return /\/app\/(?:[^/]{1,200}\/){0,30}(?:page|layout|template|loading|error|not-found|default)\.[jt]sx?$/.test(p) && !p.includes('/components/');
}
