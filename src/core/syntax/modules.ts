/**
 * Module-level facts: directives, imports, exports, and whether the default export is an async
 * function component (a React server component: it never runs in the browser, so computing
 * a hash there is server code even in a .tsx file without `'use server'`).
 */
import type { Directive, ExportFact, ImportFact } from './facts';
import type { Ctx, Node } from './nodes';

/** Statements looked at for a directive prologue. */
const PROLOGUE_LIMIT = 50;

/** The directive prologue of a JavaScript module: leading string statements. */
export function directives(ctx: Ctx, root: Node): Directive[] {
  const out: Directive[] = [];
  let n = root.firstNamedChild;
  for (let i = 0; n && i < PROLOGUE_LIMIT; i++, n = n.nextNamedSibling) {
    ctx.work++;
    if (n.type === 'comment' || n.type === 'hash_bang_line') continue;
    const only = n.type === 'expression_statement' && n.namedChildCount === 1 ? n.firstNamedChild : null;
    const value = only ? ctx.adapter.stringValue(ctx, only) : undefined;
    if (!only || value === undefined) break;
    out.push({ value, start: n.startIndex, end: n.endIndex });
  }
  return out;
}

/** An ES `import` statement. */
export function esImport(ctx: Ctx, node: Node): ImportFact | undefined {
  const sourceNode = ctx.field(node, 'source');
  const source = sourceNode ? ctx.adapter.stringValue(ctx, sourceNode) : undefined;
  if (source === undefined) return undefined;
  const names: { imported: string; local: string }[] = [];
  for (const clause of ctx.named(node)) {
    if (clause.type !== 'import_clause') continue;
    for (const part of ctx.named(clause)) {
      if (part.type === 'identifier') names.push({ imported: 'default', local: ctx.text(part, 200) });
      else if (part.type === 'namespace_import') {
        const local = part.firstNamedChild;
        if (local) names.push({ imported: '*', local: ctx.text(local, 200) });
      } else if (part.type === 'named_imports') {
        for (const spec of ctx.named(part)) {
          const name = spec.type === 'import_specifier' ? ctx.field(spec, 'name') : undefined;
          const alias = spec.type === 'import_specifier' ? ctx.field(spec, 'alias') : undefined;
          if (name) names.push({ imported: keyText(ctx, name), local: ctx.text(alias ?? name, 200) });
        }
      }
    }
  }
  const typeOnly = /^import\s+type\s/.test(ctx.text(node, 20));
  return { source, kind: 'import', names, start: node.startIndex, end: node.endIndex, ...(typeOnly ? { typeOnly } : {}) };
}

/** A Python `import a, b as c` (one fact per module) or `from m import x, y as z`. */
export function pythonImports(ctx: Ctx, node: Node): ImportFact[] {
  const span = { start: node.startIndex, end: node.endIndex, kind: 'python' as const };
  if (node.type === 'import_statement') {
    return ctx.named(node).flatMap((name) => {
      const { imported, local } = dotted(ctx, name);
      return imported ? [{ ...span, source: imported, names: [{ imported, local }] }] : [];
    });
  }
  const moduleNode = ctx.field(node, 'module_name');
  if (!moduleNode) return [];
  const names = ctx.named(node).filter((n) => n.id !== moduleNode.id).flatMap((n) => {
    if (n.type === 'wildcard_import') return [{ imported: '*', local: '*' }];
    const { imported, local } = dotted(ctx, n);
    return imported ? [{ imported, local }] : [];
  });
  return [{ ...span, source: ctx.text(moduleNode, 200), names }];
}

/** A PHP `use A\\B\\C [as D];` clause or a `require`/`include` of a literal path. */
export function phpImport(ctx: Ctx, node: Node): ImportFact | undefined {
  const span = { start: node.startIndex, end: node.endIndex };
  const [first, second] = ctx.named(node);
  if (!first) return undefined;
  if (node.type === 'namespace_use_clause') {
    const source = ctx.text(first, 300).replace(/^\\/, '');
    const imported = source.slice(source.lastIndexOf('\\') + 1);
    const local = second ? ctx.text(second, 200) : imported;
    return { ...span, source, kind: 'import', names: [{ imported, local }] };
  }
  const source = ctx.adapter.stringValue(ctx, ctx.unwrap(first));
  return source === undefined ? undefined : { ...span, source, kind: 'require', names: [] };
}

/** A Go import spec (`sha "crypto/sha256"`): bound to its alias or the path's last element. */
export function goImport(ctx: Ctx, node: Node): ImportFact | undefined {
  const pathNode = ctx.field(node, 'path');
  const source = pathNode ? ctx.adapter.stringValue(ctx, pathNode) : undefined;
  if (source === undefined) return undefined;
  const alias = ctx.field(node, 'name');
  const local = alias ? ctx.text(alias, 200) : source.slice(source.lastIndexOf('/') + 1);
  return { start: node.startIndex, end: node.endIndex, source, kind: 'import', names: [{ imported: '*', local }] };
}

/** A Java import (`import javax.crypto.Mac;`, `import static …System.getenv;`, `import a.b.*;`). */
export function javaImport(ctx: Ctx, node: Node): ImportFact | undefined {
  const name = ctx.named(node).find((n) => n.type === 'scoped_identifier' || n.type === 'identifier');
  if (!name) return undefined;
  const source = ctx.text(name, 300);
  const wildcard = /\.\s*\*\s*;?\s*$/.test(ctx.text(node, 400));
  const imported = wildcard ? '*' : source.slice(source.lastIndexOf('.') + 1);
  return { start: node.startIndex, end: node.endIndex, source, kind: 'import', names: [{ imported, local: imported }] };
}

function dotted(ctx: Ctx, node: Node): { imported?: string; local: string } {
  if (node.type === 'aliased_import') {
    const name = ctx.field(node, 'name');
    const alias = ctx.field(node, 'alias');
    return name ? { imported: ctx.text(name, 200), local: ctx.text(alias ?? name, 200) } : { local: '' };
  }
  if (node.type !== 'dotted_name') return { local: '' };
  const text = ctx.text(node, 200);
  return { imported: text, local: text };
}

function keyText(ctx: Ctx, node: Node): string {
  return ctx.adapter.stringValue(ctx, node) ?? ctx.text(node, 200);
}

const FUNCTIONS = new Set(['function_declaration', 'generator_function_declaration', 'function_expression', 'function', 'arrow_function', 'generator_function']);
const CLASSES = new Set(['class_declaration', 'abstract_class_declaration', 'class']);

/** What one `export` statement exports, and the default export's function node if it has one. */
export function esExports(ctx: Ctx, node: Node, topLevel: TopLevel): { facts: ExportFact[]; defaultFunction?: Node; defaultName?: string } {
  const span = { start: node.startIndex, end: node.endIndex };
  const sourceNode = ctx.field(node, 'source');
  const source = sourceNode ? ctx.adapter.stringValue(ctx, sourceNode) : undefined;
  const from = source !== undefined ? { source } : {};
  const declaration = ctx.field(node, 'declaration');
  if (/^export\s+default\b/.test(ctx.text(node, 30))) {
    let value = declaration ?? ctx.field(node, 'value');
    if (value) value = ctx.unwrap(value);
    const defaultName = value?.type === 'identifier' ? ctx.text(value, 200) : undefined;
    if (defaultName !== undefined) value = topLevel.fn(defaultName) ?? value;
    if (value && FUNCTIONS.has(value.type)) {
      const fact: ExportFact = { ...span, name: 'default', kind: 'function', ...(isAsync(ctx, value) ? { async: true } : {}) };
      return { facts: [fact], defaultFunction: value, ...(defaultName !== undefined ? { defaultName } : {}) };
    }
    return { facts: [{ ...span, name: 'default', kind: value && CLASSES.has(value.type) ? 'class' : 'value' }] };
  }
  if (declaration) return { facts: declared(ctx, declaration).map((d) => ({ ...span, ...d })) };
  const out: ExportFact[] = [];
  for (const part of ctx.named(node)) {
    if (part.type === 'export_clause') {
      for (const spec of ctx.named(part)) {
        const name = ctx.field(spec, 'alias') ?? ctx.field(spec, 'name');
        if (name) out.push({ ...span, name: keyText(ctx, name), kind: source !== undefined ? 'reexport' : 'value', ...from });
      }
    } else if (part.type === 'namespace_export') {
      const name = part.firstNamedChild;
      if (name) out.push({ ...span, name: keyText(ctx, name), kind: 'reexport', ...from });
    }
  }
  if (out.length === 0 && source !== undefined) out.push({ ...span, name: '*', kind: 'reexport', ...from });
  return { facts: out };
}

/** Names a declaration after `export` binds. */
function declared(ctx: Ctx, declaration: Node): Omit<ExportFact, 'start' | 'end'>[] {
  const name = ctx.field(declaration, 'name');
  if (FUNCTIONS.has(declaration.type) && name) return [{ name: ctx.text(name, 200), kind: 'function', ...(isAsync(ctx, declaration) ? { async: true } : {}) }];
  if (CLASSES.has(declaration.type) && name) return [{ name: ctx.text(name, 200), kind: 'class' }];
  if (declaration.type !== 'lexical_declaration' && declaration.type !== 'variable_declaration') return [];
  return ctx.named(declaration).flatMap((d): Omit<ExportFact, 'start' | 'end'>[] => {
    const id = d.type === 'variable_declarator' ? ctx.field(d, 'name') : undefined;
    if (!id || id.type !== 'identifier') return [];
    const value = ctx.field(d, 'value');
    const fn = value ? ctx.unwrap(value) : undefined;
    if (fn && FUNCTIONS.has(fn.type)) return [{ name: ctx.text(id, 200), kind: 'function', ...(isAsync(ctx, fn) ? { async: true } : {}) }];
    return [{ name: ctx.text(id, 200), kind: 'variable' }];
  });
}

/** `async function`, `async () =>`: the keyword is the function's first token. */
function isAsync(ctx: Ctx, fn: Node): boolean {
  return /^async\b/.test(ctx.text(fn, 10));
}

/**
 * The module's top-level functions by name (declarations, and consts bound to a function), for
 * `export default name`; read once per file on first use.
 */
export class TopLevel {
  private functions: Map<string, Node> | undefined;
  constructor(private readonly ctx: Ctx, private readonly root: Node) {}

  /** The top-level function called `name`. */
  fn(name: string): Node | undefined {
    this.functions ??= this.read();
    return this.functions.get(name);
  }

  private read(): Map<string, Node> {
    const { ctx } = this;
    // Any top-level statement may define the name asked for, or stop defining it.
    ctx.reads?.node(this.root);
    const out = new Map<string, Node>();
    for (const statement of ctx.named(this.root)) {
      if (FUNCTIONS.has(statement.type)) {
        const id = ctx.field(statement, 'name');
        if (id) out.set(ctx.text(id, 200), statement);
      } else if (statement.type === 'lexical_declaration' || statement.type === 'variable_declaration') {
        for (const d of ctx.named(statement)) {
          const id = d.type === 'variable_declarator' ? ctx.field(d, 'name') : undefined;
          const value = d.type === 'variable_declarator' ? ctx.field(d, 'value') : undefined;
          if (id && value) out.set(ctx.text(id, 200), ctx.unwrap(value));
        }
      }
    }
    return out;
  }
}

/** Whether `fn` looks like a component: a capitalised name, or JSX in its body. */
export function isComponent(ctx: Ctx, fn: Node, exportedName?: string): boolean {
  const id = ctx.field(fn, 'name');
  const name = id ? ctx.text(id, 200) : exportedName;
  if (name !== undefined && /^[A-Z]/.test(name)) return true;
  ctx.work++;
  return fn.descendantsOfType(['jsx_element', 'jsx_self_closing_element']).length > 0;
}
