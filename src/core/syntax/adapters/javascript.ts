/**
 * JavaScript, TypeScript and TSX: how their trees spell calls, members, strings, objects and
 * patterns. The three grammars share node names except for class fields and type casts.
 */
import type { ExprKind } from '../facts';
import { decodeEscape, type Adapter, type CallParts, type Ctx, type Node, type PatternName, type RawField, type Step, memberCallOn, pairField, sidesByField, spreadField } from '../nodes';

/**
 * One node per capture, or a constraint on the first child only: a pattern that waits for a
 * later child (`arguments` after `function`) stays open while the cursor walks the first, and
 * long member or call chains made the query quadratic (measured: 0.8 s at 4,000 chained calls).
 * `env` captures every member of a member (`aux`: the object); extract.ts keeps those of an
 * environment object. `fallback` captures `left || right` (`aux`: the left side), so that a
 * read's default needs no parent lookup, which costs the tree's depth in tree-sitter.
 */
function query(typescript: boolean): string {
  return `
(call_expression) @call
(new_expression) @call
(assignment_expression) @assign
(variable_declarator) @decl
(pair) @pair
${typescript ? '(public_field_definition) @field' : '(field_definition) @field'}
(member_expression object: (member_expression) @aux) @env
(subscript_expression object: (member_expression) @aux) @env
(binary_expression left: (member_expression) @aux) @fallback
(binary_expression left: (subscript_expression) @aux) @fallback
(import_statement) @import
(export_statement) @export`;
}

/** Field names of the two sides of each captured binding node. */
const SIDES: Readonly<Record<string, readonly [string, string]>> = {
  assignment_expression: ['left', 'right'], variable_declarator: ['name', 'value'], pair: ['key', 'value'],
  field_definition: ['property', 'value'], public_field_definition: ['name', 'value'],
};

const sides = sidesByField(SIDES);
const methodCallOn = memberCallOn({ member: 'member_expression', object: 'object', property: 'property', call: 'call_expression', callee: 'function' });

const KINDS: Readonly<Record<string, ExprKind>> = {
  string: 'string', template_string: 'template', number: 'number', true: 'boolean', false: 'boolean',
  null: 'null', undefined: 'null', identifier: 'identifier', this: 'identifier', shorthand_property_identifier: 'identifier',
  member_expression: 'member', subscript_expression: 'member', call_expression: 'call', new_expression: 'call',
  object: 'object', array: 'array', arrow_function: 'function', function_expression: 'function', function: 'function',
  binary_expression: 'binary', ternary_expression: 'conditional',
};

/** Wrappers whose value is their first named child. */
const TRANSPARENT = new Set(['parenthesized_expression', 'as_expression', 'satisfies_expression', 'non_null_expression', 'await_expression']);

function unwrap(ctx: Ctx, node: Node): Node {
  let n = node;
  // Bounded: a thousand nested parentheses cost a thousand steps once, never per use.
  for (let i = 0; i < 64; i++) {
    if (TRANSPARENT.has(n.type)) {
      ctx.work++;
      const inner = n.firstNamedChild;
      if (!inner || inner.type === 'comment') return n;
      n = inner;
    } else if (n.type === 'type_assertion' || n.type === 'sequence_expression') {
      // `<T>value`, and `(0, crypto_1.createHmac)` as TypeScript and Babel compile imports.
      ctx.work++;
      const inner = n.lastNamedChild;
      if (!inner) return n;
      n = inner;
    } else return n;
  }
  return n;
}

function stringValue(ctx: Ctx, node: Node): string | undefined {
  const type = node.type;
  if (type !== 'string' && type !== 'template_string') return undefined;
  // Most literals have no escape and no substitution: their value is the text inside the
  // quotes, read without visiting the children (each node visit crosses into WebAssembly).
  ctx.work++;
  const inner = ctx.source.slice(node.startIndex + 1, node.endIndex - 1);
  if (!inner.includes('\\') && (type === 'string' || !inner.includes('${'))) return inner;
  let value = '';
  for (const part of ctx.named(node)) {
    if (part.type === 'string_fragment') value += ctx.text(part);
    else if (part.type === 'escape_sequence') value += decodeEscape(ctx.text(part));
    else if (part.type === 'template_substitution') return undefined;
    else if (part.type !== 'comment') value += ctx.text(part); // html_character_reference in JSX strings
  }
  return value;
}

function step(ctx: Ctx, node: Node): Step | undefined {
  switch (node.type) {
    case 'identifier': case 'this': case 'shorthand_property_identifier': case 'type_identifier':
      return { segment: ctx.text(node, 100), identifier: node.type === 'identifier' };
    case 'meta_property':
      return { segment: 'import.meta' };
    case 'member_expression': {
      const property = ctx.field(node, 'property');
      const object = ctx.field(node, 'object');
      return property && object ? { segment: ctx.text(property, 100), next: object } : undefined;
    }
    case 'subscript_expression': {
      const index = ctx.field(node, 'index');
      const object = ctx.field(node, 'object');
      const key = index ? stringValue(ctx, ctx.unwrap(index)) : undefined;
      return key !== undefined && object ? { segment: key, next: object } : undefined;
    }
    case 'call_expression': case 'new_expression': {
      const callee = ctx.field(node, node.type === 'call_expression' ? 'function' : 'constructor');
      const inner = callee ? step(ctx, ctx.unwrap(callee)) : undefined;
      return inner ? { segment: `${inner.segment}()`, ...(inner.next ? { next: inner.next } : {}) } : undefined;
    }
    default:
      return undefined;
  }
}

function callee(ctx: Ctx, node: Node): Node | undefined {
  if (node.type === 'call_expression') return ctx.field(node, 'function');
  return node.type === 'new_expression' ? ctx.field(node, 'constructor') : undefined;
}

function lastName(ctx: Ctx, node: Node): string | undefined {
  const n = unwrap(ctx, node);
  if (n.type === 'identifier') return ctx.text(n, 100);
  if (n.type !== 'member_expression') return n.type === 'subscript_expression' ? step(ctx, n)?.segment : undefined;
  const property = ctx.field(n, 'property');
  return property ? ctx.text(property, 100) : undefined;
}

function call(ctx: Ctx, node: Node): CallParts | undefined {
  if (node.type !== 'call_expression' && node.type !== 'new_expression') return undefined;
  const callee = ctx.field(node, node.type === 'call_expression' ? 'function' : 'constructor');
  if (!callee) return undefined;
  const argsNode = ctx.field(node, 'arguments');
  // A tagged template (`sql\`…\``) has a template in place of an argument list.
  const args = argsNode && argsNode.type === 'arguments' ? ctx.named(argsNode).filter((a) => a.type !== 'comment') : [];
  return { callee, args, keywords: new Map(), spread: args.some((a) => a.type === 'spread_element'), ...(argsNode ? { argsNode } : {}) };
}

function keyName(ctx: Ctx, node: Node): string | undefined {
  switch (node.type) {
    case 'property_identifier': case 'identifier': case 'shorthand_property_identifier': case 'shorthand_property_identifier_pattern':
    case 'private_property_identifier': case 'number':
      return ctx.text(node, 200);
    case 'string':
      return stringValue(ctx, node);
    default:
      return undefined; // computed keys
  }
}

function fields(ctx: Ctx, node: Node): RawField[] {
  if (node.type !== 'object') return [];
  const out: RawField[] = [];
  for (const entry of ctx.named(node)) {
    if (entry.type === 'pair' || entry.type === 'spread_element') {
      const field = entry.type === 'pair' ? pairField(ctx, entry, keyName) : spreadField(entry);
      if (field) out.push(field);
    } else if (entry.type === 'shorthand_property_identifier') {
      out.push({ node: entry, name: ctx.text(entry, 200), value: entry });
    } else if (entry.type === 'method_definition') {
      const key = ctx.field(entry, 'name');
      const name = key ? keyName(ctx, key) : undefined;
      out.push({ node: entry, value: entry, ...(name !== undefined ? { name } : {}) });
    }
  }
  return out;
}

function items(ctx: Ctx, node: Node): Node[] {
  return node.type === 'array' ? ctx.named(node).filter((n) => n.type !== 'comment') : [];
}

function pattern(ctx: Ctx, node: Node): PatternName[] | undefined {
  if (node.type !== 'object_pattern') return undefined;
  const out: PatternName[] = [];
  for (const entry of ctx.named(node)) {
    if (entry.type === 'shorthand_property_identifier_pattern') {
      const key = ctx.text(entry, 200);
      out.push({ key, local: key, node: entry });
    } else if (entry.type === 'object_assignment_pattern') {
      // `{ NAME = 'fallback' }`
      const left = ctx.field(entry, 'left');
      const right = ctx.field(entry, 'right');
      const key = left ? ctx.text(left, 200) : undefined;
      if (left && key !== undefined) out.push({ key, local: key, node: left, ...(right ? { fallback: right } : {}) });
    } else if (entry.type === 'pair_pattern') {
      const key = ctx.field(entry, 'key');
      const value = ctx.field(entry, 'value');
      const name = key ? keyName(ctx, key) : undefined;
      if (name === undefined || !key) continue;
      const target = value?.type === 'assignment_pattern' ? ctx.field(value, 'left') : value;
      const fallback = value?.type === 'assignment_pattern' ? ctx.field(value, 'right') : undefined;
      const local = target?.type === 'identifier' ? ctx.text(target, 200) : undefined;
      out.push({ key: name, node: key, ...(local !== undefined ? { local } : {}), ...(fallback ? { fallback } : {}) });
    }
  }
  return out;
}

function kind(_ctx: Ctx, node: Node): ExprKind {
  return KINDS[node.type] ?? 'other';
}

/** The adapter for the JavaScript grammar (`typescript: false`) or the TypeScript and TSX grammars. */
export function javascriptAdapter(typescript: boolean): Adapter {
  return {
    query: query(typescript),
    envObjects: ['process.env', 'import.meta.env', 'Bun.env'],
    envCalls: ['Deno.env.get'],
    requireCalls: ['require'],
    // `this` too: vue-intercom's `this.$intercom.boot` is the plugin's `$intercom.boot`.
    globalRoots: new Set(['window', 'globalThis', 'self', 'this', 'top', 'parent']),
    unwrap, kind, stringValue, step, callee, lastName, call, methodCallOn, fields, items, keyName, pattern, sides,
  };
}
