/**
 * What names stand for in one file, well enough to follow settings and aliases a few lines
 * away: `const settings = {…}` before `Intercom('boot', settings)`, `settings.user_hash = h`
 * in between, `const c = window.$crisp` before `c.push(…)`. Scopes are not modelled: the
 * binding that counts is the latest one before the use, anywhere in the file.
 */
import type { Node } from './nodes';
import type { Aliases } from './paths';
import type { ReadSet } from './reads';

/** A name bound to a value at an offset. */
export interface Binding {
  readonly at: number;
  readonly value: Node;
}

/** `object.name = value`, keyed by the object's path. */
export interface MemberAssignment {
  readonly at: number;
  readonly name: string;
  readonly node: Node;
  readonly value: Node;
}

/** At most this many `settings.x = …` assignments are followed for one use. */
export const MEMBER_ASSIGNMENTS_PER_USE = 64;

/** An alias with the span of the binding that made it. */
interface Alias {
  readonly segments: readonly string[];
  readonly start: number;
  readonly end: number;
}

/**
 * The bindings, aliases and member assignments of one file. With a ReadSet, every lookup is
 * recorded there: the name asked for, and the span of what was found.
 */
export class Scope {
  private readonly aliasMap = new Map<string, Alias>();
  private readonly bindings = new Map<string, Binding[]>();
  private readonly members = new Map<string, MemberAssignment[]>();
  private sorted = true;

  constructor(private readonly reads?: ReadSet) {}

  /** Names bound to a path (`c` → `$crisp`), first binding wins; lookups are recorded. */
  readonly aliases: Aliases & { has(name: string): boolean } = {
    get: (name) => {
      const alias = this.aliasMap.get(name);
      if (this.reads) {
        this.reads.aliasLookups.add(name);
        if (alias) this.reads.span(alias.start, alias.end);
      }
      return alias?.segments;
    },
    has: (name) => this.aliases.get(name) !== undefined,
  };

  /** Whether `name` is an alias already, without recording a lookup (the binding pass asks). */
  isAlias(name: string): boolean {
    return this.aliasMap.has(name);
  }

  /** Makes `name` stand for `segments` unless it already stands for something; `node` bound it. */
  defineAlias(name: string, segments: readonly string[], node: Node): void {
    if (!this.aliasMap.has(name)) this.aliasMap.set(name, { segments, start: node.startIndex, end: node.endIndex });
  }

  /** Every alias and what it stands for. */
  aliasTable(): Map<string, readonly string[]> {
    return new Map([...this.aliasMap].map(([name, a]) => [name, a.segments]));
  }

  /** Records `name = value` at offset `at`. */
  bind(name: string, at: number, value: Node): void {
    const list = this.bindings.get(name);
    if (!list) this.bindings.set(name, [{ at, value }]);
    else {
      if (at < (list[list.length - 1] as Binding).at) this.sorted = false;
      list.push({ at, value });
    }
  }

  /** Records `object.name = value` at offset `at`. */
  assignMember(object: string, name: string, at: number, node: Node, value: Node): void {
    const list = this.members.get(object);
    if (!list) this.members.set(object, [{ at, name, node, value }]);
    else {
      if (at < (list[list.length - 1] as MemberAssignment).at) this.sorted = false;
      list.push({ at, name, node, value });
    }
  }

  /** The latest binding of `name` that starts before `offset`. */
  bindingBefore(name: string, offset: number): Binding | undefined {
    const list = this.list(this.bindings, name);
    const i = lastBefore(list, offset);
    const found = i >= 0 ? list[i] : undefined;
    this.readBinding(name, found);
    return found;
  }

  /** Where `name` is next bound after `offset` (Infinity when it is not). */
  nextBinding(name: string, offset: number): number {
    const list = this.list(this.bindings, name);
    const next = list[lastBefore(list, offset + 1) + 1];
    this.readBinding(name, next);
    return next ? next.at : Number.POSITIVE_INFINITY;
  }

  /** Assignments to members of `object` in (from, to), in order, at most MEMBER_ASSIGNMENTS_PER_USE. */
  membersBetween(object: string, from: number, to: number): MemberAssignment[] {
    const list = this.list(this.members, object);
    const out: MemberAssignment[] = [];
    for (let i = lastBefore(list, from + 1) + 1; i < list.length && out.length < MEMBER_ASSIGNMENTS_PER_USE; i++) {
      const m = list[i] as MemberAssignment;
      if (m.at >= to) break;
      out.push(m);
    }
    if (this.reads) {
      this.reads.members.add(object);
      for (const m of out) this.reads.span(m.at, m.node.endIndex);
    }
    return out;
  }

  private readBinding(name: string, found: Binding | undefined): void {
    if (!this.reads) return;
    this.reads.bindings.add(name);
    if (found) this.reads.span(found.at, found.value.endIndex);
  }

  private list<T extends { at: number }>(map: Map<string, T[]>, key: string): T[] {
    if (!this.sorted) {
      for (const l of this.bindings.values()) l.sort((a, b) => a.at - b.at);
      for (const l of this.members.values()) l.sort((a, b) => a.at - b.at);
      this.sorted = true;
    }
    return map.get(key) ?? [];
  }
}

/** The index of the last entry with `at < offset`, or -1 (binary search). */
function lastBefore(list: readonly { at: number }[], offset: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((list[mid] as { at: number }).at < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}
