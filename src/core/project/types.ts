/** The project model's data: what it is given about each file, and what it concludes. */
import type { ResolvedConfig, RuleId, Side } from '../engine/index';
import type { FileFacts } from '../syntax/index';

/** The facts of one JavaScript or TypeScript module that the model reads. */
export type ModuleFacts = Pick<FileFacts, 'language' | 'directives' | 'imports' | 'exports' | 'env' | 'crypto' | 'messengerCalls' | 'elements' | 'asyncDefaultComponent'>;

/** The facts the model reads, so that the rest of a file's facts can be freed. */
export function pickModuleFacts(f: FileFacts): ModuleFacts {
  return {
    language: f.language, directives: f.directives, imports: f.imports, exports: f.exports, env: f.env, crypto: f.crypto,
    messengerCalls: f.messengerCalls, asyncDefaultComponent: f.asyncDefaultComponent, ...(f.elements ? { elements: f.elements } : {}),
  };
}

/** One module of the project: its posix path relative to the project root, and its facts. */
export interface ProjectFile {
  readonly path: string;
  readonly facts: ModuleFacts;
}

/** How to build the model. */
export interface ProjectOptions {
  readonly config: Pick<ResolvedConfig, 'clientGlobs' | 'serverGlobs' | 'secretNamePatterns'>;
  /**
   * False when some modules of the project could not be read (a budget ran out): then no
   * module is called server code just because every importer seen was, since an unseen one
   * might be client code.
   */
  readonly complete?: boolean;
  /** Every path of the project, JS/TS or not (`next.config.js`, `svelte.config.js`): framework evidence. */
  readonly otherPaths?: Iterable<string>;
}

/** Where a module runs, and why the model says so. */
export interface SideVerdict {
  readonly side: Side;
  readonly reason: string;
  /**
   * True when a convention, a directive or the import graph decided; false for the default
   * `unknown`, which hosts should not let override their own per-file guess.
   */
  readonly decided: boolean;
  /**
   * True when other files decided it (the import graph, or framework evidence found elsewhere in
   * the project). What one file says about itself is the per-file classifier's to judge, so
   * hosts let only these verdicts override it and a file scanned alone lints as it does alone.
   */
  readonly crossFile?: boolean;
}

/** A finding that needs more than one file to see, at offsets into `path`'s text. */
export interface ProjectFinding {
  readonly path: string;
  readonly ruleId: Extract<RuleId, 'secret-exposed-to-client' | 'user-hash-identifier-mismatch' | 'messenger-jwt'>;
  readonly start: number;
  readonly end: number;
  readonly message: string;
  /** As Finding.detail: the specifics, in Markdown. */
  readonly detail?: string;
}

/** What the model concludes about a project. */
export interface ProjectModel {
  /** A verdict for every module given. */
  readonly sides: ReadonlyMap<string, SideVerdict>;
  /** Resolved import edges: importer → imported modules of the project. */
  readonly imports: ReadonlyMap<string, readonly string[]>;
  readonly findings: readonly ProjectFinding[];
}
