/**
 * What every JWT server snippet derives from the vendor catalogue: the claims (identifier,
 * fixed values such as Zendesk's `scope: "user"`, the email), the response field and the
 * `kid` variable. Nothing here is written per vendor.
 */
import { jwtClaims } from '../../common';
import type { SnippetContext } from '../../types';

/** Lifetime of a token in seconds: short, and the client asks for a fresh one with the session. */
export const JWT_LIFETIME_SECONDS = 3600;

/**
 * The claims as source lines: `render(claim, expr)` for each, where `expr` is the language's
 * expression for the user id (`id`), the email (`email`) or a quoted constant.
 */
export function claimEntries(c: SnippetContext, render: (claim: string, value: string) => string, id: string, email: string, quote: (s: string) => string): string[] {
  return jwtClaims(c).map(({ claim, value }) => render(claim, value === 'id' ? id : value === 'email' ? email : quote(value.literal)));
}

/** The key the client reads the token from (`intercom_user_jwt`, `featurebaseJwt`, `jwt`). */
export const field = (c: SnippetContext): string => c.vendor.jwt?.field ?? 'jwt';

/** The environment variable holding the key id, for vendors that need a `kid` header. */
export const kidEnv = (c: SnippetContext): string | undefined => (c.vendor.jwt?.needsKid ? c.kidEnvVar ?? c.vendor.jwt.kidEnvVar : undefined);

/** "Intercom intercom_user_jwt", for comments and doc strings. */
export const title = (c: SnippetContext): string => `${c.vendor.name} ${field(c)}`;

/** One comment line for cores that build the token from the platform's HMAC, naming the usual library. */
export const platformNote = (library: string, why: string): string =>
  `Built with the platform's HMAC (base64url header.payload, HMAC-SHA256); projects usually use ${library}. ${why}`;
