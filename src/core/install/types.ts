/**
 * The installation check's data contract, shared by `idv check`, the editor's tree view and
 * their tests: plain data, so the CLI can print it as JSON exactly as the editor shows it.
 */
import type { Platform, ProofScheme, VendorId } from '../vendors';

/**
 * What a call tells the messenger about the user. `user_id_or_email` means the call identifies
 * a user but the identifier is built elsewhere (an attributes object, a variable), so which one
 * cannot be read off the call.
 */
export type Identifier = 'user_id' | 'email' | 'user_id_or_email';

/**
 * Where the hash comes from: `client` when the same client file computes an HMAC or signs a
 * JWT, `server` when the value visibly arrives from the server (an HTTP response, a template
 * tag, server-rendered props), `unknown` otherwise or when no hash is sent.
 */
export type HashSource = 'server' | 'client' | 'unknown';

/**
 * Which proof an installation sends: `hmac` (`user_hash`, `setUserHash`, a signature), `jwt`
 * (`intercom_user_jwt`, `setUserJwt`, Zendesk's `loginUser` callback, `featurebaseJwt`), or
 * `none` when it sends no proof. A call that sends both counts as `jwt`, the one a vendor
 * checks once its JWT security is on.
 */
export type InstallationScheme = ProofScheme | 'none';

/** The schemes in use on one vendor and platform: `mixed` when some installations send each. */
export type PlatformScheme = ProofScheme | 'mixed' | 'none';

/** One place where a messenger is started or told who the user is. */
export interface Installation {
  /** The path given to findInstallations (the CLI passes it relative to the current directory). */
  readonly file: string;
  /** 1-based line of the call. */
  readonly line: number;
  readonly vendor: VendorId;
  /**
   * Cross-platform code (Flutter, React Native, Capacitor) ships to both stores: such a call is
   * reported once for `ios` and once for `android`, so each platform's verdict stands alone.
   */
  readonly platform: Platform;
  /** Empty for an anonymous visitor, which needs no hash; also empty for a lone `setUserHash`. */
  readonly identifiers: readonly Identifier[];
  /** A hash, signature or JWT goes with the identity (for mobile: the file sets one). */
  readonly sendsHash: boolean;
  readonly hashSource: HashSource;
  readonly scheme: InstallationScheme;
  /**
   * Present when whether a hash is sent cannot be read here: the settings are partly built
   * where this file does not show (a spread or a variable not followed, a value that may hold
   * the identifier and its signature). `sendsHash` is then false, and missing-user-hash does
   * not report the call either; readiness names it as one to check.
   */
  readonly unresolved?: true;
}

/** Whether identity verification can be enforced for one vendor on one platform. */
export interface Readiness {
  readonly vendor: VendorId;
  readonly platform: Platform;
  readonly ready: boolean;
  /** The proof the installations send; `mixed` is one of the reasons it is not ready. */
  readonly scheme: PlatformScheme;
  /** Why not (file:line of each gap), notes worth checking, and for mobile the release reminder. */
  readonly reasons: readonly string[];
  /**
   * Information that never changes `ready`: the vendor recommends the other scheme (Intercom
   * calls `user_hash` deprecated and recommends its JWT).
   */
  readonly notes: readonly string[];
}
