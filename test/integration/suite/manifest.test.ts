/** package.json against the running extension: every contributed or linked command is registered. */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXTENSION_ID, testApi } from './helpers';

interface Manifest {
  contributes: {
    commands: Array<{ command: string }>;
    walkthroughs: Array<{ steps: Array<{ id: string; description: string; media: { markdown?: string } }> }>;
    viewsWelcome: Array<{ contents: string }>;
  };
}

/** Command ids in `command:` links of walkthrough and welcome text. */
function linkedCommands(text: string): string[] {
  return [...text.matchAll(/\(command:([\w.]+)/g)].map((m) => m[1] ?? '');
}

describe('manifest', () => {
  it('registers every contributed command and every command a walkthrough step or welcome view runs', async () => {
    await testApi();
    const manifest = vscode.extensions.getExtension(EXTENSION_ID)?.packageJSON as Manifest;
    const registered = new Set(await vscode.commands.getCommands(true));
    const contributed = manifest.contributes.commands.map((c) => c.command);
    const linked = [
      ...manifest.contributes.walkthroughs.flatMap((w) => w.steps.flatMap((s) => linkedCommands(s.description))),
      ...manifest.contributes.viewsWelcome.flatMap((v) => linkedCommands(v.contents)),
    ];
    assert.ok(linked.length >= 6, `walkthrough links: ${linked.join(', ')}`);
    for (const id of [...contributed, ...linked]) assert.ok(registered.has(id), `${id} is not registered`);
    for (const id of linked) assert.ok(contributed.includes(id), `${id} is linked but not contributed`);
  });

  it('ships the media of every walkthrough step', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension);
    const manifest = extension.packageJSON as Manifest;
    for (const step of manifest.contributes.walkthroughs.flatMap((w) => w.steps)) {
      assert.ok(step.media.markdown, step.id);
      const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(extension.extensionUri, step.media.markdown));
      assert.ok(bytes.byteLength > 100, `${step.media.markdown} has content`);
    }
  });
});
