/**
 * A call site as the detectors find it, before the file's platform and the hash's origin are
 * known: offsets into the text, so that finding the line and the hash's definition is cheap.
 */
import type { VendorId } from '../vendors';
import type { Identifier } from './types';

/** A [start, end) range of the text. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

/** One detected call. */
export interface Site {
  readonly offset: number;
  readonly vendor: VendorId;
  readonly identifiers: readonly Identifier[];
  readonly sendsHash: boolean;
  /** The expression passed as the hash, when one is sent and readable. */
  readonly hash?: string;
  /**
   * The settings key or setter call that carries the proof (`user_hash`, `setUserJwt`), when a
   * proof is sent and its name is known: it decides the installation's scheme (proofScheme).
   */
  readonly proofName?: string;
  /** Where the hash expression is in the text, when the detector knows it exactly. */
  readonly hashSpan?: Span;
  /** More text that shows where the hash comes from (Zendesk: the callback's body). */
  readonly evidence?: string;
  /** The settings are partly built where the file does not show (see Installation.unresolved). */
  readonly unresolved?: true;
  /** True for a mobile SDK call, false for a web settings object or call. */
  readonly mobile: boolean;
}

/**
 * Calls of one kind examined per file. A real file installs a messenger a handful of times; a
 * thousand hits is generated or hostile text, and each hit reads a bounded window, so the cap
 * keeps a file's cost near one pass over it.
 */
export const MAX_HITS = 200;

/** The first MAX_HITS offsets. */
export function capped(offsets: readonly number[]): readonly number[] {
  return offsets.length > MAX_HITS ? offsets.slice(0, MAX_HITS) : offsets;
}

/** Values that send no hash even though the key is there (`user_hash: undefined`). */
export function isEmptyValue(expr: string): boolean {
  return /^(?:undefined|null|nil|None|""|''|``|\{\s*\}|\{\s*(?:undefined|null)\s*\})?$/.test(expr.trim());
}

/** Canonical identifier for a settings key (`userId`, `identifier`, `user:email` …), if it is one. */
export function identifierOfKey(key: string): Identifier | undefined {
  if (/mail/i.test(key)) return 'email';
  if (/^(?:user_?id|userId|identifier|external_id|subscriberId|subscriber)$/i.test(key)) return 'user_id';
  return undefined;
}

/** Identifiers deduplicated in a stable order. */
export function identifierList(found: Iterable<Identifier | undefined>): Identifier[] {
  const set = new Set(found);
  return (['user_id', 'email', 'user_id_or_email'] as const).filter((i) => set.has(i));
}
