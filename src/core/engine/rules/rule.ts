/** What a rule module provides: its metadata and docs, and a check over one document. */
import type { Doc } from '../doc';
import type { Fix, RuleMeta, Suggestion } from '../types';

/** A finding before positions and severity are filled in: offsets into the text. */
export interface RawFinding {
  readonly start: number;
  readonly end: number;
  readonly message: string;
  readonly detail?: string;
  readonly fix?: Fix;
  readonly suggestions?: readonly Suggestion[];
  readonly data?: Readonly<Record<string, string>>;
}

export interface Rule {
  readonly meta: RuleMeta;
  /** Must be linear in the text length and cheap when the rule's needles are absent. */
  check(doc: Doc): RawFinding[];
}
