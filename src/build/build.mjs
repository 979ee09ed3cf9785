// One build entry point, one bundler (esbuild).
//   node src/build/build.mjs               bundles dist/ (extension, CLI, ESLint plugin)
//   node src/build/build.mjs --production  minified, no source maps (vsce prepublish)
//   node src/build/build.mjs --tests       transpiles src/ and test/ to out/ for mocha; type checking
//                                          is `tsc --noEmit`'s job, so this stays fast.
//   node src/build/build.mjs --watch       rebuilds dist/ on every change (npm run watch)
// The build only reads the committed sources: generated ones (snippets/, teddy.wasm.ts, parts of
// package.json and README.md, config.schema.json) are written by `npm run generate` alone.
import * as esbuild from 'esbuild';
import { copyFileSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { copyGrammars, GRAMMARS_MANIFEST } from './grammars.mjs';

const production = process.argv.includes('--production');
const tests = process.argv.includes('--tests');
const watch = process.argv.includes('--watch');

/** Every .ts file below `dir`, skipping fixtures (they are data, not code). */
function tsFiles(dir) {
  const out = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) {
      if (name !== 'fixtures') out.push(...tsFiles(p));
    } else if (name.endsWith('.ts') && !name.endsWith('.d.ts')) {
      out.push(p);
    }
  }
  return out;
}

const common = {
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  // jsonc-parser's "main" is a UMD build whose dynamic requires esbuild cannot follow;
  // its ESM build ("module") bundles cleanly.
  mainFields: ['module', 'main'],
  sourcemap: !production,
  logLevel: 'warning',
};

if (tests) {
  rmSync('out', { recursive: true, force: true });
  await esbuild.build({
    ...common,
    entryPoints: [...tsFiles('src'), ...tsFiles('test')],
    outdir: 'out',
    outbase: '.',
    sourcemap: 'inline',
  });
  // Transpiled (not bundled) modules keep their `import ... from '../../../package.json'` and
  // languages.ts its grammars.json.
  copyFileSync('package.json', join('out', 'package.json'));
  copyFileSync(GRAMMARS_MANIFEST, join('out', GRAMMARS_MANIFEST));
  // The syntax layer's tests load the grammars from here, as the bundles do from dist/grammars.
  copyGrammars(join('out', 'grammars'));
} else {
  // Start clean so a production build never ships a stale source map from a dev build.
  rmSync('dist', { recursive: true, force: true });
  // Data the package ships beside the bundles: the .idvrc.json schema (for the manifest's
  // jsonValidation), the walkthrough pages and the syntax layer's grammars.
  mkdirSync('dist/walkthrough', { recursive: true });
  copyFileSync('src/core/engine/config.schema.json', 'dist/idvrc.schema.json');
  for (const page of readdirSync('src/extension/walkthrough')) copyFileSync(join('src/extension/walkthrough', page), join('dist/walkthrough', page));
  copyGrammars(join('dist', 'grammars'));
  const bundles = [
    { entryPoints: { extension: 'src/extension/extension.ts' }, external: ['vscode'] },
    { entryPoints: { cli: 'src/cli/main.ts' }, banner: { js: '#!/usr/bin/env node' } },
    // The ESLint plugin (package export `./eslint-plugin`). @typescript-eslint/utils is bundled (its
    // RuleCreator is a few lines) so users need nothing but eslint, which the plugin never imports.
    { entryPoints: { 'eslint-plugin': 'src/eslint-plugin/index.ts' }, external: ['eslint'] },
  ].map((options) => ({
    ...common, bundle: true, minify: production, outdir: 'dist',
    // web-tree-sitter's "import" condition is an ES module that finds its .wasm through
    // import.meta.url, which is empty in CommonJS output; its CommonJS build works.
    alias: { 'web-tree-sitter': './node_modules/web-tree-sitter/web-tree-sitter.cjs' },
    ...options,
  }));
  // The browser bundle (package.json `browser`): VS Code for the Web runs it in a web worker,
  // which has no Node.js. The modules it shares with the Node bundle import a few built-ins
  // for functions the web entry never calls (loadConfig reads a file, git runs a process, the
  // byte scanners use Buffer): those resolve to a stub that throws when used. Any other built-in
  // fails the build, so a new Node dependency of the web entry cannot slip in unnoticed;
  // test/unit/webBundle.test.ts loads the bundle without Node's globals and lints with it.
  bundles.push({
    ...common, bundle: true, minify: production, outdir: 'dist',
    entryPoints: { 'extension.web': 'src/extension/web/extension.ts' },
    platform: 'browser', target: 'es2022', external: ['vscode'],
    mainFields: ['browser', 'module', 'main'],
    // The syntax layer is not started in the browser (no grammar is loaded from the package):
    // web-tree-sitter, reached only through it, is the stub too.
    plugins: [nodeBuiltinsStub(['node:fs', 'node:path', 'node:buffer', 'node:child_process', 'web-tree-sitter'])],
  });
  if (watch) {
    // F5 (.vscode/launch.json) runs this as its pre-launch task; esbuild logs each rebuild.
    for (const options of bundles) await (await esbuild.context({ ...options, logLevel: 'info' })).watch();
  } else {
    await Promise.all(bundles.map((options) => esbuild.build(options)));
  }
}

/** Resolves the `allowed` Node built-ins (and modules) to a stub that throws when used; any other is an error. */
function nodeBuiltinsStub(allowed) {
  return {
    name: 'node-builtins-stub',
    setup(build) {
      build.onResolve({ filter: /^node:|^web-tree-sitter$|^(fs|path|buffer|child_process|crypto|os|util|events|stream|url|zlib)(\/.*)?$/ }, (args) => (allowed.includes(args.path)
        ? { path: args.path, namespace: 'node-builtin-stub' }
        : { errors: [{ text: `${args.path} (imported by ${args.importer}) is not available in the browser bundle` }] }));
      build.onLoad({ filter: /.*/, namespace: 'node-builtin-stub' }, (args) => ({
        loader: 'js',
        contents: `const name = ${JSON.stringify(args.path)};
const fail = (what) => { throw new Error(what + ' is not available in VS Code for the Web'); };
const stub = (what) => new Proxy(function () {}, { get: (_, key) => (typeof key === 'symbol' || key === 'then' ? undefined : stub(what + '.' + key)), apply: () => fail(what), construct: () => fail(what) });
module.exports = new Proxy({}, { get: (_, key) => (typeof key === 'symbol' || key === '__esModule' ? undefined : stub(name + '.' + key)) });`,
      }));
    },
  };
}
