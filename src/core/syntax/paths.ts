/**
 * Member paths: `window.Intercom?.('boot')` and `(window as any).Intercom` both call `Intercom`
 * (the adapter says which roots name the global object);
 * `const c = window.$crisp; c.push(…)` calls `$crisp.push`. A path is computed by walking down
 * a member chain from its outer end, at most PATH_SEGMENTS steps, so that no chain costs more
 * than a constant however long it is.
 */
import { PATH_SEGMENTS, type Ctx, type Node } from './nodes';

/** A path as segments, whether its root was reached, and whether an alias was followed. */
export interface Path {
  readonly segments: readonly string[];
  /** False when the chain was longer than PATH_SEGMENTS or its root is not a name (`f()[0].x`). */
  readonly complete: boolean;
  readonly aliased: boolean;
}

/** Names bound to a path (`const c = window.$crisp`), as segments. */
export interface Aliases {
  get(name: string): readonly string[] | undefined;
}

const NO_ALIASES: Aliases = new Map();

/** The path `node` spells, or undefined when it is no name or member chain at all. */
export function pathOf(ctx: Ctx, node: Node, aliases: Aliases = NO_ALIASES): Path | undefined {
  const reversed: string[] = [];
  let n: Node | undefined = node;
  let rootIsIdentifier = false;
  let complete = false;
  while (n && reversed.length < PATH_SEGMENTS) {
    const step = ctx.adapter.step(ctx, ctx.unwrap(n));
    if (!step) break;
    reversed.push(step.segment);
    if (!step.next) {
      complete = true;
      rootIsIdentifier = step.identifier === true;
      break;
    }
    n = step.next;
  }
  if (reversed.length === 0) return undefined;
  let segments = reversed.reverse();
  let aliased = false;
  const alias = complete && rootIsIdentifier ? aliases.get(segments[0] as string) : undefined;
  if (alias) {
    segments = [...alias, ...segments.slice(1)];
    aliased = true;
  }
  let start = 0;
  while (complete && segments.length - start > 1 && ctx.adapter.globalRoots.has(segments[start] as string)) start++;
  return { segments: start > 0 ? segments.slice(start) : segments, complete, aliased };
}

/** The path as one dotted string; an incomplete one starts with `…`. */
export function pathText(path: Path): string {
  return `${path.complete ? '' : '….'}${path.segments.join('.')}`;
}

/** The last `count` segments joined, when the path has that many. */
export function suffix(path: Path, count: number): string | undefined {
  const { segments } = path;
  return count <= segments.length ? segments.slice(segments.length - count).join('.') : undefined;
}
