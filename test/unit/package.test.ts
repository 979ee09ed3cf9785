import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(__dirname, '..', '..', '..');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  name: string; main: string; bin: Record<string, string>; activationEvents: string[];
  contributes: { commands: Array<{ command: string; category: string }> };
};

describe('package', () => {
  it('links walkthrough steps only to contributed commands, and each step to a command', () => {
    const pkg = manifest as unknown as { contributes: { commands: Array<{ command: string }>; walkthroughs: Array<{ steps: Array<{ id: string; description: string }> }> } };
    const contributed = new Set(pkg.contributes.commands.map((c) => c.command));
    for (const step of pkg.contributes.walkthroughs.flatMap((w) => w.steps)) {
      const links = [...step.description.matchAll(/\(command:([\w.]+)/g)].map((m) => m[1]);
      assert.ok(links.length > 0, `step ${step.id} runs a command`);
      for (const id of links) assert.ok(contributed.has(id ?? ''), `step ${step.id} links ${id}`);
    }
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
