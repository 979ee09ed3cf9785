/**
 * Tree nodes to plain `Expr` data. Children are converted to a fixed depth and count, and each
 * (node, depth) pair is converted once per file, so that settings objects shared by several
 * calls, or nested literals, cost their size and no more.
 */
import type { Expr, Field } from './facts';
import { EXPR_CHILDREN, EXPR_DEPTH, EXPR_TEXT_LIMIT, type Ctx, type Node } from './nodes';
import { pathOf, pathText } from './paths';

/**
 * Converts nodes of one file; holds the per-file cache. Paths are as written: an alias is
 * followed to match a call, never to report what a value is.
 */
export class ExprBuilder {
  private readonly cache = new Map<string, Expr>();
  constructor(private readonly ctx: Ctx) {}

  /** `node` as an Expr, with children down to EXPR_DEPTH levels below `depth`. */
  expr(node: Node, depth = 0): Expr {
    const { ctx } = this;
    const n = ctx.unwrap(node);
    const key = `${n.id}:${depth}`;
    const cached = this.cache.get(key);
    if (cached) return cached;
    ctx.work++;
    ctx.reads?.node(n);
    const kind = ctx.adapter.kind(ctx, n);
    const base = { kind, start: n.startIndex, end: n.endIndex, text: ctx.text(n, EXPR_TEXT_LIMIT) };
    let extra: Partial<Expr> = {};
    const deeper = depth < EXPR_DEPTH;
    if (kind === 'string' || kind === 'template') {
      const value = ctx.adapter.stringValue(ctx, n);
      if (value !== undefined) extra = { value };
    } else if (kind === 'identifier' || kind === 'member') {
      const path = pathOf(ctx, n);
      if (path) extra = { path: pathText(path) };
    } else if (kind === 'call') {
      const parts = ctx.adapter.call(ctx, n);
      const callee = parts ? pathOf(ctx, parts.callee) : undefined;
      extra = {
        ...(callee ? { callee: pathText(callee) } : {}),
        ...(parts && deeper ? { args: parts.args.slice(0, EXPR_CHILDREN).map((a) => this.expr(a, depth + 1)) } : {}),
      };
    } else if (kind === 'object' && deeper) {
      extra = { fields: this.fields(n, depth + 1) };
    } else if (kind === 'array' && deeper) {
      extra = { items: ctx.adapter.items(ctx, n).slice(0, EXPR_CHILDREN).map((i) => this.expr(i, depth + 1)) };
    }
    const expr: Expr = { ...base, ...extra };
    this.cache.set(key, expr);
    return expr;
  }

  /** The entries of an object literal or dict at `depth`. */
  fields(node: Node, depth: number): Field[] {
    return this.ctx.adapter.fields(this.ctx, node).slice(0, EXPR_CHILDREN).map((f) => ({
      start: f.node.startIndex,
      end: f.node.endIndex,
      ...(f.spread ? { name: '...', spread: true } : f.name !== undefined ? { name: f.name } : {}),
      value: this.expr(f.value, depth),
    }));
  }
}
