/**
 * HMAC and JWT computations from trees, read through the API table (crypto-apis.ts): the key,
 * the message and the algorithm from the call's arguments, then the calls made on its result,
 * chained (`.update(m).digest('hex')`) or on the variable that holds it (`h.update(m)`).
 */
import type { Family } from './adapters/index';
import { CRYPTO_APIS, type ArgRef, type CryptoApi } from './crypto-apis';
import type { CryptoCall, Expr } from './facts';
import type { ExprBuilder } from './expr';
import type { CallParts, Ctx, Node } from './nodes';
import type { Path } from './paths';
import type { Scope } from './scope';

/** Calls on a result are followed this far along a chain. */
const CHAIN_STEPS = 16;

/** Method names any API follows on its result: the extractor indexes calls to them. */
export const RESULT_METHODS: ReadonlySet<string> = new Set(CRYPTO_APIS.flatMap((a) => [...(a.updates ?? []), ...Object.keys(a.finishers ?? {}), ...(a.keyMethod ? [a.keyMethod.name] : [])]));

/** Whether a call whose callee ends in `name` may be one of `family`'s APIs or a method on one's result. */
export function mayBeCrypto(family: Family, name: string): boolean {
  return RESULT_METHODS.has(name) || CRYPTO_APIS.some((api) => api.family === family && (typeof api.name === 'string' ? api.name === name : api.name.test(name)));
}

/** The API `path` calls in `family`, if any. */
export function cryptoApiFor(family: Family, path: Path): CryptoApi | undefined {
  const { segments } = path;
  const name = segments[segments.length - 1] as string;
  const before = segments.slice(0, -1).map((s) => s.replace(/\(\)$/, ''));
  return CRYPTO_APIS.find((api) => api.family === family
    && (typeof api.name === 'string' ? api.name === name : api.name.test(name))
    && (before.length > 0 || !api.needsReceiver)
    && (!api.receivers || before.length === 0 || api.receivers.some((r) => endsWith(before, r.split('.')))));
}

function endsWith(segments: readonly string[], tail: readonly string[]): boolean {
  return tail.length <= segments.length && tail.every((t, i) => segments[segments.length - tail.length + i] === t);
}

/** A call of a method on a plain variable (`h.update(m)`). */
export interface MethodCall {
  readonly node: Node;
  readonly parts: CallParts;
}

/** Method calls on plain variables by `name.method`, each list sorted by offset. */
export type MethodCalls = ReadonlyMap<string, readonly MethodCall[]>;

/** The index of the first call starting after `offset` (binary search). */
function firstAfter(calls: readonly MethodCall[], offset: number): number {
  let lo = 0;
  let hi = calls.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((calls[mid] as MethodCall).node.startIndex <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Reads one matched call into a CryptoCall. */
export function readCrypto(ctx: Ctx, exprs: ExprBuilder, scope: Scope, methods: MethodCalls, api: CryptoApi, node: Node, parts: CallParts): CryptoCall | undefined {
  const arg = (ref: ArgRef | undefined, p: CallParts = parts): Expr | undefined => argument(ctx, exprs, ref, p);
  if (api.requires) {
    const required = parts.args[api.requires.arg];
    if (!required || !api.requires.pattern.test(ctx.text(required, 200))) return undefined;
  }
  let key = arg(api.key);
  const messages: Expr[] = [];
  const message = arg(api.message);
  if (message) messages.push(message);
  let encoding: string | undefined = api.encoding;
  // One result method call: a message part, the key (jose), or how the output is encoded.
  const apply = (method: string, p: CallParts): void => {
    if (api.updates?.includes(method)) {
      const part = p.args[0];
      if (part) messages.push(exprs.expr(part, 1));
    }
    if (api.keyMethod?.name === method) key = arg(api.keyMethod.arg, p) ?? key;
    const finish = api.finishers?.[method];
    if (finish !== undefined) encoding = typeof finish === 'string' ? finish : encodingOf(ctx, p.args[0]) ?? finish.fromArg;
  };
  const end = followChain(ctx, node, apply);
  const bound = boundName(ctx, end);
  if (bound) {
    const until = scope.nextBinding(bound.name, bound.at);
    for (const method of RESULT_METHODS) {
      ctx.reads?.methods.add(`${bound.name}.${method}`);
      const calls = methods.get(`${bound.name}.${method}`) ?? [];
      for (let i = firstAfter(calls, end.endIndex); i < calls.length; i++) {
        const call = calls[i] as MethodCall;
        if (call.node.startIndex >= until) break;
        ctx.reads?.node(call.node);
        apply(method, call.parts);
      }
    }
  }
  const algorithm = arg(api.algorithm);
  const nameAlgorithm = api.algorithmInName ? algorithmFromName(parts, api.algorithmInName, node, ctx) : undefined;
  return {
    kind: api.kind, api: api.api, start: node.startIndex, end: node.endIndex,
    ...(algorithm ? { algorithm } : nameAlgorithm ? { algorithm: nameAlgorithm } : {}),
    ...(key ? { key } : {}),
    messages,
    ...(encoding !== undefined ? { encoding } : {}),
  };
}

function argument(ctx: Ctx, exprs: ExprBuilder, ref: ArgRef | undefined, parts: CallParts): Expr | undefined {
  if (!ref) return undefined;
  const node = (ref.keyword !== undefined ? parts.keywords.get(ref.keyword) : undefined) ?? (ref.index !== undefined ? parts.args[ref.index] : undefined);
  if (!node) return undefined;
  if (ref.field === undefined) return exprs.expr(node, 1);
  const field = exprs.fields(ctx.unwrap(node), 1).find((f) => f.name === ref.field);
  return field?.value;
}

/** `digest('hex')` → `hex`; `toString(CryptoJS.enc.Base64)` → `CryptoJS.enc.Base64`. */
function encodingOf(ctx: Ctx, node: Node | undefined): string | undefined {
  if (!node) return undefined;
  const n = ctx.unwrap(node);
  return ctx.adapter.stringValue(ctx, n) ?? ctx.text(n, 100);
}

/** `HmacSHA256(…)`: the algorithm is the name after the prefix, spanning the callee's name. */
function algorithmFromName(parts: CallParts, prefix: string, node: Node, ctx: Ctx): Expr {
  const calleeText = ctx.text(parts.callee, 200);
  const name = calleeText.slice(calleeText.lastIndexOf('.') + 1);
  const start = parts.callee.endIndex - name.length;
  const value = name.slice(prefix.length).toUpperCase();
  return { kind: 'string', start: Math.max(start, node.startIndex), end: parts.callee.endIndex, text: name, value };
}

/** Walks `x.m(…).n(…)` upwards from the call, applying each method; returns the chain's outer end. */
function followChain(ctx: Ctx, node: Node, apply: (method: string, parts: CallParts) => void): Node {
  let current = node;
  for (let i = 0; i < CHAIN_STEPS; i++) {
    const next = ctx.adapter.methodCallOn(ctx, current);
    const parts = next ? ctx.adapter.call(ctx, next.call) : undefined;
    if (!next || !parts) break;
    apply(next.method, parts);
    current = next.call;
  }
  return current;
}

/** Nodes that bind a name to a value, in every grammar the layer reads. */
const BINDINGS = new Set(['variable_declarator', 'assignment_expression', 'assignment', 'short_var_declaration', 'assignment_statement', 'var_spec']);
/** Wrappers a bound value may sit in (`const h = await …`, Go's `mac := …` expression list). */
const WRAPPERS = new Set(['await_expression', 'await', 'parenthesized_expression', 'parenthesized_statements', 'expression_list']);

/** The plain name `node`'s value is bound to (`const h = …`, `h = …`, `$h = …`). */
function boundName(ctx: Ctx, node: Node): { name: string; at: number } | undefined {
  let value = node;
  let parent = ctx.parent(node);
  for (let i = 0; i < 4 && parent && WRAPPERS.has(parent.type); i++) {
    value = parent;
    parent = ctx.parent(parent);
  }
  if (!parent || !BINDINGS.has(parent.type)) return undefined;
  const sides = ctx.adapter.sides(ctx, parent);
  // Adapters may unwrap a side (Go's one-element lists): the call itself can be the side.
  if (!sides || (sides.right.id !== value.id && sides.right.id !== node.id)) return undefined;
  const step = ctx.adapter.step(ctx, sides.left);
  return step && !step.next && step.identifier ? { name: step.segment, at: parent.startIndex } : undefined;
}
