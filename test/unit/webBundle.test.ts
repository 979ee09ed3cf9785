/**
 * The browser bundle (dist/extension.web.js) in a Node `vm` context that has only what a web
 * worker has (no require, process, Buffer or Node built-ins), with a small `vscode` stand-in:
 * it activates, lints a document with the text scanner and computes a user hash through
 * WebCrypto, equal to node:crypto's. The integration suite's web pass runs the same bundle in
 * the real workbench's web worker; this catches a Node dependency in seconds. Needs
 * `node src/build/build.mjs` first (the `build` stage of npm test comes before `unit`).
 */
import * as assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vm from 'node:vm';
import { computeUserHash } from '../../src/core/hmac';

const BUNDLE = join(__dirname, '..', '..', '..', 'dist', 'extension.web.js');
const MANIFEST: unknown = JSON.parse(readFileSync(join(__dirname, '..', '..', '..', 'package.json'), 'utf8'));

type Listener = (value: unknown) => void;

/** VS Code's EventEmitter, as far as the extension uses it. */
class EventEmitter {
  private readonly listeners: Listener[] = [];
  readonly event = (listener: Listener) => {
    this.listeners.push(listener);
    return { dispose: () => undefined };
  };
  fire(value?: unknown): void {
    for (const listener of [...this.listeners]) listener(value);
  }
  dispose(): void {}
}

class Uri {
  private constructor(readonly scheme: string, readonly path: string) {}
  static from(parts: { scheme: string; path: string }): Uri { return new Uri(parts.scheme, parts.path); }
  static parse(text: string): Uri { const at = text.indexOf(':'); return new Uri(text.slice(0, at), text.slice(at + 1)); }
  static joinPath(base: Uri, ...parts: string[]): Uri { return new Uri(base.scheme, [base.path, ...parts].join('/')); }
  get fsPath(): string { return this.path; }
  toString(): string { return `${this.scheme}:${this.path}`; }
}

class Position { constructor(readonly line: number, readonly character: number) {} }
class Range {
  readonly start: Position;
  readonly end: Position;
  constructor(a: number | Position, b: number | Position, c?: number, d?: number) {
    this.start = typeof a === 'number' ? new Position(a, b as number) : a;
    this.end = typeof a === 'number' ? new Position(c ?? 0, d ?? 0) : b as Position;
  }
}
class Diagnostic {
  source?: string;
  code?: unknown;
  constructor(readonly range: Range, readonly message: string, readonly severity: number) {}
}
class FileSystemError extends Error {
  constructor(readonly code: string) { super(code); }
  static FileNotFound(): FileSystemError { return new FileSystemError('FileNotFound'); }
}

/** Anything the test does not model: callable, constructible, writable, every property another stand-in, never a thenable. */
function anything(): unknown {
  return new Proxy(function () {}, {
    get: (_, key) => (key === 'then' || typeof key === 'symbol' ? undefined : key === 'dispose' ? () => undefined : anything()),
    set: () => true,
    apply: () => anything(),
    construct: () => anything() as object,
  });
}

/** Fills in `anything()` for every member the stand-in does not define. */
function withFallback<T extends object>(known: T): T {
  return new Proxy(known, { get: (target, key) => (key in target ? (target as Record<string | symbol, unknown>)[key] : typeof key === 'symbol' || key === 'then' ? undefined : anything()) });
}

function makeVscode() {
  const opened = new EventEmitter();
  const collections = new Map<string, unknown[]>();
  const setDiagnostics = new EventEmitter();
  const commands = new Map<string, (...args: unknown[]) => unknown>();
  const logged = new EventEmitter();
  const folder = { uri: Uri.from({ scheme: 'vscode-vfs', path: '/repo' }), name: 'repo', index: 0 };
  const vscode = withFallback({
    EventEmitter, Uri, Position, Range, Diagnostic, FileSystemError,
    DiagnosticSeverity: { Error: 0, Warning: 1, Information: 2, Hint: 3 },
    CodeActionKind: withFallback({ QuickFix: withFallback({ append: () => anything() }), SourceFixAll: withFallback({ append: () => anything() }) }),
    workspace: withFallback({
      textDocuments: [] as unknown[],
      onDidOpenTextDocument: opened.event,
      getWorkspaceFolder: () => folder,
      asRelativePath: (uri: Uri) => uri.path.replace(/^\/repo\//, ''),
      getConfiguration: () => ({ get: (_key: string, fallback: unknown) => fallback }),
      fs: { readFile: () => Promise.reject(FileSystemError.FileNotFound()) },
    }),
    languages: withFallback({
      createDiagnosticCollection: (name: string) => withFallback({
        set: (uri: Uri, diagnostics: unknown[]) => {
          collections.set(`${name} ${uri.toString()}`, diagnostics);
          setDiagnostics.fire(uri);
        },
      }),
    }),
    commands: withFallback({
      registerCommand: (id: string, handler: (...args: unknown[]) => unknown) => {
        commands.set(id, handler);
        return { dispose: () => undefined };
      },
      executeCommand: () => Promise.resolve(undefined),
    }),
    window: withFallback({
      createOutputChannel: () => withFallback({ error: (message: string) => logged.fire(message) }),
      showInformationMessage: () => Promise.resolve(undefined), showWarningMessage: () => Promise.resolve(undefined) }),
  });
  // The bundle copies the module's own names (esbuild's CommonJS interop): list the rest.
  for (const name of ['StatusBarAlignment', 'ThemeColor', 'CodeAction', 'WorkspaceEdit', 'CompletionItem', 'CompletionItemKind', 'SnippetString', 'MarkdownString', 'TabInputCustom', 'FileType', 'ExtensionMode', 'env', 'extensions', 'l10n', 'QuickPickItemKind', 'ViewColumn', 'Disposable']) {
    if (!(name in vscode)) (vscode as Record<string, unknown>)[name] = anything();
  }
  return { vscode, opened, collections, setDiagnostics, commands, folder, logged };
}

/** Loads the bundle in a context with a web worker's globals and nothing of Node's. */
function loadBundle(vscode: unknown): { activate(context: unknown): void } {
  const context = vm.createContext({
    console, setTimeout, clearTimeout, queueMicrotask, performance, URL, TextEncoder, TextDecoder, atob, btoa,
    crypto: globalThis.crypto, WebAssembly: (globalThis as Record<string, unknown>).WebAssembly,
  });
  const wrapper = vm.runInContext(`(function (module, exports, require) {\n${readFileSync(BUNDLE, 'utf8')}\n})`, context, { filename: BUNDLE }) as (m: unknown, e: unknown, r: unknown) => void;
  const module = { exports: {} as Record<string, unknown> };
  wrapper(module, module.exports, (name: string) => {
    if (name === 'vscode') return vscode;
    throw new Error(`the browser bundle required ${name}`);
  });
  return module.exports as { activate(context: unknown): void };
}

describe('the browser bundle without Node.js', () => {
  before(function () {
    if (!existsSync(BUNDLE)) throw new Error(`${BUNDLE} is missing: run node src/build/build.mjs first`);
  });

  it('has no Node globals in its context, so a Node dependency would fail here', () => {
    const context = vm.createContext({});
    assert.equal(vm.runInContext('typeof require + typeof process + typeof Buffer', context), 'undefinedundefinedundefined');
  });

  it('activates and lints a document with the text scanner', async () => {
    const shim = makeVscode();
    const extension = loadBundle(shim.vscode);
    const stored = new Map<string, string>();
    extension.activate(withFallback({ secrets: { get: (key: string) => Promise.resolve(stored.get(key)), store: () => Promise.resolve() }, subscriptions: [] as unknown[], extension: { packageJSON: MANIFEST } }));
    // Every command the manifest contributes: what works here, or the message saying why not.
    const contributed = (MANIFEST as { contributes: { commands: { command: string }[] } }).contributes.commands.map((c) => c.command);
    assert.deepEqual([...shim.commands.keys()].sort(), [...contributed].sort());

    const uri = Uri.joinPath(shim.folder.uri, 'server.env');
    const linted = new Promise<void>((resolve) => shim.setDiagnostics.event((set) => { if (String(set) === uri.toString()) resolve(); }));
    shim.opened.fire({ uri, languageId: 'dotenv', isClosed: false, getText: () => 'INTERCOM_IDENTITY_SECRET=zR4tY7uI0oP3aS6dF9gH2jK5lX8cV1bN\n' });
    // A lint that throws (a Node global, a stubbed built-in) is logged as an error: fail on it at once.
    await Promise.race([linted, new Promise((_, reject) => shim.logged.event((message) => reject(new Error(String(message)))))]);
    const diagnostics = shim.collections.get(`identity-verification ${uri.toString()}`) as Diagnostic[];
    // Spread: the bundle's arrays belong to the vm context's realm.
    assert.deepEqual([...diagnostics].map((d) => [(d.code as { value: string }).value, d.range.start.line, d.severity]), [['hardcoded-secret', 0, 0]]);
  });

  it('computes the user hash through WebCrypto, equal to node:crypto\'s', async () => {
    const shim = makeVscode();
    const extension = loadBundle(shim.vscode);
    extension.activate(withFallback({ secrets: { get: () => Promise.resolve('sk_ümlaut'), store: () => Promise.resolve() }, subscriptions: [] as unknown[], extension: { packageJSON: MANIFEST } }));
    const compute = shim.commands.get('idv.computeUserHash');
    assert.ok(compute);
    const result = await compute({ vendor: 'intercom', platform: 'web', identifier: 'zoë@example.com' }) as { hash: string };
    assert.equal(result.hash, computeUserHash('sk_ümlaut', 'zoë@example.com'));
  });
});
