/**
 * Messenger calls from trees: a call, assignment or object property whose path matches a shape
 * in the table (src/core/messenger-calls.ts), with the settings it sends, followed through a
 * variable built a few lines above, spreads of such variables and `settings.x = …` in between.
 */
import type { MessengerShape } from '../messenger-calls';
import type { Expr, MessengerCall, SentField, Span, Via } from './facts';
import type { ExprBuilder } from './expr';
import type { CallParts, Ctx, Node } from './nodes';
import { pathText, suffix, type Path } from './paths';
import type { Scope } from './scope';

/** Arguments of a messenger call given as facts. */
const ARGS_PER_CALL = 16;
const LITERAL_KINDS = new Set(['string', 'template', 'number', 'boolean', 'null']);

/** The shapes indexed by kind and target, longest target first when matching. */
export class ShapeIndex {
  private readonly byTarget = new Map<string, MessengerShape[]>();
  private readonly longest: number;
  /** The last segment of every target, by kind: a call or assignment ending otherwise is no messenger's. */
  readonly lastNames: Readonly<Record<MessengerShape['kind'], ReadonlySet<string>>>;

  constructor(shapes: readonly MessengerShape[]) {
    const last = (kind: MessengerShape['kind']) => new Set(shapes.filter((s) => s.kind === kind).map((s) => s.target.slice(s.target.lastIndexOf('.') + 1)));
    this.lastNames = { call: last('call'), assignment: last('assignment'), property: last('property') };
    let longest = 1;
    for (const shape of shapes) {
      const key = `${shape.kind} ${shape.target}`;
      const list = this.byTarget.get(key);
      if (list) list.push(shape);
      else this.byTarget.set(key, [shape]);
      longest = Math.max(longest, shape.target.split('.').length);
    }
    this.longest = longest;
  }

  /** Shapes of `kind` whose target is a suffix of `path`, longest suffix first. */
  candidates(kind: MessengerShape['kind'], path: Path): MessengerShape[] {
    const out: MessengerShape[] = [];
    for (let k = Math.min(this.longest, path.segments.length); k >= 1; k--) {
      const list = this.byTarget.get(`${kind} ${suffix(path, k) ?? ''}`);
      if (list) out.push(...list);
    }
    return out;
  }
}

/** Reads messenger calls of one file. */
export class MessengerReader {
  private readonly literals = new Map<string, Settings>();

  /**
   * @param importedFrom local name → module it was imported from, filled as imports are read
   *   (imports come before the calls that use them).
   */
  constructor(
    private readonly ctx: Ctx,
    private readonly scope: Scope,
    private readonly exprs: ExprBuilder,
    private readonly shapes: ShapeIndex,
    private readonly importedFrom: ReadonlyMap<string, string>,
  ) {}

  /** The messenger call `node` is, if its path matches a call shape. */
  fromCall(node: Node, parts: CallParts, path: Path): MessengerCall | undefined {
    for (const shape of this.shapes.candidates('call', path)) {
      if (shape.module !== undefined && (!path.complete || this.importedFrom.get(path.segments[0] as string) !== shape.module)) continue;
      const command = this.commandOf(shape, parts);
      if (command === false) continue;
      const settingsNode = shape.settingsArg !== undefined ? parts.args[shape.settingsArg] : undefined;
      if (shape.settingsArg !== undefined && (!settingsNode || LITERAL_KINDS.has(this.ctx.adapter.kind(this.ctx, this.ctx.unwrap(settingsNode))))) continue;
      const via: Via[] = path.aliased ? ['alias'] : [];
      if (this.optionalChaining(parts)) via.push('optional-chaining');
      const settings = settingsNode ? this.settings(settingsNode, node.startIndex) : { fields: [], open: parts.spread };
      return {
        vendor: shape.vendor, kind: 'call', target: pathText(path), shape: `${shape.kind} ${shape.target}`,
        start: node.startIndex, end: node.endIndex,
        ...(command !== undefined ? { command } : {}),
        args: parts.args.slice(0, ARGS_PER_CALL).map((a) => this.exprs.expr(a, 1)),
        ...settings,
        ...(via.length > 0 ? { via } : {}),
      };
    }
    return undefined;
  }

  /** The messenger settings `target = value` (or `var target = value`) assigns, if any. */
  fromAssignment(node: Node, path: Path, value: Node): MessengerCall | undefined {
    const shape = this.shapes.candidates('assignment', path)[0];
    if (!shape) return undefined;
    const settings = this.settings(value, node.startIndex);
    // `window.intercomSettings.user_hash = …` after the assignment adds to the same object.
    const assigned = this.assigned(pathText(path), node.endIndex, Number.POSITIVE_INFINITY);
    return this.valueCall(shape, 'assignment', node, path, value, { ...settings, fields: [...settings.fields, ...assigned] });
  }

  /** The messenger settings an object property (`customerDetails: {…}`) holds, if any. */
  fromProperty(node: Node, name: string, value: Node): MessengerCall | undefined {
    const path: Path = { segments: [name], complete: true, aliased: false };
    const shape = this.shapes.candidates('property', path)[0];
    return shape ? this.valueCall(shape, 'property', node, path, value, this.settings(value, node.startIndex)) : undefined;
  }

  private valueCall(shape: MessengerShape, kind: 'assignment' | 'property', node: Node, path: Path, value: Node, settings: Settings): MessengerCall {
    return {
      vendor: shape.vendor, kind, target: pathText(path), shape: `${shape.kind} ${shape.target}`,
      start: node.startIndex, end: node.endIndex, args: [this.exprs.expr(value, 1)], ...settings,
      ...(path.aliased ? { via: ['alias'] as const } : {}),
    };
  }

  /**
   * The command the leading arguments spell (`boot`, `set user:email`); undefined when one is
   * not a literal; false when the call is not this shape (`Intercom('shutdown')`).
   */
  private commandOf(shape: MessengerShape, parts: CallParts): string | undefined | false {
    const { ctx } = this;
    if (shape.arrayPrefix) {
      const prefix = shape.arrayPrefix;
      const matches = parts.args.some((arg) => {
        const items = ctx.adapter.items(ctx, ctx.unwrap(arg));
        return prefix.every((p, i) => items[i] !== undefined && ctx.adapter.stringValue(ctx, ctx.unwrap(items[i])) === p);
      });
      return matches ? prefix.join(' ') : false;
    }
    if (!shape.leading) return undefined;
    const words: string[] = [];
    for (let i = 0; i < shape.leading.length; i++) {
      const arg = parts.args[i];
      if (!arg) return false;
      const value = ctx.adapter.stringValue(ctx, ctx.unwrap(arg));
      if (value === undefined) return undefined; // `Intercom(action, {…})`: a command in a variable
      if (!(shape.leading[i] as readonly string[]).includes(value)) return false;
      words.push(value);
    }
    return words.join(' ');
  }

  private optionalChaining(parts: CallParts): boolean {
    const end = parts.argsNode?.startIndex ?? parts.callee.endIndex;
    return this.ctx.source.slice(Math.max(parts.callee.startIndex, end - 200), end).includes('?.');
  }

  /** The fields `value` sends when used at offset `at`. */
  private settings(value: Node, at: number): Settings {
    const { ctx } = this;
    const n = ctx.unwrap(value);
    const kind = ctx.adapter.kind(ctx, n);
    if (kind === 'object') return this.literal(n, undefined);
    if (kind === 'identifier') {
      const name = ctx.text(n, 200);
      const binding = this.scope.bindingBefore(name, at);
      const bound = binding ? ctx.unwrap(binding.value) : undefined;
      const from = binding ? binding.at : -1;
      const assigned = this.assigned(name, from, at);
      if (bound && ctx.adapter.kind(ctx, bound) === 'object') {
        const literal = this.literal(bound, 'variable');
        return { ...literal, fields: [...literal.fields, ...assigned] };
      }
      return { fields: assigned, open: true };
    }
    return { fields: [], open: true };
  }

  /**
   * The fields of an object literal, spreads of variables bound before it followed one level.
   * Cached: one settings object used by many calls is read once.
   */
  private literal(object: Node, from: SentField['from']): Settings {
    const key = `${object.id}:${from ?? ''}`;
    const cached = this.literals.get(key);
    if (cached) return cached;
    const fields: SentField[] = [];
    let open = false;
    for (const field of this.exprs.fields(object, 1)) {
      if (!field.spread) {
        fields.push(from ? { ...field, from } : field);
        continue;
      }
      const spread = this.spread(field.value, object.startIndex);
      if (spread) fields.push(...spread);
      else {
        open = true;
        fields.push(from ? { ...field, from } : field);
      }
    }
    const settings: Settings = { fields, settings: { start: object.startIndex, end: object.endIndex }, open };
    this.literals.set(key, settings);
    return settings;
  }

  private spread(value: Expr, at: number): SentField[] | undefined {
    if (value.kind !== 'identifier' || value.path === undefined || value.path.includes('.')) return undefined;
    const binding = this.scope.bindingBefore(value.path, at);
    const bound = binding ? this.ctx.unwrap(binding.value) : undefined;
    if (!bound || this.ctx.adapter.kind(this.ctx, bound) !== 'object') return undefined;
    return this.exprs.fields(bound, 1).map((f) => ({ ...f, from: 'spread' as const }));
  }

  /** `object.x = value` assignments in (from, to) as fields. */
  private assigned(object: string, from: number, to: number): SentField[] {
    return this.scope.membersBetween(object, from, to).map((m) => ({
      name: m.name, start: m.node.startIndex, end: m.node.endIndex, value: this.exprs.expr(m.value, 1), from: 'assigned' as const,
    }));
  }
}

interface Settings {
  readonly fields: readonly SentField[];
  readonly settings?: Span;
  readonly open: boolean;
}
