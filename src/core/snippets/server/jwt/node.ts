/**
 * Node.js servers (Express, NestJS, Next.js) sign with jsonwebtoken, the library most Node
 * examples use; the route shapes are those of the HMAC snippets in ../node.ts.
 */
import { nextAuth } from '../../common';
import { stop } from '../../template';
import type { CoreCode, RunnableDefinition, SnippetContext, SnippetDefinition } from '../../types';
import { withImports } from '../node';
import { claimEntries, field, kidEnv, title } from './shared';

/** jsonwebtoken core; `typed` adds TypeScript annotations, `exported` exports the function. */
function nodeJwtCore(c: SnippetContext, typed: boolean, exported: boolean): CoreCode {
  const kid = kidEnv(c);
  const t = (annotation: string) => (typed ? annotation : '');
  return {
    imports: [`import jwt from 'jsonwebtoken';`],
    code: `/** ${title(c)}: an HS256 JWT with a short expiry, signed on the server only. */
${exported ? 'export ' : ''}function messengerJwt(user${t(': { id: string | number; email?: string | null }')})${t(': string')} {
  const secret = process.env.${c.envVar};
  // Signing with an empty key would give tokens the messenger rejects: fail loudly instead.
  if (!secret) throw new Error('${c.envVar} is not set');${kid ? `
  const keyId = process.env.${kid};
  if (!keyId) throw new Error('${kid} is not set');` : ''}
  const claims = { ${claimEntries(c, (k, v) => `${k}: ${v}`, 'String(user.id)', 'user.email', (s) => `'${s}'`).join(', ')} };
  return jwt.sign(claims, secret, { algorithm: 'HS256', expiresIn: '1h'${kid ? ', keyid: keyId' : ''} });
}`,
  };
}

const nodeMain = `
console.log(messengerJwt({ id: process.env.IDV_IDENTIFIER ?? '', email: process.env.IDV_EMAIL }));
`;

/** TypeScript runs under Bun here (Node 20 cannot run .ts); jsonwebtoken resolves from node_modules. */
function tsRunnable(exported: boolean): RunnableDefinition {
  return { filename: 'main.ts', command: 'bun main.ts', program: (c) => withImports(nodeJwtCore(c, true, exported), [], `${nodeJwtCore(c, true, exported).code}\n${nodeMain}`) };
}

const express: SnippetDefinition = {
  id: 'jwt-express',
  title: 'Express route that signs the messenger JWT (jsonwebtoken)',
  language: 'javascript',
  framework: 'Express (jsonwebtoken)',
  kind: 'server',
  scheme: 'jwt',
  core: (c) => nodeJwtCore(c, false, true),
  template: (c) => withImports(nodeJwtCore(c, false, true), [], `${nodeJwtCore(c, false, true).code}

// The client fetches this and hands the token to the messenger; it never sees the secret.
${stop(1, 'app')}.get('${stop(2, '/api/messenger/jwt')}', ${stop(3, 'requireLogin')}, (req, res) => {
  res.json({ ${field(c)}: messengerJwt(req.user) });${stop(0)}
});
`),
  runnable: { filename: 'main.mjs', command: 'node main.mjs', program: (c) => withImports(nodeJwtCore(c, false, true), [], `${nodeJwtCore(c, false, true).code}\n${nodeMain}`) },
};

const nestjs: SnippetDefinition = {
  id: 'jwt-nestjs',
  title: 'NestJS controller that signs the messenger JWT (jsonwebtoken)',
  language: 'typescript',
  framework: 'NestJS (jsonwebtoken)',
  kind: 'server',
  scheme: 'jwt',
  core: (c) => nodeJwtCore(c, true, true),
  template: (c) => withImports(nodeJwtCore(c, true, true), [
    `import { Controller, Get, Req, UseGuards } from '@nestjs/common';`,
    `import { ${stop(1, 'AuthGuard')} } from '${stop(2, './auth.guard')}';`,
  ], `${nodeJwtCore(c, true, true).code}

@Controller('${stop(3, 'messenger')}')
export class MessengerJwtController {
  @UseGuards(${stop(1, 'AuthGuard')})
  @Get('jwt')
  token(@Req() req: { user: { id: string | number; email: string } }) {
    return { ${field(c)}: messengerJwt(req.user) };${stop(0)}
  }
}
`),
  runnable: tsRunnable(true),
};

const nextRoute: SnippetDefinition = {
  id: 'jwt-nextjs-route',
  title: 'Next.js route handler (app router) that signs the messenger JWT (jsonwebtoken)',
  language: 'typescript',
  framework: 'Next.js route handler (jsonwebtoken)',
  kind: 'server',
  scheme: 'jwt',
  // A route file may only export handlers and route config, so the helper stays private.
  core: (c) => nodeJwtCore(c, true, false),
  template: (c) => withImports(nodeJwtCore(c, true, false), [
    `import { NextResponse } from 'next/server';`,
    ...nextAuth(c).imports,
  ], `${nodeJwtCore(c, true, false).code}

// jsonwebtoken needs the Node.js runtime, and the secret must stay on the server.
export const runtime = 'nodejs';

export async function GET() {
  const user = ${nextAuth(c).user};
  if (!user?.id) return NextResponse.json({ error: 'not signed in' }, { status: 401 });
  return NextResponse.json({ ${field(c)}: messengerJwt({ id: user.id, email: user.email }) });${stop(0)}
}
`),
  runnable: tsRunnable(false),
};

const nextAction: SnippetDefinition = {
  id: 'jwt-nextjs-server-action',
  title: 'Next.js server action that returns the messenger JWT to a client component (jsonwebtoken)',
  language: 'typescript',
  framework: 'Next.js server action (jsonwebtoken)',
  kind: 'server',
  scheme: 'jwt',
  // In a 'use server' file every export must be an async action: the helper stays private.
  core: (c) => nodeJwtCore(c, true, false),
  template: (c) => `'use server';\n\n${withImports(nodeJwtCore(c, true, false), nextAuth(c).imports, `${nodeJwtCore(c, true, false).code}

/** A fresh messenger JWT for the signed-in user; visitors who are not signed in get none. */
export async function ${stop(2, 'getMessengerJwt')}() {
  const user = ${nextAuth(c).user};
  if (!user?.id) return null;
  return messengerJwt({ id: user.id, email: user.email });${stop(0)}
}
`)}`,
  runnable: tsRunnable(false),
};

export const NODE_JWT_SNIPPETS: readonly SnippetDefinition[] = [express, nestjs, nextRoute, nextAction];
