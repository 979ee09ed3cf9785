import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(__dirname, '..', '..', '..');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  name: string; main: string; bin: Record<string, string>; activationEvents: string[];
  contributes: { commands: Array<{ command: string; category: string }> };
};

describe('package', () => {
  it('the .vsix would hold only dist/, snippets/ and the four top-level documents', function () {
    this.timeout(60_000);
    const files = execFileSync(join(root, 'node_modules', '.bin', 'vsce'), ['ls', '--no-dependencies'], { cwd: root, encoding: 'utf8' })
      .split('\n').filter((line) => line.trim() !== '');
    assert.ok(files.includes('package.json') && files.some((f) => f.startsWith('dist/')), files.join(', '));
    const allowed = (file: string) => /^(dist|snippets)\//.test(file) || ['package.json', 'README.md', 'LICENSE', 'CHANGELOG.md'].includes(file);
    assert.deepEqual(files.filter((f) => !allowed(f)), []);
  });

  it('names commands idv.<verbNoun> in the "Identity Verification" category and never activates on *', () => {
    assert.equal(manifest.name, 'identity-verification-kit');
    for (const command of manifest.contributes.commands) {
      assert.match(command.command, /^idv\.[a-z]+[A-Z][A-Za-z]*$/);
      assert.equal(command.category, 'Identity Verification');
    }
    assert.ok(!manifest.activationEvents.includes('*'));
    assert.equal(manifest.bin.idv, './dist/cli.js');
  });
});
