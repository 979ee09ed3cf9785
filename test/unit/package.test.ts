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

  it('has a step on migrating to the JWT, in the order server, clients, release and wait, enforce, with working buttons', () => {
    const pkg = manifest as unknown as { contributes: { walkthroughs: Array<{ steps: Array<{ id: string; description: string; media: { markdown: string }; completionEvents: string[] }> }> } };
    const step = pkg.contributes.walkthroughs.flatMap((w) => w.steps).find((s) => s.id === 'migrateToJwt');
    assert.ok(step, 'the migrateToJwt step');
    assert.deepEqual(step.completionEvents, ['onContext:idv.walkthrough.jwtMigrated']);
    const args = [...step.description.matchAll(/\(command:idv\.insertSnippet\?([^)]*)\)/g)].map((m) => JSON.parse(decodeURIComponent(m[1] ?? '')) as unknown);
    assert.deepEqual(args, [{ kind: 'server', scheme: 'jwt', vendor: 'intercom' }, { kind: 'client', scheme: 'jwt', vendor: 'intercom' }]);
    assert.ok(step.description.includes('(command:idv.checkInstallation)'));
    // The page the step shows, as the build copies it from src/extension/walkthrough.
    const page = readFileSync(join(root, 'src', 'extension', 'walkthrough', step.media.markdown.replace(/^dist\/walkthrough\//, '')), 'utf8');
    const order = [/\*\*Server first\.\*\*/, /\*\*Then every client sends it\.\*\*/, /\*\*Release the mobile apps, and wait\.\*\*/, /\*\*Enforce last\.\*\*/].map((re) => page.search(re));
    assert.ok(order.every((at) => at >= 0), JSON.stringify(order));
    assert.deepEqual([...order].sort((a, b) => a - b), order, 'server, clients, release and wait, enforce');
    assert.match(page, /same\* identifier in its `user_id` claim/);
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
