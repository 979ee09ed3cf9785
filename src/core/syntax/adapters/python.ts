/** Python: how its tree spells calls, attributes, strings, dicts and keyword arguments. */
import type { ExprKind } from '../facts';
import { decodeEscape, type Adapter, type CallParts, type Ctx, type Node, type RawField, pairField, spreadField, type Step, memberCallOn, sidesByField } from '../nodes';

/** One node per capture, or a first-child constraint, as in the JavaScript query (see there). */
const QUERY = `
(call) @call
(assignment) @assign
(pair) @pair
(keyword_argument) @kwarg
(subscript value: (_) @aux) @env
(boolean_operator left: (subscript) @aux) @fallback
(import_statement) @import
(import_from_statement) @import`;

const SIDES: Readonly<Record<string, readonly [string, string]>> = {
  assignment: ['left', 'right'], pair: ['key', 'value'], keyword_argument: ['name', 'value'],
};

const sides = sidesByField(SIDES);
const methodCallOn = memberCallOn({ member: 'attribute', object: 'object', property: 'attribute', call: 'call', callee: 'function' });

const KINDS: Readonly<Record<string, ExprKind>> = {
  string: 'string', concatenated_string: 'string', integer: 'number', float: 'number', true: 'boolean', false: 'boolean',
  none: 'null', identifier: 'identifier', attribute: 'member', subscript: 'member', call: 'call',
  dictionary: 'object', list: 'array', tuple: 'array', set: 'array', lambda: 'function',
  binary_operator: 'binary', boolean_operator: 'binary', conditional_expression: 'conditional',
};

function unwrap(ctx: Ctx, node: Node): Node {
  let n = node;
  for (let i = 0; i < 64 && (n.type === 'parenthesized_expression' || n.type === 'await'); i++) {
    ctx.work++;
    const inner = n.firstNamedChild;
    if (!inner || inner.type === 'comment') return n;
    n = inner;
  }
  return n;
}

/** A string's prefix (`rb`, `f`) and quote, read from its text. */
const STRING_START = /^([A-Za-z]{0,3})('''|"""|'|")/;

function kind(ctx: Ctx, node: Node): ExprKind {
  const k = KINDS[node.type] ?? 'other';
  if (k !== 'string' || node.type !== 'string') return k;
  // An f-string with a placeholder is a template; its prefix and text tell, no child visit.
  const prefix = STRING_START.exec(ctx.source.slice(node.startIndex, node.startIndex + 6))?.[1] ?? '';
  return /f/i.test(prefix) && ctx.source.slice(node.startIndex, node.endIndex).includes('{') ? 'template' : 'string';
}

function stringValue(ctx: Ctx, node: Node): string | undefined {
  if (node.type === 'concatenated_string') {
    let joined = '';
    for (const part of ctx.named(node)) {
      const value = part.type === 'string' ? stringValue(ctx, part) : undefined;
      if (value === undefined) return undefined;
      joined += value;
    }
    return joined;
  }
  if (node.type !== 'string') return undefined;
  // Without escapes or an f prefix the value is the text between the quotes (no child visit).
  ctx.work++;
  const head = STRING_START.exec(ctx.source.slice(node.startIndex, node.startIndex + 6));
  if (head) {
    const [, prefix = '', quote = ''] = head;
    const inner = ctx.source.slice(node.startIndex + prefix.length + quote.length, node.endIndex - quote.length);
    if (!/f/i.test(prefix) && (/r/i.test(prefix) || !inner.includes('\\'))) return inner;
  }
  let raw = false;
  let value = '';
  for (const part of ctx.named(node)) {
    if (part.type === 'string_start') raw = /r/i.test(ctx.text(part, 8));
    else if (part.type === 'interpolation') return undefined;
    else if (part.type === 'string_content') value += raw ? ctx.text(part) : content(ctx, part);
  }
  return value;
}

/** A string_content's text with its escape_sequence children decoded. */
function content(ctx: Ctx, part: Node): string {
  const escapes = ctx.named(part).filter((c) => c.type === 'escape_sequence');
  if (escapes.length === 0) return ctx.text(part);
  let out = '';
  let at = part.startIndex;
  for (const e of escapes) {
    out += ctx.source.slice(at, e.startIndex) + decodeEscape(ctx.text(e));
    at = e.endIndex;
  }
  return out + ctx.source.slice(at, part.endIndex);
}

function step(ctx: Ctx, node: Node): Step | undefined {
  switch (node.type) {
    case 'identifier':
      return { segment: ctx.text(node, 100), identifier: true };
    case 'attribute': {
      const attribute = ctx.field(node, 'attribute');
      const object = ctx.field(node, 'object');
      return attribute && object ? { segment: ctx.text(attribute, 100), next: object } : undefined;
    }
    case 'subscript': {
      const index = ctx.field(node, 'subscript');
      const object = ctx.field(node, 'value');
      const key = index ? stringValue(ctx, index) : undefined;
      return key !== undefined && object ? { segment: key, next: object } : undefined;
    }
    case 'call': {
      const callee = ctx.field(node, 'function');
      const inner = callee ? step(ctx, unwrap(ctx, callee)) : undefined;
      return inner ? { segment: `${inner.segment}()`, ...(inner.next ? { next: inner.next } : {}) } : undefined;
    }
    default:
      return undefined;
  }
}

function callee(ctx: Ctx, node: Node): Node | undefined {
  return node.type === 'call' ? ctx.field(node, 'function') : undefined;
}

function lastName(ctx: Ctx, node: Node): string | undefined {
  const n = unwrap(ctx, node);
  if (n.type === 'identifier') return ctx.text(n, 100);
  const attribute = n.type === 'attribute' ? ctx.field(n, 'attribute') : undefined;
  return attribute ? ctx.text(attribute, 100) : undefined;
}

function call(ctx: Ctx, node: Node): CallParts | undefined {
  if (node.type !== 'call') return undefined;
  const callee = ctx.field(node, 'function');
  if (!callee) return undefined;
  const argsNode = ctx.field(node, 'arguments');
  const args: Node[] = [];
  const keywords = new Map<string, Node>();
  let spread = false;
  // `f(x for x in xs)` has a generator expression in place of an argument list.
  if (argsNode && argsNode.type === 'argument_list') {
    for (const arg of ctx.named(argsNode)) {
      if (arg.type === 'keyword_argument') {
        const name = ctx.field(arg, 'name');
        const value = ctx.field(arg, 'value');
        if (name && value) keywords.set(ctx.text(name, 100), value);
      } else if (arg.type === 'list_splat' || arg.type === 'dictionary_splat') spread = true;
      else if (arg.type !== 'comment') args.push(arg);
    }
  }
  return { callee, args, keywords, spread, ...(argsNode ? { argsNode } : {}) };
}

function keyName(ctx: Ctx, node: Node): string | undefined {
  if (node.type === 'identifier' || node.type === 'integer') return ctx.text(node, 200);
  return stringValue(ctx, node);
}

function fields(ctx: Ctx, node: Node): RawField[] {
  if (node.type !== 'dictionary') return [];
  const out: RawField[] = [];
  for (const entry of ctx.named(node)) {
    const field = entry.type === 'pair' ? pairField(ctx, entry, keyName) : entry.type === 'dictionary_splat' ? spreadField(entry) : undefined;
    if (field) out.push(field);
  }
  return out;
}

function items(ctx: Ctx, node: Node): Node[] {
  return node.type === 'list' || node.type === 'tuple' || node.type === 'set' ? ctx.named(node).filter((n) => n.type !== 'comment') : [];
}

/** The adapter for the Python grammar. */
export const pythonAdapter: Adapter = {
  query: QUERY,
  envObjects: ['os.environ', 'environ'],
  envCalls: ['os.environ.get', 'os.getenv', 'environ.get', 'getenv'],
  requireCalls: [],
  globalRoots: new Set(),
  unwrap, kind, stringValue, step, callee, lastName, call, methodCallOn, fields, items, keyName, sides,
  pattern: () => undefined,
};
