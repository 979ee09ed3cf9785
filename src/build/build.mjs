// One build entry point, one bundler (esbuild).
//   node src/build/build.mjs               bundles dist/ (extension, CLI, ESLint plugin)
//   node src/build/build.mjs --production  minified, no source maps (vsce prepublish)
//   node src/build/build.mjs --check-snippets  also fails when snippets/*.code-snippets are stale
//   node src/build/build.mjs --tests       transpiles src/ and test/ to out/ for mocha; type checking
//                                          is `tsc --noEmit`'s job, so this stays fast.
import * as esbuild from 'esbuild';
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { copyGrammars, GRAMMARS_MANIFEST } from './grammars.mjs';
import { GENERATED_FILE, generatedWasmSource } from './wasm.mjs';

const production = process.argv.includes('--production');
const tests = process.argv.includes('--tests');
const checkSnippets = process.argv.includes('--check-snippets');

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

/** Options every bundle shares (transpiling the tests for mocha bundles nothing). */
const bundled = {
  ...common,
  bundle: true,
  minify: production,
  // web-tree-sitter's "import" condition is an ES module that finds its .wasm through
  // import.meta.url, which is empty in CommonJS output; its CommonJS build works.
  alias: { 'web-tree-sitter': './node_modules/web-tree-sitter/web-tree-sitter.cjs' },
};

// The pre-filter's WebAssembly module is compiled into a TypeScript file the bundles import.
const wasmSource = await generatedWasmSource();
if (!existsSync(GENERATED_FILE) || readFileSync(GENERATED_FILE, 'utf8') !== wasmSource) writeFileSync(GENERATED_FILE, wasmSource);

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
  await Promise.all([
    esbuild.build({
      ...bundled,
      entryPoints: { extension: 'src/extension/extension.ts' },
      outdir: 'dist',
      external: ['vscode'],
    }),
    esbuild.build({
      ...bundled,
      entryPoints: { cli: 'src/cli/main.ts' },
      outdir: 'dist',
      banner: { js: '#!/usr/bin/env node' },
    }),
    // The ESLint plugin (package export `./eslint-plugin`). @typescript-eslint/utils is bundled (its
    // RuleCreator is a few lines) so users need nothing but eslint, which the plugin never imports.
    esbuild.build({
      ...bundled,
      entryPoints: { 'eslint-plugin': 'src/eslint-plugin/index.ts' },
      outdir: 'dist',
      external: ['eslint'],
    }),
  ]);
}

/**
 * snippets/*.code-snippets are generated from the catalogue in src/core/snippets: bundle the
 * generator to a temporary file and run it (--check-snippets: fail instead when stale).
 */
async function generateSnippets(mode) {
  const dir = mkdtempSync(join(tmpdir(), 'idv-snippets-'));
  try {
    const outfile = join(dir, 'generateSnippets.cjs');
    await esbuild.build({ ...bundled, minify: false, sourcemap: false, entryPoints: ['src/build/generateSnippets.ts'], outfile });
    execFileSync(process.execPath, [outfile, mode], { stdio: 'inherit' });
  } catch (error) {
    // The generator has already said which files are stale; a stack trace would only bury it.
    if (mode !== '--check') throw error;
    process.exitCode = 1;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (checkSnippets) await generateSnippets('--check');
else if (!tests) await generateSnippets('--write');
