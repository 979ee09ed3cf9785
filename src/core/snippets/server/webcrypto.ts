/**
 * WebCrypto servers: Deno, Bun and Cloudflare Workers. crypto.subtle is asynchronous and takes
 * the secret as a parameter, because a Worker only sees its secrets on the request's `env`.
 */
import { hashName } from '../common';
import { stop } from '../template';
import type { CoreCode, SnippetContext, SnippetDefinition } from '../types';
import { jsIdentifier, jsObject } from './node';

function webCryptoCore(c: SnippetContext): CoreCode {
  const keyBytes = c.hexSecret ? 'hexToBytes(secret)' : 'encoder.encode(secret)';
  // No imports: crypto.subtle and TextEncoder are globals in all three runtimes.
  return { imports: [], code: `const encoder = new TextEncoder();

/** Decodes hex; throws on anything else rather than silently dropping characters. */
function hexToBytes(hex: string): Uint8Array {
  if (!/^(?:[0-9a-fA-F]{2})+$/.test(hex)) throw new Error('not an even-length hex string');
  return Uint8Array.from(hex.match(/../g) ?? [], (byte) => parseInt(byte, 16));
}

function hmacKey(secret: string): Promise<CryptoKey> {
  // Hashing with an empty key would give hashes the messenger rejects: fail loudly instead.
  if (!secret) throw new Error('${c.envVar} is not set');
  return crypto.subtle.importKey('raw', ${keyBytes}, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign', 'verify']);
}

/** ${hashName(c)}: lowercase hex HMAC-SHA256 of the identifier. Server-side only. */
async function userHash(secret: string, identifier: string): Promise<string> {
  const mac = await crypto.subtle.sign('HMAC', await hmacKey(secret), encoder.encode(identifier));
  return Array.from(new Uint8Array(mac), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** Checks a hash handed back by a client; crypto.subtle.verify compares in constant time. */
async function verifyUserHash(secret: string, identifier: string, candidate: string): Promise<boolean> {
  if (!/^[0-9a-f]{64}$/.test(candidate)) return false;
  return crypto.subtle.verify('HMAC', await hmacKey(secret), hexToBytes(candidate), encoder.encode(identifier));
}` };
}

/** Program tail shared by the three runtimes; `secretRead` reads IDV_SECRET their own way. */
function webCryptoMain(secretRead: string, envRead: (name: string) => string): string {
  return `
const secret = ${secretRead};
const identifier = ${envRead('IDV_IDENTIFIER')} ?? '';
const candidate = ${envRead('IDV_VERIFY')};
console.log(await userHash(secret, identifier));
if (candidate !== undefined) console.log(String(await verifyUserHash(secret, identifier, candidate)));
`;
}

const response = (c: SnippetContext) => `Response.json(${jsObject(c, 'user.id', 'user.email', `await userHash(secret, ${jsIdentifier(c, 'user.id', 'user.email')})`)})`;

const deno: SnippetDefinition = {
  id: 'deno',
  title: 'Deno.serve handler that returns the user hash (WebCrypto)',
  language: 'typescript',
  framework: 'Deno',
  kind: 'server',
  scheme: 'hmac',
  core: webCryptoCore,
  template: (c) => `${webCryptoCore(c).code}

Deno.serve(async (request) => {
  const user = await ${stop(1, 'currentUser')}(request);
  if (!user) return new Response('Unauthorized', { status: 401 });
  const secret = Deno.env.get('${c.envVar}') ?? '';
  return ${response(c)};${stop(0)}
});
`,
  runnable: {
    filename: 'main.ts',
    command: 'deno run --allow-env main.ts',
    program: (c) => `${webCryptoCore(c).code}\n${webCryptoMain(`Deno.env.get('IDV_SECRET') ?? ''`, (n) => `Deno.env.get('${n}')`)}`,
  },
};

const bun: SnippetDefinition = {
  id: 'bun',
  title: 'Bun.serve route that returns the user hash (WebCrypto)',
  language: 'typescript',
  framework: 'Bun',
  kind: 'server',
  scheme: 'hmac',
  core: webCryptoCore,
  template: (c) => `${webCryptoCore(c).code}

Bun.serve({
  routes: {
    '${stop(1, '/api/messenger/identity')}': async (request) => {
      const user = await ${stop(2, 'currentUser')}(request);
      if (!user) return new Response('Unauthorized', { status: 401 });
      const secret = Bun.env.${c.envVar} ?? '';
      return ${response(c)};${stop(0)}
    },
  },
});
`,
  runnable: {
    filename: 'main.ts',
    command: 'bun main.ts',
    program: (c) => `${webCryptoCore(c).code}\n${webCryptoMain('Bun.env.IDV_SECRET ?? \'\'', (n) => `Bun.env.${n}`)}`,
  },
};

const workers: SnippetDefinition = {
  id: 'cloudflare-workers',
  title: 'Cloudflare Worker that returns the user hash, secret from a Workers secret binding',
  language: 'typescript',
  framework: 'Cloudflare Workers',
  kind: 'server',
  scheme: 'hmac',
  core: webCryptoCore,
  template: (c) => `${webCryptoCore(c).code}

interface Env {
  /** Set with \`wrangler secret put ${c.envVar}\`; never in wrangler.toml [vars]. */
  ${c.envVar}: string;
}

export default {
  async fetch(request: Request, env: Env): Promise<Response> {
    const user = await ${stop(1, 'currentUser')}(request, env);
    if (!user) return new Response('Unauthorized', { status: 401 });
    const secret = env.${c.envVar};
    return ${response(c)};${stop(0)}
  },
} satisfies ExportedHandler<Env>;
`,
  // workerd is not a command-line runner; Deno runs the same WebCrypto code, with the
  // binding object built from the environment as wrangler would build it from the secret.
  runnable: {
    filename: 'main.ts',
    command: 'deno run --allow-env main.ts',
    program: (c) => `${webCryptoCore(c).code}\n
const env = { IDV_SECRET: Deno.env.get('IDV_SECRET') ?? '' };
${webCryptoMain('env.IDV_SECRET', (n) => `Deno.env.get('${n}')`)}`,
  },
};

export const WEBCRYPTO_SNIPPETS: readonly SnippetDefinition[] = [deno, bun, workers];
