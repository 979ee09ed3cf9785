/**
 * The shape of a catalogue entry. Entries are data plus small template functions of a
 * SnippetContext, so that one entry serves every vendor, identifier and env var name.
 */
import type { Vendor, VendorId } from '../vendors';

export type SnippetKind = 'server' | 'client';
export type SnippetScheme = 'hmac' | 'jwt';
/** Which identifier the server hashes (or the JWT carries). */
export type IdentifierKind = 'user_id' | 'email';

/** Everything a template may depend on; built by `resolveContext` from the render options. */
export interface SnippetContext {
  readonly vendor: Vendor;
  readonly identifier: IdentifierKind;
  /**
   * Hash the user id, and the email only when the user has no id: Intercom's rule for vendors
   * that accept either, since a hash of the email fails whenever a user id is also sent.
   */
  readonly emailFallback: boolean;
  /** The environment variable (or secret-store key) that holds the secret. */
  readonly envVar: string;
  /** Pylon's secret is hex and must be decoded to bytes before it is used as the key. */
  readonly hexSecret: boolean;
  /** Environment variable holding the JWT key id, for vendors that need a `kid` header. */
  readonly kidEnvVar?: string | undefined;
  /** The project's auth helper, when the project model found it; else templates write a marked placeholder. */
  readonly auth?: SnippetAuth | undefined;
}

/** How server code in the project gets the signed-in user (see src/core/workspace). */
export interface SnippetAuth {
  /** Import lines, written out. */
  readonly imports: readonly string[];
  /** An expression, inside an async function, for the signed-in user with `id` and `email`. */
  readonly user: string;
}

/**
 * The code a server snippet and its runnable program share. Imports are kept apart so that a
 * template can merge them with the framework's own at the top of the file, where each
 * language's conventions want them; `code` appears verbatim in both.
 */
export interface CoreCode {
  readonly imports: readonly string[];
  readonly code: string;
}

/** A complete program around a server snippet's core, for proof by running. */
export interface RunnableDefinition {
  /** The single file the program lives in. */
  readonly filename: string;
  /** Shell command that builds and runs it in a directory holding only `filename`. */
  readonly command: string;
  /**
   * The program. HMAC programs read IDV_SECRET and IDV_IDENTIFIER, print the hash and a
   * newline, and when IDV_VERIFY is set a second line `true` or `false` from the snippet's
   * constant-time check. JWT programs also read IDV_EMAIL (and IDV_KEY_ID) and print the token.
   */
  program(c: SnippetContext): string;
}

export interface SnippetDefinition {
  /** Stable id used by the CLI and the editor: `express`, `django`, `ios-swift`. */
  readonly id: string;
  /** One line shown in pickers and as the VS Code snippet description. */
  readonly title: string;
  /** VS Code language id of the file the snippet goes into. */
  readonly language: string;
  readonly framework: string;
  readonly kind: SnippetKind;
  readonly scheme: SnippetScheme;
  /** Vendors this entry can be rendered for; by default every vendor of its scheme. */
  readonly vendors?: readonly VendorId[];
  /**
   * Server entries: the hashing (or signing) code, free of tab stops, shared verbatim by the
   * inserted snippet and the runnable program, so running the program proves the snippet.
   */
  readonly core?: (c: SnippetContext) => CoreCode;
  /** The whole snippet, with «n:default» tab-stop markers. */
  readonly template: (c: SnippetContext) => string;
  readonly runnable?: RunnableDefinition;
}
