/**
 * `node out/test/integration/prepareWorkspace.js DIR`: a fresh copy of the fixture workspace in
 * DIR, made a git repository as the integration runner makes it, for running the suite from
 * VS Code with F5 (.vscode/launch.json, "Extension Tests").
 */
import { cpSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { makeRepository } from './fixtureWorkspace';

const target = process.argv[2];
if (!target) {
  console.error('usage: node out/test/integration/prepareWorkspace.js DIR');
  process.exitCode = 2;
} else {
  const dir = resolve(target);
  rmSync(dir, { recursive: true, force: true });
  cpSync(join(__dirname, '..', '..', '..', 'test', 'fixtures', 'workspace'), dir, { recursive: true });
  makeRepository(dir);
  console.log(`Fixture workspace ready in ${dir}`);
}
