/**
 * Java: method invocations (`Mac.getInstance(…)`, `mac.init(…)`), `new` expressions,
 * declarators and assignments, `System.getenv`, imports. Java has no object literals: settings
 * travel in maps and builders, read here as calls.
 */
import type { ExprKind } from '../facts';
import { decodeEscape, sidesByField, type Adapter, type CallParts, type Ctx, type Node, type Step } from '../nodes';

/** One node per capture, as in the JavaScript query (see there). */
const QUERY = `
(method_invocation) @call
(object_creation_expression) @call
(assignment_expression) @assign
(variable_declarator) @decl
(import_declaration) @import`;

const KINDS: Readonly<Record<string, ExprKind>> = {
  string_literal: 'string', decimal_integer_literal: 'number', hex_integer_literal: 'number', decimal_floating_point_literal: 'number',
  true: 'boolean', false: 'boolean', null_literal: 'null', identifier: 'identifier', this: 'identifier',
  field_access: 'member', array_access: 'member', method_invocation: 'call', object_creation_expression: 'call',
  array_creation_expression: 'array', array_initializer: 'array', lambda_expression: 'function',
  binary_expression: 'binary', ternary_expression: 'conditional',
};

function unwrap(ctx: Ctx, node: Node): Node {
  let n = node;
  for (let i = 0; i < 64 && (n.type === 'parenthesized_expression' || n.type === 'cast_expression'); i++) {
    ctx.work++;
    n = (n.type === 'cast_expression' ? ctx.field(n, 'value') : n.firstNamedChild) ?? n;
  }
  return n;
}

function stringValue(ctx: Ctx, node: Node): string | undefined {
  if (node.type !== 'string_literal') return undefined;
  ctx.work++;
  const text = ctx.source.slice(node.startIndex, node.endIndex);
  if (!text.startsWith('"""') && !text.includes('\\')) return text.slice(1, -1);
  let value = '';
  for (const part of ctx.named(node)) {
    if (part.type === 'escape_sequence') value += decodeEscape(ctx.text(part));
    else if (part.type === 'string_fragment' || part.type === 'multiline_string_fragment') value += ctx.text(part);
    else return undefined;
  }
  return value;
}

function step(ctx: Ctx, node: Node): Step | undefined {
  switch (node.type) {
    case 'identifier': case 'this': case 'type_identifier':
      return { segment: ctx.text(node, 100), identifier: node.type === 'identifier' };
    case 'field_access': {
      const field = ctx.field(node, 'field');
      const object = ctx.field(node, 'object');
      return field && object ? { segment: ctx.text(field, 100), next: unwrap(ctx, object) } : undefined;
    }
    case 'method_invocation': {
      const name = ctx.field(node, 'name');
      const object = ctx.field(node, 'object');
      if (!name) return undefined;
      return { segment: ctx.text(name, 100), ...(object ? { next: unwrap(ctx, object) } : { identifier: true }) };
    }
    case 'scoped_identifier': {
      const name = ctx.field(node, 'name');
      const scope = ctx.field(node, 'scope');
      return name ? { segment: ctx.text(name, 100), ...(scope ? { next: scope } : {}) } : undefined;
    }
    case 'object_creation_expression': {
      const type = ctx.field(node, 'type');
      return type ? { segment: ctx.text(type, 100).replace(/<.*$/s, '') } : undefined;
    }
    default:
      return undefined;
  }
}

function call(ctx: Ctx, node: Node): CallParts | undefined {
  if (node.type !== 'method_invocation' && node.type !== 'object_creation_expression') return undefined;
  const argsNode = ctx.field(node, 'arguments');
  const args = argsNode ? ctx.named(argsNode).filter((a) => a.type !== 'comment') : [];
  // The invocation is its own callee: its path is the object's and the method's.
  return { callee: node, args, keywords: new Map(), spread: false, ...(argsNode ? { argsNode } : {}) };
}

function methodCallOn(ctx: Ctx, node: Node): { call: Node; method: string } | undefined {
  const parent = ctx.parent(node);
  if (parent?.type !== 'method_invocation' || ctx.field(parent, 'object')?.id !== node.id) return undefined;
  const name = ctx.field(parent, 'name');
  return name ? { call: parent, method: ctx.text(name, 100) } : undefined;
}

/** The adapter for the Java grammar. */
export const javaAdapter: Adapter = {
  query: QUERY,
  envObjects: [],
  // `getenv` alone after `import static java.lang.System.getenv`.
  envCalls: ['System.getenv', 'getenv'],
  requireCalls: [],
  globalRoots: new Set(),
  unwrap, stringValue, step, call, methodCallOn,
  kind: (_ctx, node) => KINDS[node.type] ?? 'other',
  callee: (_ctx, node) => (node.type === 'method_invocation' || node.type === 'object_creation_expression' ? node : undefined),
  lastName: (ctx, node) => step(ctx, node)?.segment,
  keyName: (ctx, node) => (node.type === 'identifier' ? ctx.text(node, 200) : stringValue(ctx, node)),
  fields: () => [],
  items: (ctx, node) => (node.type === 'array_initializer' ? ctx.named(node) : []),
  pattern: () => undefined,
  sides: sidesByField({ assignment_expression: ['left', 'right'], variable_declarator: ['name', 'value'] }),
};
