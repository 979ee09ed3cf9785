/**
 * PHP: functions (`hash_hmac(…)`), methods (`$a->b(…)`), static calls (`JWT::encode(…)`),
 * arrays that are lists or maps (`['k' => v]`), `$_ENV['X']`. Paths drop the `$` and join
 * `->`, `::` and namespaces with `.`; like Ruby's, they never mark calls with `()`. Inline
 * HTML outside `<?php … ?>` is text to this grammar.
 */
import type { ExprKind } from '../facts';
import { decodeEscape, type Adapter, type CallParts, type Ctx, type Node, type RawField, type Step } from '../nodes';

/** One node per capture, or a first-child constraint, as in the JavaScript query (see there). */
const QUERY = `
(function_call_expression) @call
(member_call_expression) @call
(nullsafe_member_call_expression) @call
(scoped_call_expression) @call
(assignment_expression) @assign
(const_element) @decl
(array_element_initializer) @pair
(property_element) @field
(subscript_expression . (_) @aux) @env
(binary_expression left: (subscript_expression) @aux) @fallback
(namespace_use_clause) @import
(require_expression) @import
(require_once_expression) @import
(include_expression) @import
(include_once_expression) @import`;

const KINDS: Readonly<Record<string, ExprKind>> = {
  string: 'string', encapsed_string: 'string', integer: 'number', float: 'number', boolean: 'boolean', null: 'null',
  variable_name: 'identifier', name: 'identifier', qualified_name: 'identifier',
  member_access_expression: 'member', nullsafe_member_access_expression: 'member', subscript_expression: 'member',
  class_constant_access_expression: 'member', scoped_property_access_expression: 'member',
  function_call_expression: 'call', member_call_expression: 'call', nullsafe_member_call_expression: 'call',
  scoped_call_expression: 'call', object_creation_expression: 'call',
  anonymous_function: 'function', arrow_function: 'function', binary_expression: 'binary', conditional_expression: 'conditional',
};

const CALLS = new Set(['member_call_expression', 'nullsafe_member_call_expression', 'scoped_call_expression']);

function unwrap(ctx: Ctx, node: Node): Node {
  let n = node;
  for (let i = 0; i < 64 && (n.type === 'parenthesized_expression' || n.type === 'cast_expression'); i++) {
    ctx.work++;
    const inner = n.lastNamedChild;
    if (!inner) return n;
    n = inner;
  }
  return n;
}

function kind(ctx: Ctx, node: Node): ExprKind {
  if (node.type === 'array_creation_expression') {
    // A map when an element has a key (`'k' => v`), else a list.
    return ctx.named(node).some((e) => e.type === 'array_element_initializer' && e.namedChildCount === 2) ? 'object' : 'array';
  }
  if (node.type === 'encapsed_string' && /\$|\{\$/.test(ctx.source.slice(node.startIndex, node.endIndex))) return 'template';
  return KINDS[node.type] ?? 'other';
}

function stringValue(ctx: Ctx, node: Node): string | undefined {
  if (node.type !== 'string' && node.type !== 'encapsed_string') return undefined;
  ctx.work++;
  const quote = ctx.source.charAt(node.startIndex);
  const inner = ctx.source.slice(node.startIndex + 1, node.endIndex - 1);
  // Single quotes know two escapes only; double quotes interpolate `$x` and know the usual ones.
  if (quote === "'") return inner.replace(/\\([\\'])/g, '$1');
  if (quote === '"' && !inner.includes('\\') && !inner.includes('$')) return inner;
  let value = '';
  for (const part of ctx.named(node)) {
    if (part.type === 'string_content') value += ctx.text(part);
    else if (part.type === 'escape_sequence') value += decodeEscape(ctx.text(part));
    else return undefined;
  }
  return value;
}

function name(ctx: Ctx, node: Node): string {
  const text = ctx.text(node, 200);
  return text.slice(text.lastIndexOf('\\') + 1).replace(/^\$/, '');
}

function step(ctx: Ctx, node: Node): Step | undefined {
  switch (node.type) {
    case 'variable_name': case 'name': case 'qualified_name':
      return { segment: name(ctx, node), identifier: true };
    case 'member_access_expression': case 'nullsafe_member_access_expression': case 'member_call_expression': case 'nullsafe_member_call_expression': {
      const property = ctx.field(node, 'name');
      const object = ctx.field(node, 'object');
      return property && object ? { segment: name(ctx, property), next: object } : undefined;
    }
    case 'scoped_call_expression': case 'scoped_property_access_expression': {
      const property = ctx.field(node, 'name');
      const scope = ctx.field(node, 'scope');
      return property && scope ? { segment: name(ctx, property), next: scope } : undefined;
    }
    case 'class_constant_access_expression': {
      const [scope, constant] = ctx.named(node);
      return scope && constant ? { segment: name(ctx, constant), next: scope } : undefined;
    }
    case 'function_call_expression': {
      const fn = ctx.field(node, 'function');
      return fn ? step(ctx, unwrap(ctx, fn)) : undefined;
    }
    case 'subscript_expression': {
      const [object, index] = ctx.named(node);
      const key = index ? stringValue(ctx, index) : undefined;
      return object && key !== undefined ? { segment: key, next: object } : undefined;
    }
    default:
      return undefined;
  }
}

function callee(ctx: Ctx, node: Node): Node | undefined {
  if (node.type === 'function_call_expression') return ctx.field(node, 'function');
  return CALLS.has(node.type) ? node : undefined;
}

function call(ctx: Ctx, node: Node): CallParts | undefined {
  const fn = callee(ctx, node);
  if (!fn) return undefined;
  const argsNode = ctx.field(node, 'arguments');
  const args: Node[] = [];
  const keywords = new Map<string, Node>();
  let spread = false;
  for (const arg of argsNode ? ctx.named(argsNode) : []) {
    if (arg.type === 'variadic_unpacking') spread = true;
    if (arg.type !== 'argument') continue;
    // PHP 8 named arguments: `hash_hmac(algo: 'sha256', …)`.
    const label = ctx.field(arg, 'name');
    const value = arg.lastNamedChild;
    if (!value) continue;
    if (label) keywords.set(ctx.text(label, 100), value);
    else if (value.type === 'variadic_unpacking') spread = true;
    else args.push(value);
  }
  return { callee: fn, args, keywords, spread, ...(argsNode ? { argsNode } : {}) };
}

function methodCallOn(ctx: Ctx, node: Node): { call: Node; method: string } | undefined {
  const parent = ctx.parent(node);
  if (!parent || (parent.type !== 'member_call_expression' && parent.type !== 'nullsafe_member_call_expression') || ctx.field(parent, 'object')?.id !== node.id) return undefined;
  const method = ctx.field(parent, 'name');
  return method ? { call: parent, method: ctx.text(method, 100) } : undefined;
}

function keyName(ctx: Ctx, node: Node): string | undefined {
  if (node.type === 'integer') return ctx.text(node, 50);
  if (node.type === 'variable_name' || node.type === 'name') return name(ctx, node);
  return stringValue(ctx, node);
}

function fields(ctx: Ctx, node: Node): RawField[] {
  if (node.type !== 'array_creation_expression') return [];
  const out: RawField[] = [];
  for (const entry of ctx.named(node)) {
    if (entry.type !== 'array_element_initializer') continue;
    const parts = ctx.named(entry);
    const [first, second] = parts;
    if (first?.type === 'variadic_unpacking') {
      const value = first.firstNamedChild;
      if (value) out.push({ node: entry, value, spread: true });
    } else if (first && second) {
      const key = keyName(ctx, first);
      out.push({ node: entry, value: second, ...(key !== undefined ? { name: key } : {}) });
    }
  }
  return out;
}

function items(ctx: Ctx, node: Node): Node[] {
  if (node.type !== 'array_creation_expression') return [];
  return ctx.named(node).filter((e) => e.type === 'array_element_initializer' && e.namedChildCount === 1).map((e) => e.firstNamedChild as Node);
}

/** `$a = b`, `'k' => v`, `const K = v`, `private $p = v`: the two sides of each binding node. */
function sides(ctx: Ctx, node: Node): { left: Node; right: Node } | undefined {
  if (node.type === 'assignment_expression') {
    const left = ctx.field(node, 'left');
    const right = ctx.field(node, 'right');
    return left && right ? { left, right } : undefined;
  }
  if (node.type === 'property_element') {
    const left = ctx.field(node, 'name');
    const right = ctx.field(node, 'default_value');
    return left && right ? { left, right } : undefined;
  }
  const [left, right] = ctx.named(node);
  return left && right && node.namedChildCount === 2 ? { left, right } : undefined;
}

/** The adapter for the PHP grammar. */
export const phpAdapter: Adapter = {
  query: QUERY,
  envObjects: ['_ENV', '_SERVER'],
  envCalls: ['getenv', 'env'],
  requireCalls: [],
  globalRoots: new Set(),
  unwrap, kind, stringValue, step, callee, call, methodCallOn, keyName, fields, items, sides,
  lastName: (ctx, node) => step(ctx, unwrap(ctx, node))?.segment,
  pattern: () => undefined,
};
