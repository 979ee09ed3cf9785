/**
 * What the syntax layer reports about one file: plain data that outlives the tree it came from
 * (no tree-sitter node escapes), so rules, the installation check, caches and tests can hold
 * it, compare it and serialise it. Offsets are UTF-16 code units into the text that was parsed,
 * as `String.prototype.slice` and VS Code count them.
 */
import type { VendorId } from '../vendors';
import type { SyntaxLanguage } from './languages';

/** A [start, end) range of the parsed text. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

/** What kind of expression a value is, across languages (a Python dict is an `object`). */
export type ExprKind =
  | 'string' | 'template' | 'number' | 'boolean' | 'null' | 'identifier' | 'member' | 'call'
  | 'object' | 'array' | 'function' | 'binary' | 'conditional' | 'other';

/**
 * An expression as written. `text` is the source, cut at EXPR_TEXT_LIMIT characters (and then
 * ending in `…`); the span is always exact. Children are given to a bounded depth, so that
 * a deeply nested literal costs no more than its size.
 */
export interface Expr extends Span {
  readonly kind: ExprKind;
  readonly text: string;
  /** The value of a string (or template) with no interpolation, escapes decoded. */
  readonly value?: string;
  /**
   * Identifiers and member chains as a dotted path with `window.`, `globalThis.`, `this.` and
   * `self.` dropped, optional chaining, casts and parentheses ignored, and a call written as
   * `name()`: `user.id`, `useIntercom().boot`. Paths keep their last PATH_SEGMENTS segments.
   */
  readonly path?: string;
  /** For calls: the callee's path, when it has one (`String`, `str`, `user.id.toString`). */
  readonly callee?: string;
  /** For calls: the positional arguments. */
  readonly args?: readonly Expr[];
  /** For objects and dicts: the entries, spreads included. */
  readonly fields?: readonly Field[];
  /** For arrays, lists and tuples: the elements. */
  readonly items?: readonly Expr[];
}

/** One entry of an object literal or dict: `name: value`, a shorthand `name`, or `...value`. */
export interface Field extends Span {
  /** The key as a string (quotes removed); `...` for a spread; undefined for computed keys. */
  readonly name?: string;
  readonly value: Expr;
  readonly spread?: boolean;
}

/** How a messenger call was reached when it was not written out in full. */
export type Via = 'alias' | 'optional-chaining';

/** A field sent to a messenger, and where it came from when not from the literal at the call. */
export interface SentField extends Field {
  /** `variable`: the settings object was built in a variable; `spread`: from `...other`; `assigned`: `settings.x = …`. */
  readonly from?: 'variable' | 'spread' | 'assigned';
}

/** A call or assignment that hands a messenger its settings or identifies a user. */
export interface MessengerCall extends Span {
  readonly vendor: VendorId;
  readonly kind: 'call' | 'assignment' | 'property';
  /** The call's path or the assignment's target after normalisation (`Intercom`, `$crisp.push`). */
  readonly target: string;
  /** The shape (src/core/vendors) that matched. */
  readonly shape: string;
  /** The leading string arguments (`boot`, `set user:email`), when written literally. */
  readonly command?: string;
  /** Every argument (calls) or the assigned value (assignments, properties). */
  readonly args: readonly Expr[];
  /** The fields of the settings object, after following a variable, spreads and `settings.x = …`. */
  readonly fields: readonly SentField[];
  /** The settings object's own span, when found. */
  readonly settings?: Span;
  /** True when some fields could not be known (a spread or variable that was not resolved). */
  readonly open: boolean;
  readonly via?: readonly Via[];
}

/** An HMAC computation or a JWT signature. */
export interface CryptoCall extends Span {
  readonly kind: 'hmac' | 'jwt';
  /** The API, as the crypto table names it (`createHmac`, `CryptoJS.HmacSHA256`, `hmac.new`, `jwt.sign`). */
  readonly api: string;
  readonly algorithm?: Expr;
  readonly key?: Expr;
  /** The message (HMAC) or the payload (JWT); several `update` calls give several messages. */
  readonly messages: readonly Expr[];
  /** The output encoding when written (`hex`, `base64`; Python `hexdigest` gives `hex`). */
  readonly encoding?: string;
}

/** A read of an environment variable. */
export interface EnvRead extends Span {
  readonly name: string;
  /** `process.env`, `import.meta.env`, `os.environ`, `os.getenv` … */
  readonly via: string;
  /** The fallback written with the read (`os.getenv("X", "dev")`, `= 'd'` in a destructuring). */
  readonly fallback?: Expr;
}

/** A string literal bound to a name. */
export interface BoundLiteral extends Span {
  /** The last segment of the name (`SECRET` for `settings.SECRET = "…"`). */
  readonly name: string;
  /** The whole target path when it has more than one segment. */
  readonly path?: string;
  readonly nameSpan: Span;
  readonly value: string;
  readonly kind: 'variable' | 'assignment' | 'property' | 'keyword' | 'field';
}

/** A directive prologue string (`'use client'`, `'use server'`, `'use strict'`). */
export interface Directive extends Span {
  readonly value: string;
}

/** A module imported: ES import, `require`, dynamic `import()`, Python import. */
export interface ImportFact extends Span {
  readonly source: string;
  readonly kind: 'import' | 'require' | 'dynamic' | 'python';
  /** Bound names: `{ imported, local }`; `default` and `*` for default and namespace imports. */
  readonly names: readonly { readonly imported: string; readonly local: string }[];
  readonly typeOnly?: boolean;
}

/** Something a module exports. */
export interface ExportFact extends Span {
  /** The exported name; `default` for the default export, `*` for `export * from`. */
  readonly name: string;
  readonly kind: 'function' | 'class' | 'variable' | 'value' | 'reexport';
  readonly async?: boolean;
  readonly source?: string;
}

/** A prop passed to a JSX element: `name={value}` or `name="value"`. */
export interface PropFact extends Span {
  readonly name: string;
  readonly value: Expr;
  /** For an identifier value: the value it was last bound to before the element, when known. */
  readonly bound?: Expr;
}

/** A JSX element whose tag is an imported component (`<ChatWidget secret={s} />`). */
export interface ElementFact extends Span {
  /** The tag as written (`ChatWidget`, `UI.Chat`). */
  readonly name: string;
  /** The module the tag's first segment was imported from. */
  readonly source: string;
  readonly props: readonly PropFact[];
}

/** Everything the layer extracts from one file. */
export interface FileFacts {
  readonly language: SyntaxLanguage;
  /** The tree holds ERROR or MISSING nodes: facts come from the parts that parsed. */
  readonly hasErrors: boolean;
  readonly messengerCalls: readonly MessengerCall[];
  readonly crypto: readonly CryptoCall[];
  readonly env: readonly EnvRead[];
  readonly literals: readonly BoundLiteral[];
  readonly directives: readonly Directive[];
  readonly imports: readonly ImportFact[];
  readonly exports: readonly ExportFact[];
  /** JSX elements of imported components, in JavaScript and TSX files (absent elsewhere). */
  readonly elements?: readonly ElementFact[];
  /**
   * The default export is an async function whose name is capitalised or that returns JSX:
   * the shape of a React server component (Next.js app router), which never runs in a browser.
   */
  readonly asyncDefaultComponent: boolean;
  /** Tree nodes the extractor touched: the measure its linear-work tests count. */
  readonly work: number;
}
