/**
 * Deno, Bun and Cloudflare Workers sign with jose, which runs on Web Crypto in all three
 * (jsonwebtoken needs Node's crypto). The secret is a parameter because a Worker only sees
 * its secrets on the request's `env`; route shapes follow ../webcrypto.ts.
 */
import { stop } from '../../template';
import type { CoreCode, SnippetContext, SnippetDefinition } from '../../types';
import { claimEntries, field, kidEnv, title } from './shared';

function joseCore(c: SnippetContext): CoreCode {
  const kid = kidEnv(c);
  return {
    imports: [`import { SignJWT } from 'jose';`],
    code: `/** ${title(c)}: an HS256 JWT with a short expiry, signed on the server only. */
async function messengerJwt(user: { id: string | number; email?: string | null }, secret: string${kid ? ', keyId: string' : ''}): Promise<string> {
  // Signing with an empty key would give tokens the messenger rejects: fail loudly instead.
  if (!secret) throw new Error('${c.envVar} is not set');${kid ? `
  if (!keyId) throw new Error('${kid} is not set');` : ''}
  return new SignJWT({ ${claimEntries(c, (k, v) => `${k}: ${v}`, 'String(user.id)', 'user.email ?? undefined', (s) => `'${s}'`).join(', ')} })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT'${kid ? ', kid: keyId' : ''} })
    .setIssuedAt()
    .setExpirationTime('1h')
    .sign(new TextEncoder().encode(secret));
}`,
  };
}

const file = (c: SnippetContext, rest: string) => `${joseCore(c).imports.join('\n')}\n\n${joseCore(c).code}\n${rest}`;
const call = (c: SnippetContext, user: string, secret: string, keyId: string) => `await messengerJwt(${user}, ${secret}${kidEnv(c) ? `, ${keyId}` : ''})`;

const deno: SnippetDefinition = {
  id: 'jwt-deno',
  title: 'Deno.serve handler that signs the messenger JWT (jose)',
  language: 'typescript',
  framework: 'Deno (jose)',
  kind: 'server',
  scheme: 'jwt',
  core: joseCore,
  template: (c) => file(c, `
Deno.serve(async (request) => {
  const user = await ${stop(1, 'currentUser')}(request);
  if (!user) return new Response('Unauthorized', { status: 401 });
  const secret = Deno.env.get('${c.envVar}') ?? '';${kidEnv(c) ? `\n  const keyId = Deno.env.get('${kidEnv(c) ?? ''}') ?? '';` : ''}
  return Response.json({ ${field(c)}: ${call(c, 'user', 'secret', 'keyId')} });${stop(0)}
});
`),
  runnable: {
    filename: 'main.ts',
    command: 'deno run --allow-env --allow-read main.ts',
    program: (c) => file(c, `
const user = { id: Deno.env.get('IDV_IDENTIFIER') ?? '', email: Deno.env.get('IDV_EMAIL') };
console.log(${call(c, 'user', `Deno.env.get('IDV_SECRET') ?? ''`, `Deno.env.get('IDV_KEY_ID') ?? ''`)});
`),
  },
};

const bun: SnippetDefinition = {
  id: 'jwt-bun',
  title: 'Bun.serve route that signs the messenger JWT (jose)',
  language: 'typescript',
  framework: 'Bun (jose)',
  kind: 'server',
  scheme: 'jwt',
  core: joseCore,
  template: (c) => file(c, `
Bun.serve({
  routes: {
    '${stop(1, '/api/messenger/jwt')}': async (request) => {
      const user = await ${stop(2, 'currentUser')}(request);
      if (!user) return new Response('Unauthorized', { status: 401 });
      return Response.json({ ${field(c)}: ${call(c, 'user', `Bun.env.${c.envVar} ?? ''`, `Bun.env.${kidEnv(c) ?? ''} ?? ''`)} });${stop(0)}
    },
  },
});
`),
  runnable: {
    filename: 'main.ts',
    command: 'bun main.ts',
    program: (c) => file(c, `
const user = { id: Bun.env.IDV_IDENTIFIER ?? '', email: Bun.env.IDV_EMAIL };
console.log(${call(c, 'user', `Bun.env.IDV_SECRET ?? ''`, `Bun.env.IDV_KEY_ID ?? ''`)});
`),
  },
};

const workers: SnippetDefinition = {
  id: 'jwt-cloudflare-workers',
  title: 'Cloudflare Worker that signs the messenger JWT (jose), secret from a Workers secret binding',
  language: 'typescript',
  framework: 'Cloudflare Workers (jose)',
  kind: 'server',
  scheme: 'jwt',
  core: joseCore,
  template: (c) => file(c, `
interface Env {
  /** Set with \`wrangler secret put ${c.envVar}\`; never in wrangler.toml [vars]. */
  ${c.envVar}: string;${kidEnv(c) ? `\n  ${kidEnv(c) ?? ''}: string;` : ''}
}

export default {
  async fetch(request: Request, env: Env): Promise<Response> {
    const user = await ${stop(1, 'currentUser')}(request, env);
    if (!user) return new Response('Unauthorized', { status: 401 });
    return Response.json({ ${field(c)}: ${call(c, 'user', `env.${c.envVar}`, `env.${kidEnv(c) ?? ''}`)} });${stop(0)}
  },
} satisfies ExportedHandler<Env>;
`),
  // workerd is not a command-line runner; Deno runs the same Web Crypto code, with the
  // binding object built from the environment as wrangler would build it from the secrets.
  runnable: {
    filename: 'main.ts',
    command: 'deno run --allow-env --allow-read main.ts',
    program: (c) => file(c, `
const env = { IDV_SECRET: Deno.env.get('IDV_SECRET') ?? '', IDV_KEY_ID: Deno.env.get('IDV_KEY_ID') ?? '' };
const user = { id: Deno.env.get('IDV_IDENTIFIER') ?? '', email: Deno.env.get('IDV_EMAIL') };
console.log(${call(c, 'user', 'env.IDV_SECRET', 'env.IDV_KEY_ID')});
`),
  },
};

export const WEBCRYPTO_JWT_SNIPPETS: readonly SnippetDefinition[] = [deno, bun, workers];
