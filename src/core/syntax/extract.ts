/**
 * From one tree and the matches of its language's query to FileFacts. The query captures one
 * node per match: `call`, `assign` and `decl`, `pair`, `field` and `kwarg`, `env` (candidate
 * environment reads), `fallback` (`a || b`), `import`, `export`. Bindings come first, because
 * a call reads the aliases and variables bound before it.
 */
import type { QueryMatch } from 'web-tree-sitter';
import { adapterFor } from './adapters/index';
import { cryptoApiFor, readCrypto, RESULT_METHODS } from './crypto';
import { ExprBuilder } from './expr';
import type { BoundLiteral, CryptoCall, EnvRead, ExportFact, FileFacts, ImportFact, MessengerCall } from './facts';
import type { SyntaxLanguage } from './languages';
import { MessengerReader, type ShapeIndex } from './messengers';
import { directives, esExports, esImport, isComponent, pythonImports, TopLevel } from './modules';
import { Ctx, type CallParts, type Node } from './nodes';
import { pathOf, pathText, type Path } from './paths';
import { Scope } from './scope';

type Role = 'call' | 'assign' | 'decl' | 'pair' | 'field' | 'kwarg' | 'env' | 'fallback' | 'import' | 'export';
const ROLES: ReadonlySet<string> = new Set<Role>(['call', 'assign', 'decl', 'pair', 'field', 'kwarg', 'env', 'fallback', 'import', 'export']);

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
}

/** Every fact of one file. Never throws on a tree with errors: it reads the parts that parsed. */
export function extractFacts({ source, language, root, matches, shapes }: ExtractInput): FileFacts {
  const { family, adapter } = adapterFor(language);
  const ctx = new Ctx(source, adapter);
  const groups = new Map<Role, Node[]>();
  for (const match of matches) {
    ctx.work += match.captures.length;
    for (const c of match.captures) {
      if (ROLES.has(c.name)) (groups.get(c.name as Role) ?? groups.set(c.name as Role, []).get(c.name as Role))?.push(c.node);
    }
  }
  const each = (role: Role, fn: (node: Node) => void) => { for (const n of groups.get(role) ?? []) fn(n); };

  const scope = new Scope();
  const bindings: Bound[] = [];
  for (const role of ['decl', 'assign'] as const) {
    each(role, (node) => {
      const sides = adapter.sides(ctx, node);
      if (sides) bindings.push({ node, declaration: role === 'decl', ...sides });
    });
  }
  for (const b of bindings) bind(ctx, scope, b);
  const exprs = new ExprBuilder(ctx);
  const messengers = new MessengerReader(ctx, scope, exprs, shapes);

  const messengerCalls: MessengerCall[] = [];
  const crypto: CryptoCall[] = [];
  const env: EnvRead[] = [];
  const literals: BoundLiteral[] = [];
  const imports: ImportFact[] = [];
  const exports: ExportFact[] = [];

  // Calls: messenger calls, environment lookups, require/import(), and crypto APIs (read once
  // every `h.update(…)` on a variable is indexed).
  const methods = new Map<string, { node: Node; parts: CallParts }[]>();
  const cryptoCalls: { node: Node; parts: CallParts; path: Path }[] = [];
  each('call', (node) => {
    const parts = adapter.call(ctx, node);
    if (!parts) return;
    if (parts.callee.type === 'import') {
      const source = stringArg(ctx, parts, 0);
      if (source !== undefined) imports.push({ source, kind: 'dynamic', names: [], start: node.startIndex, end: node.endIndex });
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
    if (family === 'js' && text === 'require') {
      const source = stringArg(ctx, parts, 0);
      if (source !== undefined) imports.push({ source, kind: 'require', names: requireNames(ctx, node), start: node.startIndex, end: node.endIndex });
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
    const path = pathOf(ctx, left, scope.aliases);
    if (path) {
      const call = messengers.fromAssignment(node, path, right);
      if (call) messengerCalls.push(call);
      const value = adapter.stringValue(ctx, right);
      // Literals report the name as written; the alias only helped to match a messenger.
      const written = value !== undefined ? pathOf(ctx, left) : undefined;
      if (value !== undefined && written?.complete) {
        const name = written.segments[written.segments.length - 1] as string;
        const kind = declaration || (written.segments.length === 1 && family === 'python') ? 'variable' : 'assignment';
        literals.push({ name, ...(written.segments.length > 1 ? { path: pathText(written) } : {}), nameSpan: span(left), value, kind, ...span(right) });
      }
    }
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
      if (role === 'pair') {
        const call = messengers.fromProperty(node, name, value);
        if (call) messengerCalls.push(call);
      }
      const literal = adapter.stringValue(ctx, value);
      if (literal !== undefined) literals.push({ name, nameSpan: span(key), value: literal, kind: role === 'pair' ? 'property' : role === 'field' ? 'field' : 'keyword', ...span(value) });
    });
  }

  // `process.env.X || 'default'`: the right side, found by the left side's id.
  const fallbacks = new Map<number, Node>();
  each('fallback', (node) => {
    const operator = ctx.field(node, 'operator');
    const op = operator ? ctx.text(operator, 4) : '';
    const left = ctx.field(node, 'left');
    const right = ctx.field(node, 'right');
    if (left && right && (op === '||' || op === '??' || op === 'or')) fallbacks.set(left.id, right);
  });
  const envNames = new Set(adapter.envObjects.map((o) => o.slice(o.lastIndexOf('.') + 1)));
  each('env', (node) => {
    const read = envRead(ctx, node, envNames, fallbacks.get(node.id), exprs);
    if (read) env.push(read);
  });

  const directiveFacts = family === 'js' ? directives(ctx, root) : [];
  let asyncDefaultComponent = false;
  each('import', (node) => {
    if (family === 'python') imports.push(...pythonImports(ctx, node));
    else {
      const fact = esImport(ctx, node);
      if (fact) imports.push(fact);
    }
  });
  const topLevel = new TopLevel(ctx, root);
  each('export', (node) => {
    const { facts, defaultFunction, defaultName } = esExports(ctx, node, topLevel);
    exports.push(...facts);
    if (defaultFunction && facts[0]?.async) asyncDefaultComponent = isComponent(ctx, defaultFunction, defaultName);
  });

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
    asyncDefaultComponent,
    work: ctx.work,
  };
}

/** Records what a declaration or assignment binds: a variable, an alias, or a member. */
function bind(ctx: Ctx, scope: Scope, { node, left, right }: Bound): void {
  const at = node.startIndex;
  if (left.type === 'identifier') {
    const name = ctx.text(left, 200);
    scope.bind(name, at, right);
    // `const c = window.$crisp`, `const c = window.$crisp || []`: c stands for $crisp.
    const value = aliasValue(ctx, right);
    const path = value ? pathOf(ctx, value, scope.aliases) : undefined;
    if (path?.complete && !scope.aliases.has(name) && !(path.segments.length === 1 && path.segments[0] === name)) {
      const kind = ctx.adapter.kind(ctx.unwrap(value as Node));
      if (kind === 'identifier' || kind === 'member') scope.aliases.set(name, path.segments);
    }
    return;
  }
  const names = ctx.adapter.pattern(ctx, left);
  if (names) {
    // `const { boot } = useIntercom()`: boot stands for useIntercom().boot.
    const source = pathOf(ctx, right, scope.aliases);
    if (!source?.complete) return;
    for (const n of names) if (n.local !== undefined && !scope.aliases.has(n.local)) scope.aliases.set(n.local, [...source.segments, n.key]);
    return;
  }
  const path = pathOf(ctx, left, scope.aliases);
  if (path?.complete && path.segments.length >= 2) {
    const object = path.segments.slice(0, -1).join('.');
    scope.assignMember(object, path.segments[path.segments.length - 1] as string, at, node, right);
  }
}

/** The value an alias would stand for: the left side of `a || b` and `a ?? b`. */
function aliasValue(ctx: Ctx, right: Node): Node | undefined {
  const n = ctx.unwrap(right);
  if (n.type !== 'binary_expression' && n.type !== 'boolean_operator') return n;
  const operator = ctx.field(n, 'operator');
  const op = operator ? ctx.text(operator, 4) : '';
  return op === '||' || op === '??' || op === 'or' ? ctx.field(n, 'left') : undefined;
}

/**
 * `process.env.NAME`, `process.env['NAME']`, `os.environ['NAME']`: `node` is a candidate (any
 * member of a member, any subscript); it is a read when its object names the environment.
 */
function envRead(ctx: Ctx, node: Node, envNames: ReadonlySet<string>, fallback: Node | undefined, exprs: ExprBuilder): EnvRead | undefined {
  const step = ctx.adapter.step(ctx, node);
  if (!step?.next) return undefined;
  // Most candidates end in some other name: one step decides before the whole path is read.
  const objectStep = ctx.adapter.step(ctx, ctx.unwrap(step.next));
  if (!objectStep || !envNames.has(objectStep.segment)) return undefined;
  const object = pathOf(ctx, step.next);
  const via = object ? pathText(object) : undefined;
  if (via === undefined || !ctx.adapter.envObjects.includes(via)) return undefined;
  return { name: step.segment, via, start: node.startIndex, end: node.endIndex, ...(fallback ? { fallback: exprs.expr(fallback, 1) } : {}) };
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
