/**
 * The project's own way of getting the signed-in user on the server, so that an inserted
 * snippet imports it instead of a placeholder. Only what is certain from the text counts: a
 * module at a conventional place that exports a known helper.
 */
import type { Dependency } from './manifests';
import type { AuthModule } from './types';

/** Where Next.js projects keep their auth module, most specific first. */
export const AUTH_CANDIDATES: readonly string[] = [
  'auth.ts', 'auth.js', 'src/auth.ts', 'src/auth.js', 'lib/auth.ts', 'lib/auth.js', 'src/lib/auth.ts', 'src/lib/auth.js',
  'server/auth.ts', 'src/server/auth.ts', 'lib/session.ts', 'src/lib/session.ts',
];

/** `export const { auth } = NextAuth(…)`, `export async function auth`, `export { auth }` … */
function exports(text: string, name: string): boolean {
  const n = String.raw`\b${name}\b`;
  return new RegExp(String.raw`export\s+(?:(?:const|let|var)\s+(?:\{[^}]*${n}[^}]*\}|${n})|(?:async\s+)?function\s*\*?\s*${n})|export\s*\{[^}]*${n}[^}]*\}`).test(text);
}

/** The auth module `texts` (by project path) show, or undefined when none is certain. */
export function findAuth(texts: ReadonlyMap<string, string>, deps: readonly Dependency[]): AuthModule | undefined {
  const nextAuth = deps.some((d) => d.ecosystem === 'npm' && (d.name === 'next-auth' || d.name === '@auth/nextjs'));
  for (const file of AUTH_CANDIDATES) {
    const text = texts.get(file);
    if (text === undefined) continue;
    // next-auth v5 (`NextAuth()` returns `auth`) and helpers of the same name.
    if (exports(text, 'auth')) return { file, names: ['auth'], packageImports: [], user: '(await auth())?.user', evidence: `${file} exports auth` };
    if (nextAuth && exports(text, 'authOptions')) {
      return {
        file, names: ['authOptions'], packageImports: [`import { getServerSession } from 'next-auth';`],
        user: '(await getServerSession(authOptions))?.user', evidence: `${file} exports authOptions (next-auth)`,
      };
    }
    if (exports(text, 'getCurrentUser')) return { file, names: ['getCurrentUser'], packageImports: [], user: 'await getCurrentUser()', evidence: `${file} exports getCurrentUser` };
  }
  return undefined;
}

/**
 * The module specifier a file at `from` imports `file` with: through the `@/` alias when the
 * project has one that covers it, else relative, without the extension.
 */
export function importSpecifier(file: string, from: string, atAlias: string | undefined): string {
  const bare = file.replace(/\.[cm]?[jt]sx?$/, '').replace(/\/index$/, '');
  if (atAlias !== undefined && (atAlias === '' || bare.startsWith(`${atAlias}/`))) return `@/${atAlias === '' ? bare : bare.slice(atAlias.length + 1)}`;
  const fromDir = from.split('/').slice(0, -1);
  const target = bare.split('/');
  let common = 0;
  while (common < fromDir.length && common < target.length - 1 && fromDir[common] === target[common]) common++;
  const up = fromDir.length - common;
  const rest = target.slice(common).join('/');
  return up === 0 ? `./${rest}` : `${'../'.repeat(up)}${rest}`;
}

/** The directory `@/*` maps to in a tsconfig.json or jsconfig.json (`''` for the root). */
export function atAliasOf(text: string): string | undefined {
  const m = /"@\/\*"\s*:\s*\[\s*"(?:\.\/)?([^"*]*)\*"/.exec(text);
  return m ? (m[1] ?? '').replace(/\/$/, '') : undefined;
}
