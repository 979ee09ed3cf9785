// One build entry point, one bundler (esbuild).
//   node src/build/build.mjs               bundles dist/ (extension, CLI)
//   node src/build/build.mjs --production  minified, no source maps (vsce prepublish)
//   node src/build/build.mjs --tests       transpiles src/ and test/ to out/ for mocha; type checking
//                                          is `tsc --noEmit`'s job, so this stays fast.
import * as esbuild from 'esbuild';
import { readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';

const production = process.argv.includes('--production');
const tests = process.argv.includes('--tests');

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
} else {
  // Start clean so a production build never ships a stale source map from a dev build.
  rmSync('dist', { recursive: true, force: true });
  await Promise.all([
    esbuild.build({
      ...common,
      bundle: true,
      minify: production,
      entryPoints: { extension: 'src/extension/extension.ts' },
      outdir: 'dist',
      external: ['vscode'],
    }),
    esbuild.build({
      ...common,
      bundle: true,
      minify: production,
      entryPoints: { cli: 'src/cli/main.ts' },
      outdir: 'dist',
      banner: { js: '#!/usr/bin/env node' },
    }),
  ]);
}
