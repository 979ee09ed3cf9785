// The one generator for everything derived from the code (see derived.ts for the list, plus
// src/core/engine/teddy.wasm.ts compiled from teddy.wat by wasm.mjs).
//   node src/build/generate.mjs            rewrite what is stale (npm run generate)
//   node src/build/generate.mjs --check    exit 1 naming every stale file; writes nothing
//   --root DIR                             work on another checkout (the generator's own test)
// `npm test` runs --check first, before any build, so a stale committed file cannot be
// regenerated behind the check's back. The build never writes these files.
import * as esbuild from 'esbuild';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { GENERATED_FILE, generatedWasmSource } from './wasm.mjs';

const check = process.argv.includes('--check');
const rootArg = process.argv.indexOf('--root');
const root = resolve(rootArg >= 0 ? process.argv[rootArg + 1] : '.');
// Packages resolve from this checkout's node_modules even when --root names a bare copy.
const ownNodeModules = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'node_modules');

/** derived.ts bundled (it imports the TypeScript engine and catalogue) and loaded. */
async function loadDerived() {
  const dir = mkdtempSync(join(tmpdir(), 'idv-generate-'));
  try {
    const outfile = join(dir, 'derived.cjs');
    await esbuild.build({
      entryPoints: [join(root, 'src', 'build', 'derived.ts')], outfile, bundle: true, platform: 'node', format: 'cjs',
      target: 'node20', mainFields: ['module', 'main'], nodePaths: [ownNodeModules], logLevel: 'warning',
    });
    return createRequire(import.meta.url)(outfile);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const { derive } = await loadDerived();
const read = (path) => readFileSync(join(root, path), 'utf8');
const { files, ownedFolders } = derive(read);
const expected = new Map(files);
expected.set(GENERATED_FILE, await generatedWasmSource(root));

const stale = [];
for (const [path, text] of expected) {
  const file = join(root, path);
  if (!existsSync(file) || readFileSync(file, 'utf8') !== text) stale.push(path);
}
const extra = [];
for (const { dir, suffix } of ownedFolders) {
  if (!existsSync(join(root, dir))) continue;
  for (const name of readdirSync(join(root, dir))) {
    const path = `${dir}/${name}`;
    if (name.endsWith(suffix) && !expected.has(path)) extra.push(path);
  }
}

if (check) {
  if (stale.length + extra.length > 0) {
    console.error(`Stale generated files (run \`npm run generate\` and commit the result):\n${[...stale, ...extra.map((p) => `${p} (no longer generated)`)].map((p) => `  ${p}`).join('\n')}`);
    process.exitCode = 1;
  } else {
    console.log(`${expected.size} generated files are up to date.`);
  }
} else {
  for (const path of stale) writeFileSync(join(root, path), expected.get(path));
  for (const path of extra) rmSync(join(root, path));
  console.log(stale.length + extra.length === 0 ? 'Nothing to regenerate.' : `Regenerated: ${[...stale, ...extra.map((p) => `${p} (removed)`)].join(', ')}`);
}
