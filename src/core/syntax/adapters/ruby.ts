/**
 * Ruby: every `a.b` is a `call` (with or without arguments), hashes hold `key: value` and
 * `"key" => value` pairs, `ENV['X']` is an element reference. Paths join `::` and `.` alike
 * (`OpenSSL.HMAC.hexdigest`) and never mark calls with `()`: Ruby does not tell a method
 * call from an attribute read.
 */
import type { ExprKind } from '../facts';
import { decodeEscape, sidesByField, type Adapter, type CallParts, type Ctx, type Node, type RawField, pairField, spreadField, type Step } from '../nodes';

/**
 * One node per capture, or a first-child constraint, as in the JavaScript query (see there).
 * `binary` is a call candidate for `mac << data`, Ruby's way to feed an HMAC; other binaries
 * are dropped on their operator.
 */
const QUERY = `
(call) @call
(binary) @call
(assignment) @assign
(pair) @pair
(element_reference object: (_) @aux) @env
(binary left: (element_reference) @aux) @fallback`;

const KINDS: Readonly<Record<string, ExprKind>> = {
  string: 'string', integer: 'number', float: 'number', true: 'boolean', false: 'boolean', nil: 'null',
  identifier: 'identifier', constant: 'identifier', instance_variable: 'identifier', class_variable: 'identifier', global_variable: 'identifier', self: 'identifier',
  scope_resolution: 'member', element_reference: 'member', hash: 'object', array: 'array', lambda: 'function', block: 'function', do_block: 'function',
  binary: 'binary', conditional: 'conditional',
};

const NAMES = new Set(['identifier', 'constant', 'instance_variable', 'class_variable', 'global_variable', 'self']);

function unwrap(ctx: Ctx, node: Node): Node {
  let n = node;
  for (let i = 0; i < 64 && n.type === 'parenthesized_statements' && n.namedChildCount === 1; i++) {
    ctx.work++;
    n = n.firstNamedChild ?? n;
  }
  return n;
}

function kind(ctx: Ctx, node: Node): ExprKind {
  if (node.type === 'call') return ctx.field(node, 'arguments') ? 'call' : 'member';
  if (node.type === 'string' && ctx.source.startsWith('"', node.startIndex) && ctx.source.slice(node.startIndex, node.endIndex).includes('#{')) return 'template';
  return KINDS[node.type] ?? 'other';
}

function stringValue(ctx: Ctx, node: Node): string | undefined {
  if (node.type !== 'string') return undefined;
  ctx.work++;
  const quote = ctx.source.charAt(node.startIndex);
  const inner = ctx.source.slice(node.startIndex + 1, node.endIndex - 1);
  // Single quotes know two escapes only; double quotes interpolate and know the usual ones.
  if (quote === "'") return inner.replace(/\\([\\'])/g, '$1');
  if (quote === '"' && !inner.includes('\\') && !inner.includes('#{')) return inner;
  let value = '';
  for (const part of ctx.named(node)) {
    if (part.type === 'string_content') value += ctx.text(part);
    else if (part.type === 'escape_sequence') value += decodeEscape(ctx.text(part));
    else return undefined; // interpolation, or a %w / heredoc form read as parts
  }
  return value;
}

function step(ctx: Ctx, node: Node): Step | undefined {
  if (NAMES.has(node.type)) return { segment: ctx.text(node, 100), identifier: node.type === 'identifier' || node.type === 'constant' };
  if (node.type === 'call') {
    const method = ctx.field(node, 'method');
    const receiver = ctx.field(node, 'receiver');
    if (!method) return undefined;
    return { segment: ctx.text(method, 100), ...(receiver ? { next: receiver } : { identifier: true }) };
  }
  if (node.type === 'scope_resolution') {
    const name = ctx.field(node, 'name');
    const scope = ctx.field(node, 'scope');
    return name ? { segment: ctx.text(name, 100), ...(scope ? { next: scope } : {}) } : undefined;
  }
  if (node.type === 'binary') {
    const shoveled = shovel(ctx, node);
    return shoveled ? { segment: '<<', next: shoveled.left } : undefined;
  }
  if (node.type === 'element_reference') {
    const object = ctx.field(node, 'object');
    const index = node.namedChildCount === 2 ? node.namedChild(1) : null;
    const key = index ? stringValue(ctx, index) : undefined;
    return object && key !== undefined ? { segment: key, next: object } : undefined;
  }
  return undefined;
}

/** `left << right`: a method call named `<<`. */
function shovel(ctx: Ctx, node: Node): { left: Node; right: Node } | undefined {
  if (node.type !== 'binary') return undefined;
  const left = ctx.field(node, 'left');
  const right = ctx.field(node, 'right');
  return left && right && ctx.source.slice(left.endIndex, right.startIndex).trim() === '<<' ? { left, right } : undefined;
}

function call(ctx: Ctx, node: Node): CallParts | undefined {
  const shoveled = shovel(ctx, node);
  if (shoveled) return { callee: node, args: [shoveled.right], keywords: new Map(), spread: false };
  if (node.type !== 'call') return undefined;
  const argsNode = ctx.field(node, 'arguments');
  const args: Node[] = [];
  const keywords = new Map<string, Node>();
  let spread = false;
  for (const arg of argsNode ? ctx.named(argsNode) : []) {
    if (arg.type === 'pair') {
      const key = ctx.field(arg, 'key');
      const value = ctx.field(arg, 'value');
      const name = key ? keyName(ctx, key) : undefined;
      if (name !== undefined && value) keywords.set(name, value);
    } else if (arg.type === 'splat_argument' || arg.type === 'hash_splat_argument' || arg.type === 'block_argument') spread = true;
    else if (arg.type !== 'comment') args.push(arg);
  }
  // The call is its own callee: its path is the receiver's and the method's.
  return { callee: node, args, keywords, spread, ...(argsNode ? { argsNode } : {}) };
}

function methodCallOn(ctx: Ctx, node: Node): { call: Node; method: string } | undefined {
  const parent = ctx.parent(node);
  if (parent?.type !== 'call' || ctx.field(parent, 'receiver')?.id !== node.id) return undefined;
  const method = ctx.field(parent, 'method');
  return method ? { call: parent, method: ctx.text(method, 100) } : undefined;
}

function keyName(ctx: Ctx, node: Node): string | undefined {
  if (node.type === 'hash_key_symbol' || node.type === 'identifier' || node.type === 'constant' || node.type === 'integer') return ctx.text(node, 200);
  if (node.type === 'simple_symbol') return ctx.text(node, 200).slice(1);
  return stringValue(ctx, node);
}

function fields(ctx: Ctx, node: Node): RawField[] {
  if (node.type !== 'hash') return [];
  const out: RawField[] = [];
  for (const entry of ctx.named(node)) {
    const field = entry.type === 'pair' ? pairField(ctx, entry, keyName) : entry.type === 'hash_splat_argument' ? spreadField(entry) : undefined;
    if (field) out.push(field);
  }
  return out;
}

/** The adapter for the Ruby grammar. */
export const rubyAdapter: Adapter = {
  query: QUERY,
  envObjects: ['ENV'],
  envCalls: ['ENV.fetch'],
  requireCalls: ['require', 'require_relative'],
  globalRoots: new Set(),
  unwrap, kind, stringValue, step, call, methodCallOn, keyName, fields,
  callee: (_ctx, node) => (node.type === 'call' || node.type === 'binary' ? node : undefined),
  lastName: (ctx, node) => {
    if (node.type === 'binary') return shovel(ctx, node) ? '<<' : undefined;
    const method = node.type === 'call' ? ctx.field(node, 'method') : undefined;
    return method ? ctx.text(method, 100) : undefined;
  },
  items: (ctx, node) => (node.type === 'array' ? ctx.named(node).filter((n) => n.type !== 'comment') : []),
  pattern: () => undefined,
  sides: sidesByField({ assignment: ['left', 'right'], pair: ['key', 'value'] }),
};
