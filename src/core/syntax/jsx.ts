/**
 * JSX elements of imported components and the props passed to them: what a server component
 * hands to a client component is the one value that crosses the network boundary without an
 * API (src/core/project reads it). Only elements whose tag was imported are read, so a file
 * full of `<div>`s costs one walk of the tree and nothing else.
 */
import type { ElementFact, PropFact } from './facts';
import type { ExprBuilder } from './expr';
import type { Ctx, Node } from './nodes';
import type { Scope } from './scope';

/** At most this many elements, and props per element, are reported for one file. */
const ELEMENT_LIMIT = 500;
const PROP_LIMIT = 32;

/** The elements of `root` whose tag (or its first segment, `UI.Chat`) is one of `imported`. */
export function jsxElements(ctx: Ctx, root: Node, imported: ReadonlyMap<string, string>, scope: Scope, exprs: ExprBuilder): ElementFact[] {
  if (imported.size === 0) return [];
  const out: ElementFact[] = [];
  for (const element of root.descendantsOfType(['jsx_opening_element', 'jsx_self_closing_element'])) {
    if (out.length >= ELEMENT_LIMIT) break;
    ctx.work++;
    const nameNode = ctx.field(element, 'name');
    const name = nameNode ? ctx.text(nameNode, 200) : undefined;
    if (name === undefined || !imported.has(name.split('.')[0] as string)) continue;
    const props: PropFact[] = [];
    for (const attribute of ctx.named(element)) {
      if (props.length >= PROP_LIMIT) break;
      if (attribute.type !== 'jsx_attribute') continue;
      const [key, raw] = ctx.named(attribute);
      if (!key || !raw) continue;
      const valueNode = raw.type === 'jsx_expression' ? raw.firstNamedChild ?? undefined : raw;
      if (!valueNode || valueNode.type === 'spread_element') continue;
      const value = exprs.expr(valueNode, 1);
      // `secret={secret}` after `const secret = process.env.X`: the value the name was bound to.
      const binding = value.kind === 'identifier' ? scope.bindingBefore(value.text, valueNode.startIndex) : undefined;
      props.push({
        name: ctx.text(key, 200), value, start: attribute.startIndex, end: attribute.endIndex,
        ...(binding ? { bound: exprs.expr(binding.value, 1) } : {}),
      });
    }
    out.push({ name, source: imported.get(name.split('.')[0] as string) as string, props, start: element.startIndex, end: element.endIndex });
  }
  return out;
}
