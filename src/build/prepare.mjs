// npm's `prepare` script: the production build, which `npm pack` and an install from a git
// checkout run before packing (pre-commit's `language: node` installs this repository so).
//
// pre-commit 4.6.1 and later run `npm install -g git+file://<clone>`. npm then installs the
// clone's dependencies with a child `npm install` that inherits `npm_config_global=true` from its
// parent, so they go to the global prefix and the clone gets no node_modules at all (seen with
// pre-commit 4.6.2 and npm 11.19: "Cannot find package 'esbuild'"). A checkout without
// node_modules therefore gets its packages here first, from the lock file and as local ones;
// `--ignore-scripts` keeps that install from running this script again. A checkout that has
// node_modules (a developer's, or pre-commit's before 4.6.1) is built as it is.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

// stdout stays empty: before 4.6.1 pre-commit reads the tarball's name from npm pack's stdout.
const quiet = { stdio: ['ignore', 2, 2] };
if (!existsSync('node_modules')) {
  process.stderr.write('prepare: no node_modules here; installing the build\'s packages with npm ci\n');
  // The npm that runs this script (npm_execpath), not whichever one PATH finds first.
  const npm = process.env.npm_execpath ? [process.execPath, process.env.npm_execpath] : ['npm'];
  const args = ['ci', '--global=false', '--include=dev', '--ignore-scripts', '--no-audit', '--no-fund'];
  const result = spawnSync(npm[0], [...npm.slice(1), ...args], quiet);
  if (result.status !== 0) process.exit(result.status ?? 1);
}
const build = spawnSync(process.execPath, ['src/build/build.mjs', '--production'], quiet);
process.exit(build.status ?? 1);
