/** The fixture workspace as the integration suite and the screenshot script open it. */
import { execFileSync } from 'node:child_process';
import { renameSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Makes the test workspace a git repository with everything committed but what its .gitignore
 * excludes. The fixture keeps it as `_gitignore`, or this repository would obey it too.
 */
export function makeRepository(dir: string): void {
  renameSync(join(dir, '_gitignore'), join(dir, '.gitignore'));
  const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=IDV Tests', '-c', 'user.email=tests@invalid', '-c', 'init.defaultBranch=main', ...args], { cwd: dir, stdio: 'ignore' });
  git('init', '-q');
  git('add', '-A');
  git('commit', '-q', '-m', 'fixture');
}
