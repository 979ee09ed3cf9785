/** Node.js servers: Express, NestJS and Next.js, all through node:crypto. */
import { hashName, mapEntries, nextAuth } from '../common';
import { stop } from '../template';
import type { CoreCode, RunnableDefinition, SnippetContext, SnippetDefinition } from '../types';

/** The user's identifier in JavaScript, given expressions for the user id and the email. */
export function jsIdentifier(c: SnippetContext, id: string, email: string): string {
  if (c.identifier === 'email') return email;
  return c.emailFallback ? `${id} != null ? String(${id}) : ${email}` : `String(${id})`;
}

/** The response object literal, `{ user_id: ..., user_hash: ... }`, with the vendor's keys. */
export function jsObject(c: SnippetContext, id: string, email: string, hash: string): string {
  const key = (k: string) => (/^[A-Za-z_$][\w$]*$/.test(k) ? k : `'${k}'`);
  return `{ ${mapEntries(c, { id, email, hash }, (k, e) => `${key(k)}: ${e}`).join(', ')} }`;
}

/**
 * node:crypto core; `typed` adds TypeScript annotations, `exported` exports the functions. A
 * module that cannot export them (a route file, a 'use server' file) gets no `verifyUserHash`:
 * nothing there could call it.
 */
function nodeCore(c: SnippetContext, typed: boolean, exported: boolean): CoreCode {
  const t = (annotation: string) => (typed ? annotation : '');
  const ex = exported ? 'export ' : '';
  const key = c.hexSecret ? `Buffer.from(secret, 'hex')` : 'secret';
  return { imports: [`import { createHmac${exported ? ', timingSafeEqual' : ''} } from 'node:crypto';`], code: `/** ${hashName(c)}: lowercase hex HMAC-SHA256 of the identifier. Server-side only. */
${ex}function userHash(identifier${t(': string')})${t(': string')} {
  const secret = process.env.${c.envVar};
  // Hashing with an empty key would give hashes the messenger rejects: fail loudly instead.
  if (!secret) throw new Error('${c.envVar} is not set');
  return createHmac('sha256', ${key}).update(identifier, 'utf8').digest('hex');
}${exported ? `\n\n${verifyCode(typed, ex)}` : ''}` };
}

/** The constant-time check of a hash handed back by a client. */
function verifyCode(typed: boolean, ex: string): string {
  const t = (annotation: string) => (typed ? annotation : '');
  return `/** Checks a hash handed back by a client, in constant time (never with ===). */
${ex}function verifyUserHash(identifier${t(': string')}, candidate${t(': string')})${t(': boolean')} {
  const expected = Buffer.from(userHash(identifier), 'utf8');
  const given = Buffer.from(candidate, 'utf8');
  return given.length === expected.length && timingSafeEqual(given, expected);
}`;
}

/** Imports (the core's, then the framework's) and the core code, as a file would have them. */
export function withImports(core: CoreCode, frameworkImports: readonly string[], code: string): string {
  return `${[...core.imports, ...frameworkImports].join('\n')}\n\n${code}`;
}

const nodeMain = `
const identifier = process.env.IDV_IDENTIFIER ?? '';
console.log(userHash(identifier));
if (process.env.IDV_VERIFY !== undefined) console.log(String(verifyUserHash(identifier, process.env.IDV_VERIFY)));
`;

/**
 * TypeScript runs under Bun here: Node 20 cannot run .ts, and Bun implements node:crypto. A
 * core without `verifyUserHash` gets the same check in the program, so the harness's
 * verification lines still come out.
 */
function tsRunnable(exported: boolean): RunnableDefinition {
  return {
    filename: 'main.ts', command: 'bun main.ts',
    program: (c) => withImports(nodeCore(c, true, exported), exported ? [] : [`import { timingSafeEqual } from 'node:crypto';`], `${nodeCore(c, true, exported).code}\n${exported ? '' : `\n${verifyCode(true, '')}\n`}${nodeMain}`),
  };
}

const express: SnippetDefinition = {
  id: 'express',
  title: 'Express route that returns the user hash for the signed-in user',
  language: 'javascript',
  framework: 'Express',
  kind: 'server',
  scheme: 'hmac',
  core: (c) => nodeCore(c, false, true),
  template: (c) => withImports(nodeCore(c, false, true), [], `${nodeCore(c, false, true).code}

// The client fetches this and passes the values to the messenger; it never sees the secret.
${stop(1, 'app')}.get('${stop(2, '/api/messenger/identity')}', ${stop(3, 'requireLogin')}, (req, res) => {
  const { id, email } = req.user;
  res.json(${jsObject(c, 'id', 'email', `userHash(${jsIdentifier(c, 'id', 'email')})`)});${stop(0)}
});
`),
  runnable: { filename: 'main.mjs', command: 'node main.mjs', program: (c) => withImports(nodeCore(c, false, true), [], `${nodeCore(c, false, true).code}\n${nodeMain}`) },
};

const nestjs: SnippetDefinition = {
  id: 'nestjs',
  title: 'NestJS controller that returns the user hash for the signed-in user',
  language: 'typescript',
  framework: 'NestJS',
  kind: 'server',
  scheme: 'hmac',
  core: (c) => nodeCore(c, true, true),
  template: (c) => withImports(nodeCore(c, true, true), [
    `import { Controller, Get, Req, UseGuards } from '@nestjs/common';`,
    `import { ${stop(1, 'AuthGuard')} } from '${stop(2, './auth.guard')}';`,
  ], `${nodeCore(c, true, true).code}

@Controller('${stop(3, 'messenger')}')
export class MessengerIdentityController {
  @UseGuards(${stop(1, 'AuthGuard')})
  @Get('identity')
  identity(@Req() req: { user: { id?: string | number | null; email: string } }) {
    const { id, email } = req.user;
    return ${jsObject(c, 'id', 'email', `userHash(${jsIdentifier(c, 'id', 'email')})`)};${stop(0)}
  }
}
`),
  runnable: tsRunnable(true),
};

const nextRoute: SnippetDefinition = {
  id: 'nextjs-route',
  title: 'Next.js route handler (app router) that returns the user hash',
  language: 'typescript',
  framework: 'Next.js route handler',
  kind: 'server',
  scheme: 'hmac',
  // A route file may only export handlers and route config, so the helpers stay private.
  core: (c) => nodeCore(c, true, false),
  template: (c) => withImports(nodeCore(c, true, false), [
    `import { NextResponse } from 'next/server';`,
    ...nextAuth(c).imports,
  ], `${nodeCore(c, true, false).code}

// node:crypto needs the Node.js runtime, and the secret must stay on the server.
export const runtime = 'nodejs';

export async function GET() {
  const user = ${nextAuth(c).user};
  if (!user?.email) return NextResponse.json({ error: 'not signed in' }, { status: 401 });
  const { id, email } = user;
  return NextResponse.json(${jsObject(c, 'id', 'email', `userHash(${jsIdentifier(c, 'id', 'email')})`)});${stop(0)}
}
`),
  runnable: tsRunnable(false),
};

const nextAction: SnippetDefinition = {
  id: 'nextjs-server-action',
  title: 'Next.js server action that returns the user hash to a client component',
  language: 'typescript',
  framework: 'Next.js server action',
  kind: 'server',
  scheme: 'hmac',
  // In a 'use server' file every export must be an async action: the helpers stay private.
  core: (c) => nodeCore(c, true, false),
  template: (c) => `'use server';\n\n${withImports(nodeCore(c, true, false), nextAuth(c).imports, `${nodeCore(c, true, false).code}

/** The messenger identity of the signed-in user; visitors who are not signed in get none. */
export async function ${stop(2, 'getMessengerIdentity')}() {
  const user = ${nextAuth(c).user};
  if (!user?.email) return null;
  const { id, email } = user;
  return ${jsObject(c, 'id', 'email', `userHash(${jsIdentifier(c, 'id', 'email')})`)};${stop(0)}
}
`)}`,
  runnable: tsRunnable(false),
};

export const NODE_SNIPPETS: readonly SnippetDefinition[] = [express, nestjs, nextRoute, nextAction];
