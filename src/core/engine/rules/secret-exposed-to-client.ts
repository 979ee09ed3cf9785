/** secret-exposed-to-client: a secret-bearing name that bundlers ship to the browser or app. */
import type { Doc } from '../doc';
import { code, fitted } from '../message';
import { extraNameMatcher, isNameChar, isSecretName } from '../names';
import { hasSecretTopic, SECRET_TOPIC } from '../topics';
import type { RawFinding, Rule } from './rule';

/** Prefixes that make a bundler inline a variable into client code. */
const PUBLIC_PREFIXES = ['NEXT_PUBLIC_', 'REACT_APP_', 'VITE_', 'EXPO_PUBLIC_', 'NUXT_PUBLIC_', 'GATSBY_', 'VUE_APP_', 'PUBLIC_'];
// Needles: PUBLIC_ covers NEXT_PUBLIC_, EXPO_PUBLIC_ and NUXT_PUBLIC_ too.
const PREFIX_NEEDLES = ['PUBLIC_', 'REACT_APP_', 'VITE_', 'GATSBY_', 'VUE_APP_'];
// How client code reads configuration: env objects, react-native-config, Android BuildConfig,
// Info.plist, Flutter dotenv and --dart-define.
const CLIENT_READ = /(?:\benv\.|\benv\[\s{0,5}["']?|\bConfig\.|\bBuildConfig\.|fromEnvironment\(\s{0,5}["']|InfoDictionaryKey:\s{0,5}["']|objectForInfoDictionaryKey:\s{0,5}@["']|getenv\(\s{0,5}["'])$/;

export const secretExposedToClient: Rule = {
  meta: {
    id: 'secret-exposed-to-client',
    defaultSeverity: 'error',
    description: 'A secret-bearing name made visible to client bundles, or a server-only secret read in client code.',
    fixable: false,
    docs: {
      what: 'A variable whose name says secret, HMAC, signing key or identity verification carrying a public prefix (`NEXT_PUBLIC_`, `REACT_APP_`, `VITE_`, `EXPO_PUBLIC_`, `NUXT_PUBLIC_`, `GATSBY_`, `VUE_APP_`, SvelteKit `PUBLIC_`) or placed in Nuxt\'s `runtimeConfig.public`, both where it is defined (even in a git-ignored `.env`) and where code reads it; and a server-only secret read in a file that runs in the browser or the app (`process.env.INTERCOM_SECRET` in a `\'use client\'` component, `BuildConfig.INTERCOM_SECRET` on Android).',
      why: 'Bundlers replace public variables with their values at build time, so the secret ends up in JavaScript anyone can download, whether or not the `.env` file is committed. With it, anyone can compute a valid user hash and impersonate your users.',
      fix: 'Drop the public prefix and read the secret only in server code (an API route, a server action, `+page.server.ts`, a controller) that computes the hash and returns it to the client. Rotate the secret if a build with it was ever deployed.',
      suppress: '`idv-disable-next-line secret-exposed-to-client` in a comment on the line before, or `idv-disable-line secret-exposed-to-client` on the line itself (`#` comments work in `.env` files).',
    },
  },
  check(doc) {
    if (!hasSecretTopic(doc)) return [];
    const out = new Map<number, RawFinding>();
    const extra = extraNameMatcher(doc.config.secretNamePatterns);
    for (const needle of PREFIX_NEEDLES) {
      if (!doc.has(needle)) continue;
      for (const hit of doc.offsets(needle)) {
        const { start, end } = wordAround(doc.text, hit);
        if (out.has(start)) continue;
        const name = doc.text.slice(start, end);
        const prefix = PUBLIC_PREFIXES.find((p) => name.startsWith(p));
        if (prefix === undefined || !isSecretName(name.slice(prefix.length), extra)) continue;
        out.set(start, {
          start, end,
          message: fitted(`Secret ${name} has the public prefix ${prefix}`, `Secret with the public prefix ${prefix}`),
          detail: `The public prefix ${code(prefix)} tells the bundler to inline ${code(name)} into client code, where anyone can read it and compute the hash for any user. Drop the prefix, use the variable only on the server, and rotate the secret if a build has shipped it.`,
        });
      }
    }
    if (doc.has('untimeConfig')) nuxtPublic(doc, out, extra);
    clientReads(doc, out, extra);
    return [...out.values()];
  },
};

/** A plain identifier (no dots): letters, digits and underscores. */
function wordAround(text: string, offset: number): { start: number; end: number } {
  let start = offset;
  let end = offset;
  const ok = (c: number) => isNameChar(c) && c !== 36;
  for (let n = 0; start > 0 && n < 200 && ok(text.charCodeAt(start - 1)); n++) start--;
  for (let n = 0; end < text.length && n < 200 && ok(text.charCodeAt(end)); n++) end++;
  return { start, end };
}

/** Nuxt: keys under `runtimeConfig.public` (nuxt.config) and reads of `.public.<secret>`. */
function nuxtPublic(doc: Doc, out: Map<number, RawFinding>, extra: (name: string) => boolean): void {
  const { text } = doc;
  for (const hit of doc.offsets('.public.')) {
    const start = hit + 8;
    const { end } = wordAround(text, start);
    const name = text.slice(start, end);
    if (end > start && isSecretName(name, extra) && !out.has(start)) {
      out.set(start, {
        start, end,
        message: fitted(`Secret ${name} read from Nuxt's public runtimeConfig`, 'Secret read from Nuxt\'s public runtimeConfig'),
        detail: `Nuxt sends ${code('runtimeConfig.public')} to the browser, so ${code(name)} is readable by anyone. Keep the secret in the private ${code('runtimeConfig')} and use it only under ${code('server/')}.`,
      });
    }
  }
  if (!/nuxt\.config\.[cm]?[jt]s$/.test(doc.path)) return;
  for (const hit of doc.offsets('public')) {
    const open = /^public['"]?\s{0,10}:\s{0,10}\{/.exec(text.slice(hit, hit + 40));
    if (!open || (hit > 0 && isNameChar(text.charCodeAt(hit - 1)))) continue;
    let depth = 0;
    const stop = Math.min(text.length, hit + 20000);
    for (let i = hit + open[0].length - 1; i < stop; i++) {
      const c = text.charCodeAt(i);
      if (c === 123) depth++;
      else if (c === 125 && --depth === 0) break;
      else if (depth === 1 && isNameChar(c) && !isNameChar(text.charCodeAt(i - 1))) {
        const { end } = wordAround(text, i);
        const name = text.slice(i, end);
        if (/^['"]?\s{0,10}:/.test(text.slice(end, end + 12)) && isSecretName(name, extra) && !out.has(i)) {
          out.set(i, {
            start: i, end,
            message: fitted(`Secret ${name} in Nuxt's public runtimeConfig`, 'Secret in Nuxt\'s public runtimeConfig'),
            detail: `Nuxt sends ${code('runtimeConfig.public')} to the browser, so ${code(name)} is readable by anyone. Move it to the private ${code('runtimeConfig')}.`,
          });
        }
        i = Math.max(i, end - 1); // always move forward, even when no name starts here
      }
    }
  }
}

/** A secret read by code that runs on the client: the value must be in the client bundle. */
function clientReads(doc: Doc, out: Map<number, RawFinding>, extra: (name: string) => boolean): void {
  for (const needle of SECRET_TOPIC) {
    if (!doc.has(needle)) continue;
    for (const hit of doc.offsets(needle)) {
      const { start, end } = wordAround(doc.text, hit);
      if (out.has(start)) continue;
      const before = doc.text.slice(Math.max(0, start - 40), start);
      if (!CLIENT_READ.test(before)) continue;
      const name = doc.text.slice(start, end);
      if (!isSecretName(name, extra) || PUBLIC_PREFIXES.some((p) => name.startsWith(p))) continue;
      // Classifying the file costs a few regexes; only pay for it once there is something to judge.
      if (doc.side !== 'client') return;
      out.set(start, {
        start, end,
        message: fitted(`Secret ${name} read in client code`, 'Secret read in client code'),
        detail: `This file runs on the client, so ${code(name)} would have to ship with it, where anyone can read it. Compute the hash on the server for the logged-in user and send only the hash.`,
      });
    }
  }
}
