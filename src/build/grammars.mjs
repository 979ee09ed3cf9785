// The syntax layer's WebAssembly files (the tree-sitter runtime and one grammar per language,
// listed in src/core/syntax/grammars.json) are copied beside the bundles at build time, so the
// extension, the CLI and the ESLint plugin load them from dist/grammars/ and the packages they
// come from are build-time dependencies only (none has an install script, none is needed at run
// time). Nothing is loaded until a file of that language is parsed.
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';

export const GRAMMARS_MANIFEST = 'src/core/syntax/grammars.json';

/**
 * Copies the runtime and every grammar from node_modules (the build runs at the repository root;
 * web-tree-sitter's `exports` hide its package.json from require.resolve) into `destination`.
 * Returns the files written.
 */
export function copyGrammars(destination) {
  const manifest = JSON.parse(readFileSync(GRAMMARS_MANIFEST, 'utf8'));
  mkdirSync(destination, { recursive: true });
  const written = [];
  for (const entry of [manifest.runtime, ...Object.values(manifest.grammars)]) {
    const target = join(destination, basename(entry.file));
    copyFileSync(join('node_modules', entry.package, entry.file), target);
    written.push(target);
  }
  return written;
}
