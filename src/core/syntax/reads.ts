/**
 * What one extraction read to produce its facts: the spans of the nodes the facts came from,
 * and the names it looked up in the file's scope. An edit that touches none of those spans
 * and binds none of those names cannot change the facts (incremental.ts decides, and
 * re-extracts the whole file otherwise). Recording is off in a scan: only a kept document
 * (the editor) creates a ReadSet.
 */
import type { Node } from './nodes';

/** Spans read and names looked up by one extraction, in the text it read. */
export class ReadSet {
  /** [start, end) pairs, flat, in the order they were read. */
  private spans: number[] = [];
  /** Names whose binding was read (`settings` in `Intercom('boot', settings)`). */
  readonly bindings = new Set<string>();
  /** Names looked up as aliases, found or not: a new alias of one of them changes a path. */
  readonly aliasLookups = new Set<string>();
  /** Objects whose member assignments were read (`settings` in `settings.user_hash = h`). */
  readonly members = new Set<string>();
  /** `name.method` keys of calls on a crypto result's variable (`h.update`). */
  readonly methods = new Set<string>();
  /** The file's aliases when extraction ended (`c` → `$crisp`). */
  aliases: Map<string, readonly string[]> = new Map();

  node(node: Node): void {
    this.spans.push(node.startIndex, node.endIndex);
  }

  span(start: number, end: number): void {
    this.spans.push(start, end);
  }

  /** Whether a read span meets [start, end). */
  meets(start: number, end: number): boolean {
    const s = this.spans;
    for (let i = 0; i < s.length; i += 2) if ((s[i] as number) < end && (s[i + 1] as number) > start) return true;
    return false;
  }

  /** The number of spans, for work counting. */
  get size(): number {
    return this.spans.length / 2;
  }

  /** This set after text from `from` on (old offsets) moved by `delta`; nothing read lay across the edit. */
  shifted(from: number, delta: number): ReadSet {
    const out = new ReadSet();
    out.spans = this.spans.map((p) => (p >= from ? p + delta : p));
    for (const [a, b] of [[this.bindings, out.bindings], [this.aliasLookups, out.aliasLookups], [this.members, out.members], [this.methods, out.methods]] as const) for (const n of a) b.add(n);
    out.aliases = new Map(this.aliases);
    return out;
  }
}
