/**
 * From one tree and the matches of its language's query to FileFacts. The query captures one
 * node per match: `call`, `assign` and `decl`, `pair`, `field` and `kwarg`, `env` (candidate
 * environment reads), `fallback` (`a || b`), `import`, `export`. Bindings come first, because
 * a call reads the aliases and variables bound before it.
 */
import type { QueryMatch } from 'web-tree-sitter';
import { adapterFor, type Family } from './adapters/index';
import { cryptoApiFor, mayBeCrypto, readCrypto, RESULT_METHODS } from './crypto';
import { ExprBuilder } from './expr';
import type { BoundLiteral, CryptoCall, EnvRead, ExportFact, FileFacts, ImportFact, MessengerCall } from './facts';
import type { SyntaxLanguage } from './languages';
import { jsxElements } from './jsx';
import { MessengerReader, type ShapeIndex } from './messengers';
import { directives, esExports, esImport, goImport, isComponent, javaImport, phpImport, pythonImports, TopLevel } from './modules';
import { Ctx, type CallParts, type Node } from './nodes';
import { pathOf, pathText, type Aliases, type Path } from './paths';
import type { ReadSet } from './reads';
import { Scope } from './scope';

export type Role = 'call' | 'assign' | 'decl' | 'pair' | 'field' | 'kwarg' | 'env' | 'fallback' | 'import' | 'export';
const ROLES: ReadonlySet<string> = new Set<Role>(['call', 'assign', 'decl', 'pair', 'field', 'kwarg', 'env', 'fallback', 'import', 'export']);

/** A captured node and, for `env` and `fallback`, the `aux` node the pattern also captured. */
export interface Captured {
  readonly node: Node;
  readonly aux?: Node;
}

/** A captured binding with its two sides read. */
interface Bound {
  readonly node: Node;
  readonly declaration: boolean;
  readonly left: Node;
  readonly right: Node;
}

/** What extraction needs: the text, its tree, and the query matches over it. */
export interface ExtractInput {
  readonly source: string;
  readonly language: SyntaxLanguage;
  readonly root: Node;
  readonly matches: readonly QueryMatch[];
  readonly shapes: ShapeIndex;
  /** Records what the facts were read from, for a kept document's next edit (reads.ts). */
  readonly reads?: ReadSet;
}

/** Every fact of one file. Never throws on a tree with errors: it reads the parts that parsed. */
export function extractFacts({ source, language, root, matches, shapes, reads }: ExtractInput): FileFacts {
  const { family, adapter } = adapterFor(language);
  const ctx = new Ctx(source, adapter, reads);
  const groups = capturesByRole(ctx, matches);
  const each = (role: Role, fn: (node: Node, aux?: Node) => void) => { for (const c of groups.get(role) ?? []) fn(c.node, c.aux); };
  const interesting = callFilter(language, shapes);

  const scope = new Scope(reads);
  const bindings: Bound[] = [];
  for (const role of ['decl', 'assign'] as const) {
    each(role, (node) => {
      const sides = adapter.sides(ctx, node);
      if (sides) bindings.push({ node, declaration: role === 'decl', ...sides });
    });
  }
  for (const b of bindings) bind(ctx, scope, b);
  const exprs = new ExprBuilder(ctx);
  const importedFrom = new Map<string, string>();
  const messengers = new MessengerReader(ctx, scope, exprs, shapes, importedFrom);

  const messengerCalls: MessengerCall[] = [];
  const crypto: CryptoCall[] = [];
  const env: EnvRead[] = [];
  const literals: BoundLiteral[] = [];
  const imports: ImportFact[] = [];
  const exports: ExportFact[] = [];
  const addImport = (fact: ImportFact) => {
    imports.push(fact);
    for (const n of fact.names) importedFrom.set(n.local, fact.source);
  };

  // Imports first: a call shape may require its name to come from a vendor's module.
  each('import', (node) => {
    if (family === 'python') pythonImports(ctx, node).forEach(addImport);
    else {
      const read = { php: phpImport, go: goImport, java: javaImport, js: esImport, ruby: esImport }[family];
      const fact = read(ctx, node);
      if (fact) addImport(fact);
    }
  });

  // Calls: messenger calls, environment lookups, require/import(), and crypto APIs (read once
  // every `h.update(…)` on a variable is indexed).
  const methods = new Map<string, { node: Node; parts: CallParts }[]>();
  const cryptoCalls: { node: Node; parts: CallParts; path: Path }[] = [];
  each('call', (node) => {
    const callee = adapter.callee(ctx, node);
    if (!callee) return;
    if (callee.type !== 'import') {
      const name = adapter.lastName(ctx, callee);
      if (name === undefined || !(interesting(name) || scope.aliases.has(name))) return;
    }
    const parts = adapter.call(ctx, node);
    if (!parts) return;
    if (parts.callee.type === 'import') {
      const source = stringArg(ctx, parts, 0);
      if (source !== undefined) addImport({ source, kind: 'dynamic', names: [], start: node.startIndex, end: node.endIndex });
      return;
    }
    const path = pathOf(ctx, parts.callee, scope.aliases);
    if (!path) return;
    const text = pathText(path);
    const last = path.segments[path.segments.length - 1] as string;
    if (path.complete && path.segments.length === 2 && RESULT_METHODS.has(last)) {
      const key = text;
      (methods.get(key) ?? methods.set(key, []).get(key))?.push({ node, parts });
    }
    if (adapter.requireCalls.includes(text)) {
      const source = stringArg(ctx, parts, 0);
      if (source !== undefined) addImport({ source, kind: 'require', names: requireNames(ctx, node), start: node.startIndex, end: node.endIndex });
      return;
    }
    if (adapter.envCalls.includes(text)) {
      const name = stringArg(ctx, parts, 0);
      const fallback = parts.args[1] ?? parts.keywords.get('default');
      if (name !== undefined) env.push({ name, via: text, start: node.startIndex, end: node.endIndex, ...(fallback ? { fallback: exprs.expr(fallback, 1) } : {}) });
    }
    const call = messengers.fromCall(node, parts, path);
    if (call) messengerCalls.push(call);
    if (cryptoApiFor(family, path)) cryptoCalls.push({ node, parts, path });
  });
  for (const list of methods.values()) list.sort((a, b) => a.node.startIndex - b.node.startIndex);
  for (const { node, parts, path } of cryptoCalls) {
    const api = cryptoApiFor(family, path);
    const found = api ? readCrypto(ctx, exprs, scope, methods, api, node, parts) : undefined;
    if (found) crypto.push(found);
  }

  // Assignments and declarations: messenger settings, literals, destructured environment reads.
  for (const { node, declaration, left, right: rawRight } of bindings) {
    const right = ctx.unwrap(rawRight);
    const last = adapter.lastName(ctx, left);
    const path = last !== undefined && shapes.lastNames.assignment.has(last) ? pathOf(ctx, left, scope.aliases) : undefined;
    const call = path ? messengers.fromAssignment(node, path, right) : undefined;
    if (call) messengerCalls.push(call);
    const literal = bindingLiteral(ctx, family, declaration, left, right);
    if (literal) literals.push(literal);
    const names = adapter.pattern(ctx, left);
    const source = names ? pathOf(ctx, right, scope.aliases) : undefined;
    if (names && source && adapter.envObjects.includes(pathText(source))) {
      for (const n of names) env.push({ name: n.key, via: pathText(source), ...span(n.node), ...(n.fallback ? { fallback: exprs.expr(n.fallback, 1) } : {}) });
    }
  }

  // Object properties, class fields and keyword arguments that bind a name to a value.
  for (const role of ['pair', 'field', 'kwarg'] as const) {
    each(role, (node) => {
      const sides = adapter.sides(ctx, node);
      if (!sides) return;
      const key = sides.left;
      const value = ctx.unwrap(sides.right);
      const name = adapter.keyName(ctx, key);
      if (name === undefined) return;
      if (role === 'pair' && shapes.lastNames.property.has(name)) {
        const call = messengers.fromProperty(node, name, value);
        if (call) messengerCalls.push(call);
      }
      const literal = entryLiteral(ctx, role, key, name, value);
      if (literal) literals.push(literal);
    });
  }

  // `process.env.X || 'default'`: the `||` node by its left side's id; its right side is read
  // only for the few left sides that are environment reads.
  const fallbacks = new Map<number, Node>();
  each('fallback', (node, left) => { if (left) fallbacks.set(left.id, node); });
  const envNames = adapter.envObjects.map((o) => o.slice(o.lastIndexOf('.') + 1));
  each('env', (node, object) => {
    // Most candidates are `a.b.c` with another name before the last dot: the text decides.
    if (!object || !envNames.some((n) => source.endsWith(n, object.endIndex))) return;
    const read = envRead(ctx, node, fallbackOf(ctx, fallbacks.get(node.id)), exprs);
    if (read) env.push(read);
  });

  const directiveFacts = family === 'js' ? directives(ctx, root) : [];
  let asyncDefaultComponent = false;
  const topLevel = new TopLevel(ctx, root);
  each('export', (node) => {
    const { facts, defaultFunction, defaultName } = esExports(ctx, node, topLevel);
    exports.push(...facts);
    if (defaultFunction && facts[0]?.async) asyncDefaultComponent = isComponent(ctx, defaultFunction, defaultName);
  });

  // Only JSX grammars have elements; `.ts` files are parsed without JSX.
  const elements = language === 'tsx' || language === 'javascript' ? jsxElements(ctx, root, importedFrom, scope, exprs) : [];

  if (reads) reads.aliases = scope.aliasTable();
  const byStart = <T extends { start: number }>(list: T[]) => list.sort((a, b) => a.start - b.start);
  return {
    language,
    hasErrors: root.hasError,
    messengerCalls: byStart(messengerCalls),
    crypto: byStart(crypto),
    env: byStart(env),
    literals: byStart(literals),
    directives: directiveFacts,
    imports: byStart(imports),
    exports: byStart(exports),
    ...(elements.length > 0 ? { elements } : {}),
    asyncDefaultComponent,
    work: ctx.work,
  };
}

/** The query's matches grouped by the role of their node, in match order. */
export function capturesByRole(ctx: Ctx, matches: readonly QueryMatch[]): Map<Role, Captured[]> {
  const groups = new Map<Role, Captured[]>();
  for (const match of matches) {
    ctx.work += match.captures.length;
    let role: Role | undefined;
    let node: Node | undefined;
    let aux: Node | undefined;
    for (const c of match.captures) {
      if (c.name === 'aux') aux = c.node;
      else if (ROLES.has(c.name)) {
        role = c.name as Role;
        node = c.node;
      }
    }
    if (role && node) (groups.get(role) ?? groups.set(role, []).get(role))?.push(aux ? { node, aux } : { node });
  }
  return groups;
}

/**
 * Whether a call whose callee ends in a name is worth reading. Calls are many and most call
 * nothing any table names: their callee's last name decides before any argument is read.
 */
export function callFilter(language: SyntaxLanguage, shapes: ShapeIndex): (name: string) => boolean {
  const { family, adapter } = adapterFor(language);
  const envCallNames = new Set(adapter.envCalls.map((c) => c.slice(c.lastIndexOf('.') + 1)));
  return (name) => shapes.lastNames.call.has(name) || envCallNames.has(name) || adapter.requireCalls.includes(name) || mayBeCrypto(family, name);
}

/** The string a declaration or assignment binds (`const KEY = 'x'`, `a.b = 'x'`), `right` unwrapped. */
export function bindingLiteral(ctx: Ctx, family: Family, declaration: boolean, left: Node, right: Node): BoundLiteral | undefined {
  const value = ctx.adapter.stringValue(ctx, right);
  // Literals report the name as written; the alias only helped to match a messenger.
  const written = value !== undefined ? pathOf(ctx, left) : undefined;
  if (value === undefined || !written?.complete) return undefined;
  const name = written.segments[written.segments.length - 1] as string;
  // Outside JavaScript a plain `name = value` declares the name.
  const kind = declaration || (written.segments.length === 1 && family !== 'js') ? 'variable' : 'assignment';
  return { name, ...(written.segments.length > 1 ? { path: pathText(written) } : {}), nameSpan: span(left), value, kind, ...span(right) };
}

/** The string an object property, class field or keyword argument binds, `value` unwrapped. */
export function entryLiteral(ctx: Ctx, role: 'pair' | 'field' | 'kwarg', key: Node, name: string, value: Node): BoundLiteral | undefined {
  const literal = ctx.adapter.stringValue(ctx, value);
  return literal === undefined ? undefined : { name, nameSpan: span(key), value: literal, kind: role === 'pair' ? 'property' : role === 'field' ? 'field' : 'keyword', ...span(value) };
}

/** Records what a declaration or assignment binds: a variable, an alias, or a member. */
function bind(ctx: Ctx, scope: Scope, { node, left, right }: Bound): void {
  const at = node.startIndex;
  // A plain name (`x`, Ruby's `X`, PHP's `$x`): one step with nothing after it.
  const plain = ctx.adapter.step(ctx, left);
  if (plain?.identifier && !plain.next) {
    const name = plain.segment;
    scope.bind(name, at, right);
    const segments = scope.isAlias(name) ? undefined : plainAlias(ctx, name, right, scope.aliases);
    if (segments) scope.defineAlias(name, segments, node);
    return;
  }
  const names = ctx.adapter.pattern(ctx, left);
  if (names) {
    // `const { boot } = useIntercom()`: boot stands for useIntercom().boot.
    const source = pathOf(ctx, right, scope.aliases);
    // `const { a } = require('m')` is an import (see importedFrom), not an alias.
    if (!source?.complete || source.segments[0] === 'require()') return;
    for (const n of names) if (n.local !== undefined) scope.defineAlias(n.local, [...source.segments, n.key], node);
    return;
  }
  const path = pathOf(ctx, left, scope.aliases);
  if (path?.complete && path.segments.length >= 2) {
    const object = path.segments.slice(0, -1).join('.');
    scope.assignMember(object, path.segments[path.segments.length - 1] as string, at, node, right);
  }
}

/**
 * What `name = right` makes `name` an alias of: `const c = window.$crisp` and
 * `const c = window.$crisp || []` make c stand for $crisp. Undefined when the value is no name
 * or member path, or is the name itself.
 */
export function plainAlias(ctx: Ctx, name: string, right: Node, aliases: Aliases): readonly string[] | undefined {
  const value = aliasValue(ctx, right);
  const kind = value ? ctx.adapter.kind(ctx, value) : undefined;
  if (kind !== 'identifier' && kind !== 'member') return undefined;
  const path = pathOf(ctx, value as Node, aliases);
  return path?.complete && !(path.segments.length === 1 && path.segments[0] === name) ? path.segments : undefined;
}

/** The value an alias would stand for: the left side of `a || b` and `a ?? b`. */
function aliasValue(ctx: Ctx, right: Node): Node | undefined {
  const n = ctx.unwrap(right);
  if (n.type !== 'binary_expression' && n.type !== 'boolean_operator') return n;
  const operator = ctx.field(n, 'operator');
  const op = operator ? ctx.text(operator, 4) : '';
  const left = op === '||' || op === '??' || op === 'or' ? ctx.field(n, 'left') : undefined;
  return left ? ctx.unwrap(left) : undefined;
}

/**
 * `process.env.NAME`, `process.env['NAME']`, `os.environ['NAME']`: `node` is a candidate (a
 * member of a member, a subscript); it is a read when its object names the environment.
 */
function envRead(ctx: Ctx, node: Node, fallback: Node | undefined, exprs: ExprBuilder): EnvRead | undefined {
  const step = ctx.adapter.step(ctx, node);
  const object = step?.next ? pathOf(ctx, step.next) : undefined;
  const via = object ? pathText(object) : undefined;
  if (!step || via === undefined || !ctx.adapter.envObjects.includes(via)) return undefined;
  return { name: step.segment, via, start: node.startIndex, end: node.endIndex, ...(fallback ? { fallback: exprs.expr(fallback, 1) } : {}) };
}

/** The right side of `left || right` (`??`, Python `or`), when the operator is one of those. */
function fallbackOf(ctx: Ctx, node: Node | undefined): Node | undefined {
  if (!node) return undefined;
  const operator = ctx.field(node, 'operator');
  const op = operator ? ctx.text(operator, 4) : '';
  return op === '||' || op === '??' || op === 'or' ? ctx.field(node, 'right') : undefined;
}

function stringArg(ctx: Ctx, parts: CallParts, index: number): string | undefined {
  const arg = parts.args[index];
  return arg ? ctx.adapter.stringValue(ctx, ctx.unwrap(arg)) : undefined;
}

/** `const { a, b: c } = require('m')` and `const m = require('m')`: the names bound. */
function requireNames(ctx: Ctx, call: Node): { imported: string; local: string }[] {
  const parent = ctx.parent(call);
  if (parent?.type !== 'variable_declarator') return [];
  const name = ctx.field(parent, 'name');
  if (!name) return [];
  if (name.type === 'identifier') return [{ imported: '*', local: ctx.text(name, 200) }];
  return (ctx.adapter.pattern(ctx, name) ?? []).map((n) => ({ imported: n.key, local: n.local ?? n.key }));
}

function span(node: Node): { start: number; end: number } {
  return { start: node.startIndex, end: node.endIndex };
}
