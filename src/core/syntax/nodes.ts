/**
 * What every extractor module shares: the node type (a type-only import, so that loading this
 * module loads no WebAssembly), the per-file context with its work meter, and small helpers
 * that read nodes and count what they touch.
 */
import type { Node } from 'web-tree-sitter';
import type { ExprKind } from './facts';
import type { ReadSet } from './reads';

export type { Node };

/** Expression text is cut here (the span stays exact): facts stay small on minified files. */
export const EXPR_TEXT_LIMIT = 200;
/** Member paths keep this many trailing segments; a longer chain loses its root. */
export const PATH_SEGMENTS = 8;
/** Children of expressions are given this deep below a fact's own expression. */
export const EXPR_DEPTH = 4;
/** At most this many arguments, fields or items per expression. */
export const EXPR_CHILDREN = 256;

/** One step down a member chain: the segment it contributes and the node it continues from. */
export interface Step {
  readonly segment: string;
  readonly next?: Node;
  /** The segment is a plain identifier (an alias may stand for it). */
  readonly identifier?: boolean;
}

/** The parts of a call (or `new`) the extractor reads. */
export interface CallParts {
  readonly callee: Node;
  readonly args: readonly Node[];
  /** Python keyword arguments by name. */
  readonly keywords: ReadonlyMap<string, Node>;
  /** A spread (`...args`, `*args`, `**kw`) hides which argument is where. */
  readonly spread: boolean;
  readonly argsNode?: Node;
}

/** One raw entry of an object literal or dict. */
export interface RawField {
  readonly node: Node;
  readonly name?: string;
  readonly value: Node;
  readonly spread?: boolean;
}

/** A `key: value` pair node (JavaScript, Python, Ruby) as a field, its key read by `keyName`. */
export function pairField(ctx: Ctx, entry: Node, keyName: (ctx: Ctx, key: Node) => string | undefined): RawField | undefined {
  const key = ctx.field(entry, 'key');
  const value = ctx.field(entry, 'value');
  const name = key ? keyName(ctx, key) : undefined;
  return value ? { node: entry, value, ...(name !== undefined ? { name } : {}) } : undefined;
}

/** A spread entry (`...x`, `**x`) as a field: its value is the entry's first named child. */
export function spreadField(entry: Node): RawField | undefined {
  const value = entry.firstNamedChild;
  return value ? { node: entry, value, spread: true } : undefined;
}

/** A name bound by a destructuring pattern (`{ A, b: c = 'd' }`). */
export interface PatternName {
  /** The property read (`b`). */
  readonly key: string;
  /** The local name it is bound to (`c`), when it is a plain name. */
  readonly local?: string;
  readonly node: Node;
  readonly fallback?: Node;
}

/**
 * What the extractor needs to know of one language's grammar. Every method takes the context
 * so that the nodes it touches are counted.
 */
export interface Adapter {
  /** The query whose captures feed the extractor (see extract.ts for the capture names). */
  readonly query: string;
  /** Paths that name the environment as an object (`process.env`, `os.environ`). */
  readonly envObjects: readonly string[];
  /** Calls that read one variable, name in the first argument, fallback in the second. */
  readonly envCalls: readonly string[];
  /** Calls that load a module by name (`require('x')`, Ruby's `require 'x'`). */
  readonly requireCalls: readonly string[];
  /** Roots a path drops: `window.Intercom` is `Intercom` (Python's `self` is no global). */
  readonly globalRoots: ReadonlySet<string>;
  /** Parentheses, casts, `!` and `await` looked through: the node whose value it is. */
  unwrap(ctx: Ctx, node: Node): Node;
  kind(ctx: Ctx, node: Node): ExprKind;
  /** The value of a string with no interpolation, escapes decoded. */
  stringValue(ctx: Ctx, node: Node): string | undefined;
  step(ctx: Ctx, node: Node): Step | undefined;
  /** The callee of a call or `new` node. */
  callee(ctx: Ctx, node: Node): Node | undefined;
  /** The callee's last name (`push` in `c.push`), read cheaply to skip calls no table names. */
  lastName(ctx: Ctx, callee: Node): string | undefined;
  call(ctx: Ctx, node: Node): CallParts | undefined;
  /** When `node` is the receiver of a method call (`node.m(…)`), that call and the method's name. */
  methodCallOn(ctx: Ctx, node: Node): { readonly call: Node; readonly method: string } | undefined;
  fields(ctx: Ctx, node: Node): RawField[];
  items(ctx: Ctx, node: Node): Node[];
  /** The name a key spells: an identifier, a string key, a keyword argument's name. */
  keyName(ctx: Ctx, node: Node): string | undefined;
  /** The names a destructuring pattern binds, or undefined when `node` is not one. */
  pattern(ctx: Ctx, node: Node): PatternName[] | undefined;
  /**
   * The two sides of a captured binding: left and right of an assignment or declarator, key
   * and value of a pair, class field or keyword argument. Read here rather than captured by
   * the query: a pattern that constrains a node's later children keeps a match open while the
   * cursor walks its first child, which made long member and call chains quadratic.
   */
  sides(ctx: Ctx, node: Node): { readonly left: Node; readonly right: Node } | undefined;
}

/**
 * The state of one extraction: the text, the adapter, the work meter and, for a kept document,
 * the ReadSet that records what the facts were read from beyond their own spans.
 */
export class Ctx {
  /** Tree nodes touched by the extractor's own code; linear-work tests read it. */
  work = 0;
  constructor(readonly source: string, readonly adapter: Adapter, readonly reads?: ReadSet) {}

  /** `node` with parentheses, casts and the like looked through. */
  unwrap(node: Node): Node {
    return this.adapter.unwrap(this, node);
  }

  /** The source of `node`, cut at `limit` characters. */
  text(node: Node, limit = Number.POSITIVE_INFINITY): string {
    this.work++;
    const { startIndex: start, endIndex: end } = node;
    return end - start > limit ? `${this.source.slice(start, start + limit)}…` : this.source.slice(start, end);
  }

  /** The named children of `node`, counted. */
  named(node: Node): Node[] {
    const children = node.namedChildren;
    this.work += 1 + children.length;
    return children;
  }

  /** The child in field `name`, counted. */
  field(node: Node, name: string): Node | undefined {
    this.work++;
    return node.childForFieldName(name) ?? undefined;
  }

  /** The parent of `node`, counted. */
  parent(node: Node): Node | undefined {
    this.work++;
    const parent = node.parent ?? undefined;
    // What a fact reads above its own node (the chain a digest is called on, the declaration
    // a require is bound by) is outside the fact's span: record it.
    if (parent) this.reads?.node(parent);
    return parent;
  }
}

/**
 * A `methodCallOn` for grammars where `a.m(x)` is a call whose callee is a member node
 * (JavaScript's member_expression, Python's attribute).
 */
export function memberCallOn(names: { member: string; object: string; property: string; call: string; callee: string }): Adapter['methodCallOn'] {
  return (ctx, node) => {
    const member = ctx.parent(node);
    if (member?.type !== names.member || ctx.field(member, names.object)?.id !== node.id) return undefined;
    const call = ctx.parent(member);
    if (call?.type !== names.call || ctx.field(call, names.callee)?.id !== member.id) return undefined;
    const property = ctx.field(member, names.property);
    return property ? { call, method: ctx.text(property, 100) } : undefined;
  };
}

/** A `sides` reader from node type to the field names of its two sides. */
export function sidesByField(table: Readonly<Record<string, readonly [string, string]>>): Adapter['sides'] {
  return (ctx, node) => {
    const names = table[node.type];
    const left = names ? ctx.field(node, names[0]) : undefined;
    const right = names ? ctx.field(node, names[1]) : undefined;
    return left && right ? { left, right } : undefined;
  };
}

const SIMPLE_ESCAPES: Readonly<Record<string, string>> = { n: '\n', t: '\t', r: '\r', b: '\b', f: '\f', v: '\v', 0: '\0', a: '\x07' };

/**
 * The value of a backslash escape sequence as JavaScript and Python spell them (`\n`, `\x41`,
 * `\u00e9`, `\u{1F600}`, `\U0001F600`); unknown escapes stand for the character itself.
 */
export function decodeEscape(raw: string): string {
  const c = raw.charAt(1);
  if (c in SIMPLE_ESCAPES && raw.length === 2) return SIMPLE_ESCAPES[c] as string;
  if (c === 'x' || c === 'u' || c === 'U') {
    const hex = raw.slice(2).replace(/[{}]/g, '');
    const code = Number.parseInt(hex, 16);
    if (Number.isFinite(code) && code <= 0x10ffff) return String.fromCodePoint(code);
  }
  // A line continuation (backslash, newline) contributes nothing.
  if (c === '\n' || c === '\r') return '';
  return raw.slice(1);
}
