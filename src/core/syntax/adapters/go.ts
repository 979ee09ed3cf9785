/**
 * Go: selector calls (`hmac.New(…)`), `:=` and `=` over expression lists, composite literals
 * with keyed elements (`Config{UserHash: h}`, `map[string]string{"k": v}`), `os.Getenv`.
 * Only one-to-one bindings are read (`a, b := f()` binds nothing here); `[]byte(x)` is `x`.
 */
import type { ExprKind } from '../facts';
import { decodeEscape, memberCallOn, type Adapter, type CallParts, type Ctx, type Node, type RawField, type Step } from '../nodes';

/** One node per capture, as in the JavaScript query (see there). */
const QUERY = `
(call_expression) @call
(assignment_statement) @assign
(short_var_declaration) @decl
(var_spec) @decl
(const_spec) @decl
(keyed_element) @pair
(import_spec) @import`;

const KINDS: Readonly<Record<string, ExprKind>> = {
  interpreted_string_literal: 'string', raw_string_literal: 'string', int_literal: 'number', float_literal: 'number',
  true: 'boolean', false: 'boolean', nil: 'null', identifier: 'identifier', package_identifier: 'identifier', field_identifier: 'identifier',
  selector_expression: 'member', index_expression: 'member', call_expression: 'call', func_literal: 'function',
  binary_expression: 'binary',
};

function unwrap(ctx: Ctx, node: Node): Node {
  let n = node;
  for (let i = 0; i < 64; i++) {
    if (n.type === 'parenthesized_expression' || n.type === 'literal_element' || (n.type === 'expression_list' && n.namedChildCount === 1)) {
      n = n.firstNamedChild ?? n;
    } else if (n.type === 'type_conversion_expression') {
      n = ctx.field(n, 'operand') ?? n;
    } else return n;
    ctx.work++;
  }
  return n;
}

function kind(ctx: Ctx, node: Node): ExprKind {
  if (node.type === 'composite_literal') {
    const body = ctx.field(node, 'body');
    return body && ctx.named(body).some((e) => e.type === 'keyed_element') ? 'object' : 'array';
  }
  return KINDS[node.type] ?? 'other';
}

function stringValue(ctx: Ctx, node: Node): string | undefined {
  if (node.type !== 'interpreted_string_literal' && node.type !== 'raw_string_literal') return undefined;
  ctx.work++;
  const inner = ctx.source.slice(node.startIndex + 1, node.endIndex - 1);
  if (node.type === 'raw_string_literal' || !inner.includes('\\')) return inner;
  let value = '';
  for (const part of ctx.named(node)) {
    if (part.type === 'escape_sequence') value += decodeEscape(ctx.text(part));
    else value += ctx.text(part);
  }
  return value;
}

function step(ctx: Ctx, node: Node): Step | undefined {
  if (node.type === 'identifier' || node.type === 'package_identifier' || node.type === 'field_identifier') return { segment: ctx.text(node, 100), identifier: true };
  if (node.type === 'selector_expression') {
    const field = ctx.field(node, 'field');
    const operand = ctx.field(node, 'operand');
    return field && operand ? { segment: ctx.text(field, 100), next: unwrap(ctx, operand) } : undefined;
  }
  if (node.type === 'call_expression') {
    const fn = ctx.field(node, 'function');
    return fn ? step(ctx, unwrap(ctx, fn)) : undefined;
  }
  if (node.type === 'index_expression') {
    const operand = ctx.field(node, 'operand');
    const index = ctx.field(node, 'index');
    const key = index ? stringValue(ctx, index) : undefined;
    return operand && key !== undefined ? { segment: key, next: operand } : undefined;
  }
  return undefined;
}

function call(ctx: Ctx, node: Node): CallParts | undefined {
  if (node.type !== 'call_expression') return undefined;
  const callee = ctx.field(node, 'function');
  if (!callee) return undefined;
  const argsNode = ctx.field(node, 'arguments');
  const args = argsNode ? ctx.named(argsNode).filter((a) => a.type !== 'comment') : [];
  return { callee, args, keywords: new Map(), spread: args.some((a) => a.type === 'variadic_argument'), ...(argsNode ? { argsNode } : {}) };
}

function keyName(ctx: Ctx, node: Node): string | undefined {
  const n = unwrap(ctx, node);
  if (n.type === 'identifier' || n.type === 'field_identifier' || n.type === 'int_literal') return ctx.text(n, 200);
  return stringValue(ctx, n);
}

function fields(ctx: Ctx, node: Node): RawField[] {
  const body = node.type === 'composite_literal' ? ctx.field(node, 'body') : undefined;
  if (!body) return [];
  const out: RawField[] = [];
  for (const entry of ctx.named(body)) {
    if (entry.type !== 'keyed_element') continue;
    const key = ctx.field(entry, 'key');
    const value = ctx.field(entry, 'value');
    const name = key ? keyName(ctx, key) : undefined;
    if (value) out.push({ node: entry, value, ...(name !== undefined ? { name } : {}) });
  }
  return out;
}

function items(ctx: Ctx, node: Node): Node[] {
  const body = node.type === 'composite_literal' ? ctx.field(node, 'body') : undefined;
  return body ? ctx.named(body).filter((e) => e.type === 'literal_element') : [];
}

/** The two sides of a binding, when each holds exactly one expression. */
function sides(ctx: Ctx, node: Node): { left: Node; right: Node } | undefined {
  const names: Readonly<Record<string, readonly [string, string]>> = {
    assignment_statement: ['left', 'right'], short_var_declaration: ['left', 'right'], var_spec: ['name', 'value'], const_spec: ['name', 'value'], keyed_element: ['key', 'value'],
  };
  const pair = names[node.type];
  if (!pair) return undefined;
  const lefts = node.type === 'var_spec' || node.type === 'const_spec' ? node.childrenForFieldName(pair[0]) : [ctx.field(node, pair[0])];
  const right = ctx.field(node, pair[1]);
  const left = lefts.length === 1 ? lefts[0] : undefined;
  if (!left || !right) return undefined;
  const l = unwrap(ctx, left);
  const r = unwrap(ctx, right);
  // `a, b := f()`: an expression list that stayed a list binds more than one name.
  return l.type === 'expression_list' || r.type === 'expression_list' ? undefined : { left: l, right: r };
}

/** The adapter for the Go grammar. */
export const goAdapter: Adapter = {
  query: QUERY,
  envObjects: [],
  envCalls: ['os.Getenv', 'os.LookupEnv'],
  requireCalls: [],
  globalRoots: new Set(),
  unwrap, kind, stringValue, step, call, keyName, fields, items, sides,
  callee: (ctx, node) => (node.type === 'call_expression' ? ctx.field(node, 'function') : undefined),
  lastName: (ctx, node) => step(ctx, unwrap(ctx, node))?.segment,
  methodCallOn: memberCallOn({ member: 'selector_expression', object: 'operand', property: 'field', call: 'call_expression', callee: 'function' }),
  pattern: () => undefined,
};
