/**
 * A kept document's facts after an edit, without reading the whole file again when the edit
 * cannot have changed them. Reading every node of a 10,000-line file costs tens of
 * milliseconds (measured: 55 ms, most of it web-tree-sitter handing nodes to JavaScript); a
 * keystroke deserves a few.
 *
 * The previous extraction recorded what its facts were read from (reads.ts): the facts' own
 * spans, every node turned into an expression, every binding, alias and member assignment it
 * looked up, every parent it climbed to. The edit's region is the edited text together with
 * the ranges tree-sitter reports as changed in structure. The facts stand, moved by the edit's
 * length, when that region meets nothing read and holds no node that could add a fact: no
 * import or export, no call a table names, no environment read, no messenger property or
 * assignment, no new binding of a name that was looked up. String literals are local (a
 * literal depends on its own node only), so those in the region are read again. Anything else
 * re-extracts the whole file; the differential test (test/unit/incremental.test.ts) checks,
 * edit after edit, that both ways give the same facts.
 */
import type { Query } from 'web-tree-sitter';
import { adapterFor } from './adapters/index';
import { cryptoApiFor, RESULT_METHODS } from './crypto';
import { bindingLiteral, callFilter, capturesByRole, entryLiteral, extractFacts, plainAlias, type Captured, type ExtractInput, type Role } from './extract';
import type { BoundLiteral, FileFacts } from './facts';
import type { SyntaxLanguage } from './languages';
import type { ShapeIndex } from './messengers';
import { directives } from './modules';
import { Ctx, type Node } from './nodes';
import { pathOf, pathText, type Aliases } from './paths';
import { ReadSet } from './reads';

/** Facts with what they were read from. */
export interface Tracked {
  readonly facts: FileFacts;
  readonly reads: ReadSet;
}

/**
 * What edits since the last extraction touched: [start, end) in the current text, and how far
 * the text after it moved (the text before `start` did not).
 */
export interface Dirty {
  readonly start: number;
  readonly end: number;
  readonly delta: number;
}

/** `dirty` (or nothing) after one more change replaced [start, end) with `length` characters. */
export function dirtyAfter(dirty: Dirty | undefined, start: number, end: number, length: number): Dirty {
  const newEnd = start + length;
  const delta = newEnd - end;
  if (!dirty) return { start, end: newEnd, delta };
  const map = (p: number) => (p <= start ? p : p >= end ? p + delta : newEnd);
  return { start: Math.min(map(dirty.start), start), end: Math.max(map(dirty.end), newEnd), delta: dirty.delta + delta };
}

/** `dirty` widened to cover ranges tree-sitter reports as changed in structure. */
export function dirtyWith(dirty: Dirty, ranges: readonly { startIndex: number; endIndex: number }[]): Dirty {
  let { start, end } = dirty;
  for (const r of ranges) {
    start = Math.min(start, r.startIndex);
    end = Math.max(end, r.endIndex);
  }
  return { start, end, delta: dirty.delta };
}

/** A whole-file extraction that records what its facts were read from. */
export function extractTracked(input: Omit<ExtractInput, 'reads'>): Tracked {
  const reads = new ReadSet();
  const facts = extractFacts({ ...input, reads });
  for (const list of [facts.messengerCalls, facts.crypto, facts.env, facts.imports, facts.exports, facts.elements ?? []]) {
    for (const f of list) reads.span(f.start, f.end);
  }
  return { facts, reads };
}

/** What updateFacts needs: the previous facts, the edit, and the new text and tree. */
export interface UpdateInput {
  readonly previous: Tracked;
  readonly dirty: Dirty;
  readonly source: string;
  readonly language: SyntaxLanguage;
  readonly root: Node;
  readonly query: Query;
  readonly shapes: ShapeIndex;
}

/** The facts after the edit when it cannot have changed them but for literals, else undefined. */
export function updateFacts({ previous, dirty, source, language, root, query, shapes }: UpdateInput): Tracked | undefined {
  // One character either side: an edit that touches a node's end may extend it.
  const lo = Math.max(0, dirty.start - 1);
  const hi = Math.min(source.length, dirty.end + 1);
  const hiOld = hi - dirty.delta;
  // Text from `from` on (old offsets) moved by the edit.
  const from = dirty.end - dirty.delta;
  if (previous.reads.meets(lo, hiOld)) return undefined;
  // JSX elements of imported components are found by a walk, not the query: a `<` may add one.
  if ((language === 'javascript' || language === 'tsx') && previous.facts.imports.length > 0 && source.slice(lo, hi).includes('<')) return undefined;
  const { adapter } = adapterFor(language);
  const ctx = new Ctx(source, adapter);
  const groups = capturesByRole(ctx, query.matches(root, { startIndex: lo, endIndex: hi }));
  const reads = previous.reads.shifted(from, dirty.delta);
  if (new Region(ctx, language, shapes, reads, groups).mayAddFacts()) return undefined;

  const literals: BoundLiteral[] = [];
  for (const l of previous.facts.literals) {
    const start = Math.min(l.start, l.nameSpan.start);
    const end = Math.max(l.end, l.nameSpan.end);
    if (!(start < hiOld && end > lo)) literals.push(moved(l, from, dirty.delta));
  }
  for (const l of regionLiterals(ctx, language, groups)) {
    if (Math.min(l.start, l.nameSpan.start) < hi && Math.max(l.end, l.nameSpan.end) > lo) literals.push(l);
  }
  literals.sort((a, b) => a.start - b.start);
  // Every offset on its own: a fact before the edit may hold parts after it (an HMAC's
  // `mac.doFinal(…)` message, read from a later statement).
  const move = <T>(list: readonly T[]): T[] => (dirty.delta === 0 ? [...list] : moved([...list], from, dirty.delta));
  const p = previous.facts;
  const facts: FileFacts = {
    ...p,
    hasErrors: root.hasError,
    messengerCalls: move(p.messengerCalls),
    crypto: move(p.crypto),
    env: move(p.env),
    literals,
    // The prologue is a few statements: read again rather than tracked.
    directives: adapterFor(language).family === 'js' ? directives(ctx, root) : [],
    imports: move(p.imports),
    exports: move(p.exports),
    ...(p.elements ? { elements: move(p.elements) } : {}),
    work: ctx.work + reads.size,
  };
  return { facts, reads };
}

/** The nodes the query found in an edit's region, judged against what the last extraction read. */
class Region {
  private readonly aliases: Aliases;
  private readonly interesting: (name: string) => boolean;

  constructor(
    private readonly ctx: Ctx,
    private readonly language: SyntaxLanguage,
    private readonly shapes: ShapeIndex,
    private readonly reads: ReadSet,
    private readonly groups: ReadonlyMap<Role, readonly Captured[]>,
  ) {
    // Lookups are recorded as extraction records them: a call typed now through a name that
    // is no alias yet is one when a later edit binds that name.
    this.aliases = {
      get: (name) => {
        reads.aliasLookups.add(name);
        return reads.aliases.get(name);
      },
    };
    this.interesting = callFilter(language, shapes);
  }

  /** Whether a node of the region could add, remove or change a fact other than a literal. */
  mayAddFacts(): boolean {
    const has = (role: Role, test: (c: Captured) => boolean) => (this.groups.get(role) ?? []).some(test);
    return (this.groups.get('import')?.length ?? 0) > 0
      || (this.groups.get('export')?.length ?? 0) > 0
      || has('env', (c) => this.envObject(c.aux))
      || has('call', (c) => this.call(c.node))
      || has('decl', (c) => this.binding(c.node))
      || has('assign', (c) => this.binding(c.node))
      || has('pair', (c) => this.property(c.node));
  }

  /** `x.env.NAME` whose object ends in an environment object's name (extract.ts reads those). */
  private envObject(object: Node | undefined): boolean {
    const { adapter, source } = this.ctx;
    return object !== undefined && adapter.envObjects.some((o) => source.endsWith(o.slice(o.lastIndexOf('.') + 1), object.endIndex));
  }

  /** A call extract.ts would turn into a fact, or index as a method on a crypto result. */
  private call(node: Node): boolean {
    const { ctx } = this;
    const { adapter } = ctx;
    const callee = adapter.callee(ctx, node);
    if (!callee) return false;
    if (callee.type === 'import') return true;
    const name = adapter.lastName(ctx, callee);
    if (name === undefined) return false;
    this.reads.aliasLookups.add(name);
    if (!(this.interesting(name) || this.reads.aliases.has(name))) return false;
    const parts = adapter.call(ctx, node);
    const path = parts ? pathOf(ctx, parts.callee, this.aliases) : undefined;
    if (!path) return false;
    const text = pathText(path);
    return adapter.requireCalls.includes(text) || adapter.envCalls.includes(text)
      || this.shapes.candidates('call', path).length > 0
      || cryptoApiFor(adapterFor(this.language).family, path) !== undefined
      || (path.complete && path.segments.length === 2 && RESULT_METHODS.has(path.segments[1] as string) && this.reads.methods.has(text));
  }

  /**
   * A binding that matters: of a name whose binding was looked up, a new alias of a name
   * looked up as one, a messenger assignment, a member of an object whose members were read,
   * a destructured environment read. A new alias nobody looked up joins the table, so that a
   * call through it typed later is seen.
   */
  private binding(node: Node): boolean {
    const { ctx, reads } = this;
    const { adapter } = ctx;
    const sides = adapter.sides(ctx, node);
    if (!sides) return false;
    const { left, right } = sides;
    const last = adapter.lastName(ctx, left);
    if (last !== undefined && this.shapes.lastNames.assignment.has(last)) {
      const path = pathOf(ctx, left, this.aliases);
      if (path && this.shapes.candidates('assignment', path).length > 0) return true;
    }
    const plain = adapter.step(ctx, left);
    if (plain?.identifier && !plain.next) {
      const name = plain.segment;
      if (reads.bindings.has(name)) return true;
      const segments = plainAlias(ctx, name, right, this.aliases);
      if (!segments) return false;
      if (reads.aliasLookups.has(name) || reads.aliases.has(name)) return true;
      reads.aliases.set(name, segments);
      return false;
    }
    const names = adapter.pattern(ctx, left);
    if (names) {
      const source = pathOf(ctx, right, this.aliases);
      if (source && adapter.envObjects.includes(pathText(source))) return true;
      const locals = names.flatMap((n) => (n.local !== undefined ? [n.local] : []));
      if (locals.some((l) => reads.bindings.has(l) || reads.aliasLookups.has(l) || reads.aliases.has(l))) return true;
      if (source?.complete && source.segments[0] !== 'require()') {
        for (const n of names) if (n.local !== undefined) reads.aliases.set(n.local, [...source.segments, n.key]);
      }
      return false;
    }
    const path = pathOf(ctx, left, this.aliases);
    return path?.complete === true && path.segments.length >= 2 && reads.members.has(path.segments.slice(0, -1).join('.'));
  }

  /** An object property a messenger shape names (`customerDetails: {…}`). */
  private property(node: Node): boolean {
    const { ctx } = this;
    const sides = ctx.adapter.sides(ctx, node);
    const name = sides ? ctx.adapter.keyName(ctx, sides.left) : undefined;
    return name !== undefined && this.shapes.lastNames.property.has(name)
      && this.shapes.candidates('property', { segments: [name], complete: true, aliased: false }).length > 0;
  }
}

/** The literals bound by the region's bindings and entries, as extract.ts reads them. */
function regionLiterals(ctx: Ctx, language: SyntaxLanguage, groups: ReadonlyMap<Role, readonly Captured[]>): BoundLiteral[] {
  const { family, adapter } = adapterFor(language);
  const out: BoundLiteral[] = [];
  for (const role of ['decl', 'assign'] as const) {
    for (const { node } of groups.get(role) ?? []) {
      const sides = adapter.sides(ctx, node);
      const literal = sides ? bindingLiteral(ctx, family, role === 'decl', sides.left, ctx.unwrap(sides.right)) : undefined;
      if (literal) out.push(literal);
    }
  }
  for (const role of ['pair', 'field', 'kwarg'] as const) {
    for (const { node } of groups.get(role) ?? []) {
      const sides = adapter.sides(ctx, node);
      const name = sides ? adapter.keyName(ctx, sides.left) : undefined;
      const literal = sides && name !== undefined ? entryLiteral(ctx, role, sides.left, name, ctx.unwrap(sides.right)) : undefined;
      if (literal) out.push(literal);
    }
  }
  return out;
}

/** `value` with every `start` and `end` at or after `from` moved by `delta` (facts hold offsets only there). */
function moved<T>(value: T, from: number, delta: number): T {
  if (Array.isArray(value)) return value.map((v: unknown) => moved(v, from, delta)) as T;
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    out[key] = (key === 'start' || key === 'end') && typeof v === 'number' ? (v >= from ? v + delta : v) : moved(v, from, delta);
  }
  return out as T;
}
