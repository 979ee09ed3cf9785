/** Small helpers the language files share, so that each of them stays about templates only. */
import { stop } from './template';
import type { SnippetAuth, SnippetContext } from './types';

/** What a server endpoint returns to the client, keyed by the vendor's own field names. */
export interface ResponseField {
  readonly key: string;
  readonly value: 'id' | 'email' | 'hash';
}

/**
 * The fields the messenger needs on the client: the identifier(s) it is told about and the
 * hash. The email travels with a user id when the vendor has an email field, because the
 * messenger shows it; the hash is still of the user id.
 */
export function responseFields(c: SnippetContext): ResponseField[] {
  const { vendor } = c;
  const fields: ResponseField[] = [];
  if (c.identifier === 'user_id') fields.push({ key: vendor.userIdField ?? 'user_id', value: 'id' });
  if (c.identifier === 'email' || c.emailFallback || vendor.emailField !== undefined) fields.push({ key: 'email', value: 'email' });
  fields.push({ key: vendor.hashField, value: 'hash' });
  return fields;
}

/** "Intercom user_hash", used in comments and doc strings. */
export function hashName(c: SnippetContext): string {
  return `${c.vendor.name} ${c.vendor.hashField}`;
}

/** Renders response fields as `key: expr` pairs with the language's quoting and separator. */
export function mapEntries(
  c: SnippetContext,
  exprs: Readonly<Record<ResponseField['value'], string>>,
  entry: (key: string, expr: string) => string,
): string[] {
  return responseFields(c).map((f) => entry(f.key, exprs[f.value]));
}

/** The JWT claims a vendor needs besides `exp`: name, and which user attribute or constant fills it. */
export function jwtClaims(c: SnippetContext): { claim: string; value: 'id' | 'email' | { literal: string } }[] {
  const jwt = c.vendor.jwt;
  if (!jwt) throw new Error(`${c.vendor.name} has no JWT scheme.`);
  const claims: { claim: string; value: 'id' | 'email' | { literal: string } }[] = [{ claim: jwt.identifierClaim, value: 'id' }];
  const names = new Set([...jwt.requiredClaims, 'email']);
  names.delete(jwt.identifierClaim);
  for (const name of names) {
    const fixed = jwt.fixedClaims?.[name];
    claims.push({ claim: name, value: fixed !== undefined ? { literal: fixed } : 'email' });
  }
  return claims;
}

/**
 * How a Next.js server snippet gets the signed-in user: the project's auth helper when the
 * project model found one, else next-auth v5's `auth` from a tab stop under a comment that
 * says it is a placeholder, so that it is not mistaken for the project's own.
 */
export function nextAuth(c: SnippetContext): SnippetAuth {
  return c.auth ?? {
    imports: [
      `// Placeholder: import your app's auth helper; it must give the signed-in user's id and email.`,
      `import { auth } from '${stop(1, '@/auth')}';`,
    ],
    user: '(await auth())?.user',
  };
}
