/**
 * The walkthrough's buttons, run as the walkthrough runs them: each step's `command:` link from
 * the installed package.json, with its URL-encoded JSON arguments. Each test asserts the end
 * result (a secret stored, a snippet inserted...) and that the step completes on that result
 * and not on the command having started (a cancelled command completes nothing).
 * test/ui/walkthrough.test.ts clicks the same buttons in the real workbench.
 */
import * as assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import * as vscode from 'vscode';
import type { ComputeResult } from '../../../src/extension/commands/computeUserHash';
import type { InsertResult } from '../../../src/extension/commands/insertSnippet';
import type { TestApi } from '../../../src/extension/extension';
import { WALKTHROUGH_KEYS } from '../../../src/extension/walkthroughProgress';
import { closeAllEditors, EXTENSION_ID, ScriptedPrompter, testApi, type Answer } from './helpers';

interface Step {
  readonly id: string;
  readonly description: string;
  readonly completionEvents?: readonly string[];
}

function steps(): readonly Step[] {
  const manifest = vscode.extensions.getExtension(EXTENSION_ID)?.packageJSON as { contributes: { walkthroughs: Array<{ steps: Step[] }> } };
  return manifest.contributes.walkthroughs.flatMap((w) => w.steps);
}

/** The buttons of a step, as the walkthrough parses them: `[Title](command:id?<url-encoded JSON>)`. */
function buttons(stepId: string): Array<{ title: string; command: string; args: unknown[] }> {
  const step = steps().find((s) => s.id === stepId);
  assert.ok(step, stepId);
  return [...step.description.matchAll(/\[([^\]]+)\]\(command:([\w.]+)(?:\?([^)]*))?\)/g)].map(([, title = '', command = '', query]) => {
    const parsed: unknown = query ? JSON.parse(decodeURIComponent(query)) : undefined;
    return { title, command, args: parsed === undefined ? [] : Array.isArray(parsed) ? parsed : [parsed] };
  });
}

const SECRET = 'walkthrough-secret';
const ROTATED = 'walkthrough-secret-2';

describe('walkthrough', () => {
  let api: TestApi;
  before(async () => {
    api = await testApi();
  });
  beforeEach(async () => {
    await closeAllEditors();
    await api.resetWalkthrough();
  });
  afterEach(() => api.setPrompter(undefined));

  /** Clicks `title` of `stepId` with a scripted user answering `answers`. */
  async function press<T>(stepId: string, title: string, answers: Answer[]): Promise<T> {
    const button = buttons(stepId).find((b) => b.title === title);
    assert.ok(button, `${stepId} has a "${title}" button`);
    const prompter = new ScriptedPrompter(answers);
    api.setPrompter(prompter);
    const result = await vscode.commands.executeCommand<T>(button.command, ...button.args);
    assert.ok(prompter.done, `every answer was used by ${title}`);
    return result;
  }

  it('completes each step on a context key the extension sets', () => {
    const keys = new Set(Object.values(WALKTHROUGH_KEYS));
    for (const step of steps()) {
      assert.equal(step.completionEvents?.length, 1, step.id);
      const key = /^onContext:(.+)$/.exec(step.completionEvents?.[0] ?? '')?.[1];
      assert.ok(key && keys.has(key as never), `${step.id}: ${String(step.completionEvents)}`);
      assert.ok(!step.completionEvents?.some((e) => e.startsWith('onCommand:')), 'never on a command having started');
    }
  });

  it('Store the secret: a cancelled Set Secret completes nothing; a stored secret completes the step', async () => {
    // Gleap's iOS secret: a slot no other test of the suite uses, so this is a first store.
    await vscode.commands.executeCommand('idv.forgetSecret', { vendor: 'gleap', platform: 'ios', slot: 'all' });
    assert.equal(await press<boolean>('storeSecret', 'Set Secret', [{ pick: 'Gleap' }, { pick: 'iOS' }, { dismiss: true }]), false);
    assert.deepEqual(api.walkthroughResults(), []);
    assert.equal(await press<boolean>('storeSecret', 'Set Secret', [{ pick: 'Gleap' }, { pick: 'iOS' }, { input: SECRET }]), true);
    assert.deepEqual(api.walkthroughResults(), ['secretStored']);
    // Stored: Compute User Hash uses it without asking.
    const computed = await vscode.commands.executeCommand<ComputeResult>('idv.computeUserHash', { vendor: 'gleap', platform: 'ios', identifier: 'Message' });
    assert.equal(computed.hash, createHmac('sha256', SECRET).update('Message').digest('hex'));
  });

  it('Compute the hash on the server: Insert Snippet inserts a server snippet into a new document', async () => {
    const result = await press<InsertResult>('insertServerSnippet', 'Insert Snippet', [
      { pick: 'Express route that returns the user hash for the signed-in user' }, { pick: 'Intercom' }, { pick: 'User id' }, { input: 'INTERCOM_IDENTITY_VERIFICATION_SECRET' },
    ]);
    assert.equal(result.id, 'express');
    const editor = vscode.window.activeTextEditor;
    assert.equal(editor?.document.uri.toString(), result.uri.toString());
    assert.equal(editor?.document.languageId, 'javascript');
    assert.match(editor?.document.getText() ?? '', /const secret = process\.env\.INTERCOM_IDENTITY_VERIFICATION_SECRET;/);
    assert.match(editor?.document.getText() ?? '', /createHmac\('sha256', secret\)/);
    assert.deepEqual(api.walkthroughResults(), ['serverSnippetInserted']);
  });

  it('Send the hash from every client: Insert Client Snippet offers client snippets only and inserts one', async () => {
    const prompter = new ScriptedPrompter([{ pick: 'Script tag that passes the server-rendered identity and hash to the messenger' }, { pick: 'Intercom' }, { pick: 'User id' }]);
    const button = buttons('sendFromClients').find((b) => b.title === 'Insert Client Snippet');
    assert.ok(button);
    assert.deepEqual(button.args, [{ kind: 'client' }]);
    api.setPrompter(prompter);
    const result = await vscode.commands.executeCommand<InsertResult>(button.command, ...button.args);
    const offered = (prompter.calls[0]?.items ?? []).filter((i) => i.kind !== vscode.QuickPickItemKind.Separator);
    assert.ok(offered.length > 5 && offered.every((i) => i.description?.startsWith('client')), offered.map((i) => i.description).join(', '));
    assert.equal(result.id, 'web');
    assert.match(vscode.window.activeTextEditor?.document.getText() ?? '', /user_hash/);
    assert.deepEqual(api.walkthroughResults(), ['clientSnippetInserted']);
  });

  it('Compute a test hash: Compute User Hash and Verify User Hash complete the step with a result', async () => {
    const hash = createHmac('sha256', SECRET).update('42').digest('hex');
    const computed = await press<ComputeResult>('computeTestHash', 'Compute User Hash', [{ pick: 'Gleap' }, { pick: 'iOS' }, { input: '42' }]);
    assert.equal(computed.hash, hash);
    assert.deepEqual(api.walkthroughResults(), ['hashChecked']);
    await api.resetWalkthrough();
    await press('computeTestHash', 'Verify User Hash', [{ input: hash }, { pick: 'Gleap' }, { pick: 'iOS' }, { input: '42' }]);
    assert.deepEqual(api.walkthroughResults(), ['hashChecked']);
  });

  it('Check the installation: completes only when every platform is ready', async () => {
    const notReady = await press<{ readiness: Array<{ ready: boolean }> }>('checkInstallation', 'Check Installation', []);
    assert.ok(notReady.readiness.some((r) => !r.ready), 'web/boot.js sends no hash');
    assert.deepEqual(api.walkthroughResults(), []);
    // The check reads open documents' live text: add the hash to boot.js without saving.
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder);
    const boot = await vscode.window.showTextDocument(vscode.Uri.joinPath(folder.uri, 'web', 'boot.js'));
    await boot.edit((edit) => edit.replace(new vscode.Range(0, 0, boot.document.lineCount, 0), "window.intercomSettings = { app_id: 'abc123', user_id: currentUser.id, user_hash: currentUser.intercomHash };\n"));
    const ready = await press<{ readiness: Array<{ ready: boolean }> }>('checkInstallation', 'Check Installation', []);
    assert.ok(ready.readiness.length > 0 && ready.readiness.every((r) => r.ready), JSON.stringify(ready.readiness));
    assert.deepEqual(api.walkthroughResults(), ['installationReady']);
  });

  it('Migrate from HMAC to JWT: Insert JWT Server Snippet offers JWT server snippets only and inserts one', async () => {
    const button = buttons('migrateToJwt').find((b) => b.title === 'Insert JWT Server Snippet');
    assert.ok(button);
    assert.deepEqual(button.args, [{ kind: 'server', scheme: 'jwt', vendor: 'intercom' }]);
    // The vendor comes with the button: the snippet, then the identifier and the variable are asked.
    const prompter = new ScriptedPrompter([{ pick: 'Express route that signs the messenger JWT (jsonwebtoken)' }, { pick: 'User id' }, { input: 'INTERCOM_MESSENGER_SECRET' }]);
    api.setPrompter(prompter);
    const result = await vscode.commands.executeCommand<InsertResult>(button.command, ...button.args);
    assert.ok(prompter.done, 'every answer was used');
    const offered = (prompter.calls[0]?.items ?? []).filter((i) => i.kind !== vscode.QuickPickItemKind.Separator);
    assert.ok(offered.length > 5 && offered.every((i) => i.description?.startsWith('server, JWT')), offered.map((i) => i.description).join(', '));
    assert.equal(result.id, 'jwt-express');
    assert.equal(result.vendor, 'intercom');
    assert.match(vscode.window.activeTextEditor?.document.getText() ?? '', /INTERCOM_MESSENGER_SECRET/);
    assert.deepEqual(api.walkthroughResults(), ['serverSnippetInserted']);
  });

  it('Migrate from HMAC to JWT: Check Installation completes the step only once no platform mixes or keeps the HMAC hash', async () => {
    assert.deepEqual(buttons('migrateToJwt').map((b) => b.command), ['idv.insertSnippet', 'idv.insertSnippet', 'idv.checkInstallation']);
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder);
    /** Replaces a workspace file's text in its editor, unsaved: the check reads open documents' live text. */
    const rewrite = async (path: string[], text: string) => {
      const editor = await vscode.window.showTextDocument(vscode.Uri.joinPath(folder.uri, ...path));
      await editor.edit((edit) => edit.replace(new vscode.Range(0, 0, editor.document.lineCount, 0), text));
    };
    // boot.js moves to the JWT while the layout and the component still send user_hash: a mix.
    await rewrite(['web', 'boot.js'], "window.intercomSettings = { app_id: 'abc123', user_id: currentUser.id, intercom_user_jwt: currentUser.intercomJwt };\n");
    const mixed = await press<{ readiness: Array<{ vendor: string; platform: string; ready: boolean; scheme: string; reasons: string[] }> }>('migrateToJwt', 'Check Installation', []);
    const web = mixed.readiness.find((r) => r.vendor === 'intercom' && r.platform === 'web');
    assert.equal(web?.scheme, 'mixed');
    assert.equal(web?.ready, false);
    assert.ok(web?.reasons.some((r) => /^Mixes HMAC \(.*\) and JWT \([^)]*web\/boot\.js:1[^)]*\)/.test(r)), JSON.stringify(web?.reasons));
    assert.ok(!api.walkthroughResults().includes('jwtMigrated'));
    // The tree says so on the verdict's row.
    const top = api.installationTree().find((item) => item.label.startsWith('Intercom') && item.label.includes('Web'));
    assert.match(top?.description ?? '', /not ready to enforce · HMAC and JWT mixed/);
    // Every installation on the JWT: the step is done.
    await rewrite(['web', 'layout.html.erb'], '<script>\n  window.intercomSettings = { app_id: "abc123", user_id: "<%= current_user.id %>", intercom_user_jwt: "<%= intercom_jwt(current_user) %>" };\n</script>\n');
    await rewrite(['web', 'src', 'components', 'SupportChat.tsx'], "'use client';\nexport function SupportChat({ userId, jwt }: { userId: string; jwt: string }) {\n  window.Intercom('boot', { app_id: 'abc123', user_id: userId, intercom_user_jwt: jwt });\n  return null;\n}\n");
    await rewrite(['app', 'components', 'IntercomBoot.tsx'], "'use client';\nexport function IntercomBoot({ userId, jwt }: { userId: string; jwt: string }) {\n  window.Intercom('boot', { app_id: 'abc123', user_id: userId, intercom_user_jwt: jwt });\n  return null;\n}\n");
    const migrated = await press<{ readiness: Array<{ ready: boolean; scheme: string; notes: string[] }> }>('migrateToJwt', 'Check Installation', []);
    assert.ok(migrated.readiness.every((r) => r.ready && r.scheme !== 'mixed' && r.notes.length === 0), JSON.stringify(migrated.readiness));
    assert.ok(api.walkthroughResults().includes('jwtMigrated'), JSON.stringify(api.walkthroughResults()));
  });

  it('Enforce, and rotate a secret: completes when a stored secret is replaced, not when one is first stored', async () => {
    await vscode.commands.executeCommand('idv.forgetSecret', { vendor: 'crisp', slot: 'all' });
    assert.equal(await press<boolean>('enforce', 'Set the New Secret', [{ pick: 'Crisp' }, { input: SECRET }]), true);
    assert.deepEqual(api.walkthroughResults(), ['secretStored'], 'a first secret is no rotation');
    assert.equal(await press<boolean>('enforce', 'Set the New Secret', [{ pick: 'Crisp' }, { input: ROTATED }]), true);
    assert.deepEqual(api.walkthroughResults().sort(), ['secretRotated', 'secretStored']);
    await vscode.commands.executeCommand('idv.forgetSecret', { vendor: 'crisp', slot: 'all' });
  });
});
