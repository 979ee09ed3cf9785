/**
 * The syntax layer's service: parse a file with its language's grammar and extract its facts,
 * once or incrementally as a document is edited. Grammars load on first use, per language;
 * creating a Syntax loads nothing.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Tree } from 'web-tree-sitter';
import { MESSENGER_SHAPES, type MessengerShape } from '../vendors';
import { adapterFor } from './adapters/index';
import { extractFacts } from './extract';
import type { FileFacts } from './facts';
import { dirtyAfter, dirtyWith, extractTracked, updateFacts, type Dirty, type Tracked } from './incremental';
import { grammarFile, RUNTIME_WASM, type SyntaxLanguage } from './languages';
import { ShapeIndex } from './messengers';
import type { LoadedLanguage } from './runtime';

/** Characters handed to the parser per read. */
const PARSE_CHUNK = 1024;

/** How to create a Syntax. */
export interface SyntaxOptions {
  /** The directory with web-tree-sitter.wasm and the grammars: `dist/grammars` beside the bundles. */
  readonly grammarDir: string;
  /** The messenger call shapes to match; the built-in table by default. */
  readonly messengers?: readonly MessengerShape[];
}

/** Replace `[start, end)` of the text with `text` (offsets in UTF-16 code units). */
export interface TextChange {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** A document kept parsed, so that an edit re-parses only what it changed. */
export interface SyntaxDocument {
  readonly language: SyntaxLanguage;
  readonly text: string;
  /** Applies one change to the text and re-parses incrementally. */
  edit(change: TextChange): void;
  /**
   * Applies changes in order, each to the text the previous ones left, and re-parses once:
   * the keystrokes typed while the editor waits to re-lint cost one incremental parse.
   */
  editAll(changes: readonly TextChange[]): void;
  /** The facts of the current text (extracted on first call after each edit). */
  facts(): FileFacts;
  /**
   * How the facts were brought up to date so far: read from the whole file, or from the
   * edit's region alone (incremental.ts); the tests and the benchmark read it.
   */
  readonly extractions: { readonly whole: number; readonly region: number };
  /** Frees the tree. */
  dispose(): void;
}

/** How a kept document brings its facts up to date. */
export interface DocumentOptions {
  /**
   * False: read the whole file after every edit. The differential test keeps such a twin of
   * each document, given the same edits, to check the regional updates against it.
   */
  readonly regional?: boolean;
}

/** Parses files and extracts their facts. */
export interface Syntax {
  /** Loads `language`'s grammar if it is not loaded yet. */
  load(language: SyntaxLanguage): Promise<void>;
  /** The languages loaded so far, with the milliseconds each took to load. */
  loaded(): ReadonlyMap<SyntaxLanguage, number>;
  /** Whether `language`'s grammar is loaded (no allocation: asked for every file of a scan). */
  isLoaded(language: SyntaxLanguage): boolean;
  /** The facts of `text`, loading the grammar first when needed. */
  facts(text: string, language: SyntaxLanguage): Promise<FileFacts>;
  /** The facts of `text` when the grammar is loaded, else undefined: for synchronous callers. */
  factsSync(text: string, language: SyntaxLanguage): FileFacts | undefined;
  /** A document for incremental re-parsing, loading the grammar first when needed. */
  open(text: string, language: SyntaxLanguage, options?: DocumentOptions): Promise<SyntaxDocument>;
  /** A document for incremental re-parsing when the grammar is loaded, else undefined. */
  openSync(text: string, language: SyntaxLanguage, options?: DocumentOptions): SyntaxDocument | undefined;
  /** Frees every parser and query. */
  dispose(): void;
}

/** A Syntax that loads grammars from `options.grammarDir` when first asked for a language. */
export function createSyntax(options: SyntaxOptions): Syntax {
  const shapes = new ShapeIndex(options.messengers ?? MESSENGER_SHAPES);
  const loading = new Map<SyntaxLanguage, Promise<LoadedLanguage>>();
  const ready = new Map<SyntaxLanguage, LoadedLanguage>();

  const load = (language: SyntaxLanguage): Promise<LoadedLanguage> => {
    let pending = loading.get(language);
    if (!pending) {
      pending = (async () => {
        for (const file of [RUNTIME_WASM, grammarFile(language)]) {
          if (!existsSync(join(options.grammarDir, file))) throw new Error(`The syntax layer cannot find ${file} in ${options.grammarDir}; the build copies it there (src/build/grammars.mjs).`);
        }
        const runtime = await import('./runtime.js');
        const loaded = await runtime.loadLanguage(options.grammarDir, language, adapterFor(language).adapter.query);
        ready.set(language, loaded);
        return loaded;
      })();
      pending.catch(() => loading.delete(language)); // a failed load may be retried
      loading.set(language, pending);
    }
    return pending;
  };

  const extract = (loaded: LoadedLanguage, text: string, tree: Tree): FileFacts => {
    const root = tree.rootNode;
    return extractFacts({ source: text, language: loaded.language, root, matches: loaded.query.matches(root), shapes });
  };

  const parse = (loaded: LoadedLanguage, text: string, old?: Tree): Tree => {
    let tree: Tree | null;
    try {
      // Text in chunks: given the string, web-tree-sitter copies 10 KB into WebAssembly at each
      // position the parser reads from, and an incremental parse reads from hundreds (measured
      // on a 10,000-line file: 17 ms a keystroke that way, 9 ms in 1 KB chunks).
      tree = loaded.parser.parse((index: number) => text.slice(index, index + PARSE_CHUNK), old ?? null);
    } catch (error) {
      // A grammar's scanner can fail an assertion (tree-sitter-ruby does on a heredoc name of
      // 256 characters or more); web-tree-sitter has no __assert_fail to call, so the call
      // throws mid-parse and the parser would resume that parse next time: reset it.
      loaded.parser.reset();
      throw new Error(`tree-sitter's ${loaded.language} grammar failed on this text: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
    }
    if (!tree) throw new Error(`tree-sitter returned no tree for a ${loaded.language} file`);
    return tree;
  };

  const factsSync = (text: string, language: SyntaxLanguage): FileFacts | undefined => {
    const loaded = ready.get(language);
    if (!loaded) return undefined;
    const tree = parse(loaded, text);
    try {
      return extract(loaded, text, tree);
    } finally {
      tree.delete();
    }
  };

  return {
    load: async (language) => { await load(language); },
    loaded: () => new Map([...ready].map(([language, l]) => [language, l.loadMs])),
    isLoaded: (language) => ready.has(language),
    facts: async (text, language) => {
      await load(language);
      return factsSync(text, language) as FileFacts;
    },
    factsSync,
    open: async (text, language, documentOptions) => {
      const loaded = await load(language);
      return openDocument(loaded, text, parse, shapes, documentOptions);
    },
    openSync: (text, language, documentOptions) => {
      const loaded = ready.get(language);
      return loaded ? openDocument(loaded, text, parse, shapes, documentOptions) : undefined;
    },
    dispose: () => {
      for (const l of ready.values()) {
        l.query.delete();
        l.parser.delete();
      }
      ready.clear();
      loading.clear();
    },
  };
}

/**
 * A kept document. Its facts are extracted once, then after each edit brought up to date from
 * the edit's region when the edit cannot have changed the rest (incremental.ts).
 */
function openDocument(
  loaded: LoadedLanguage,
  initial: string,
  parse: (loaded: LoadedLanguage, text: string, old?: Tree) => Tree,
  shapes: ShapeIndex,
  options: DocumentOptions = {},
): SyntaxDocument {
  let text = initial;
  let tree: Tree | undefined = parse(loaded, text);
  let disposed = false;
  let facts: FileFacts | undefined;
  // The facts last extracted and what they were read from, and what changed since.
  let tracked: Tracked | undefined;
  let dirty: Dirty | undefined;
  const extractions = { whole: 0, region: 0 };
  const points = new Points();
  // After a failed parse there is no tree: the next use parses the whole text afresh.
  const live = (): Tree => {
    if (disposed) throw new Error('The syntax document was disposed.');
    tree ??= parse(loaded, text);
    return tree;
  };
  return {
    language: loaded.language,
    get text() { return text; },
    edit(change) {
      this.editAll([change]);
    },
    editAll(changes) {
      if (disposed) throw new Error('The syntax document was disposed.');
      if (changes.length === 0) return;
      const old = tree;
      for (const change of changes) {
        const next = text.slice(0, change.start) + change.text + text.slice(change.end);
        const newEnd = change.start + change.text.length;
        old?.edit({
          startIndex: change.start, oldEndIndex: change.end, newEndIndex: newEnd,
          ...points.of(text, change),
        } as Parameters<Tree['edit']>[0]);
        dirty = dirtyAfter(dirty, change.start, change.end, change.text.length);
        text = next;
      }
      facts = undefined;
      tree = undefined;
      try {
        tree = parse(loaded, text, old);
        if (old && dirty) dirty = dirtyWith(dirty, old.getChangedRanges(tree));
      } catch (error) {
        tracked = undefined; // no old tree to compare with: the next facts are read afresh
        throw error;
      } finally {
        old?.delete();
      }
      if (!old) tracked = undefined;
    },
    facts() {
      if (facts) return facts;
      const root = live().rootNode;
      const input = { source: text, language: loaded.language, root, shapes };
      const updated = tracked && dirty && options.regional !== false ? updateFacts({ ...input, previous: tracked, dirty, query: loaded.query }) : undefined;
      if (updated) extractions.region++;
      else extractions.whole++;
      tracked = updated ?? extractTracked({ ...input, matches: loaded.query.matches(root) });
      dirty = undefined;
      facts = tracked.facts;
      return facts;
    },
    extractions,
    dispose() {
      tree?.delete();
      tree = undefined;
      disposed = true;
    },
  };
}

/**
 * Rows and UTF-16 columns of an edit's ends, as tree-sitter counts them for text parsed as
 * UTF-16. Counting the rows above an edit is a scan from the top; the last count is kept,
 * because the text above an edit does not change, so typing on from there scans only what
 * lies between one keystroke and the next.
 */
class Points {
  private offset = 0;
  private row = 0;
  private lineStart = 0;

  of(text: string, change: TextChange): { startPosition: Point; oldEndPosition: Point; newEndPosition: Point } {
    if (change.start < this.offset) this.offset = this.row = this.lineStart = 0;
    for (let i = text.indexOf('\n', this.offset); i >= 0 && i < change.start; i = text.indexOf('\n', i + 1)) {
      this.row++;
      this.lineStart = i + 1;
    }
    this.offset = change.start;
    const start = { row: this.row, column: change.start - this.lineStart };
    return { startPosition: start, oldEndPosition: advance(start, text.slice(change.start, change.end)), newEndPosition: advance(start, change.text) };
  }
}

/** The point after `inserted`, written at `point`. */
function advance(point: Point, inserted: string): Point {
  const last = inserted.lastIndexOf('\n');
  if (last < 0) return { row: point.row, column: point.column + inserted.length };
  let rows = 0;
  for (let i = inserted.indexOf('\n'); i >= 0; i = inserted.indexOf('\n', i + 1)) rows++;
  return { row: point.row + rows, column: inserted.length - last - 1 };
}

interface Point {
  readonly row: number;
  readonly column: number;
}
