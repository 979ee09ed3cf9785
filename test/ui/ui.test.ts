/**
 * The installed extension driven through the real workbench, as a user drives it: the
 * walkthrough's buttons clicked with the mouse and every later question answered from the
 * keyboard (so a quick pick or input box that lost the keyboard focus fails the test), and a
 * rule's documentation opened from the link in a diagnostic's hover. The same buttons run in the
 * extension host in test/integration/suite/walkthrough.test.ts; only here can focus be lost.
 */
import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import {
  activeEditorText, activeWebview, clickRuleLinkInHover, clickStepButton, focusLog, openFile, openWalkthrough, packageExtension, pick, picker,
  quickInput, reset, ROOT, runCommand, startWorkbench, stepTick, typeInInput, type Workbench,
} from './workbench';

const FAILURES = join(ROOT, 'out', 'ui-failures');
/** Intercom's known answer: HMAC-SHA256(key "secret", message "Message"). */
const KNOWN_HASH = 'aa747c502a898200f9e4fa21bac68136f886a0e27aec70ba06daf2e2a5cb5597';

describe('the installed extension in the workbench', function () {
  // A bound for a stuck test, not a speed check: each wait in it may take UI_TIMEOUT on a loaded machine.
  this.timeout(600_000);
  let workbench: Workbench;
  let page: Page;
  let packageDir: string;

  before(async () => {
    packageDir = mkdtempSync(join(tmpdir(), 'idv-ui-vsix-'));
    workbench = await startWorkbench(packageExtension(packageDir));
    page = workbench.page;
  });
  after(async () => {
    await workbench?.close();
    rmSync(packageDir, { recursive: true, force: true });
  });
  beforeEach(async () => reset(page));
  afterEach(async function () {
    // A failed test leaves a picture of the window in out/ui-failures/ (git-ignored).
    if (this.currentTest?.state !== 'failed') return;
    mkdirSync(FAILURES, { recursive: true });
    const name = this.currentTest.title.replace(/[^\w]+/g, '-').slice(0, 60);
    await page.screenshot({ path: join(FAILURES, `${name}.png`) }).catch(() => undefined);
    writeFileSync(join(FAILURES, `${name}.log`), `${(await focusLog(page)).join('\n')}\n`);
  });

  it('walkthrough "Set Secret": the masked box has the focus, the secret is stored, the step ticks', async () => {
    await openWalkthrough(page);
    assert.equal(await stepTick(page, 'storeSecret').getAttribute('aria-checked'), 'false');
    await clickStepButton(page, 'storeSecret', 'Set Secret');
    await pick(page, 'Intercom');
    await pick(page, 'Web');
    await typeInInput(page, quickInput(page).locator('input[type="password"]'), 'secret');
    await page.locator(`[data-done-step-id$="#storeSecret"][aria-checked="true"]`).waitFor();
    // Storing a first secret is no rotation: the last step stays open.
    assert.equal(await stepTick(page, 'enforce').getAttribute('aria-checked'), 'false');
    // Stored: Compute User Hash uses it without asking, and gives the known answer.
    await reset(page);
    await runCommand(page, 'Identity Verification: Compute User Hash');
    await pick(page, 'Intercom');
    await pick(page, 'Web');
    await typeInInput(page, quickInput(page).getByPlaceholder('42, alice@example.com'), 'Message');
    // The hash goes to the Identity Verification panel, the only webview open.
    await activeWebview(page).getByText(KNOWN_HASH, { exact: true }).waitFor();
  });

  it('walkthrough "Insert Snippet": every question answered from the keyboard, the snippet inserted beside it, the step ticked', async () => {
    await openWalkthrough(page);
    await clickStepButton(page, 'insertServerSnippet', 'Insert Snippet');
    await picker(page, 'Identity Verification: Insert Snippet').waitFor();
    await pick(page, 'Express route that returns the user hash');
    await pick(page, 'Intercom');
    await pick(page, 'User id');
    await typeInInput(page, quickInput(page).getByRole('textbox'), '');
    await page.locator(`[data-done-step-id$="#insertServerSnippet"][aria-checked="true"]`).waitFor();
    await page.getByRole('tab', { name: /Untitled/ }).first().waitFor();
    assert.match(await activeEditorText(page), /process\.env\.INTERCOM_IDENTITY_VERIFICATION_SECRET/);
    assert.ok(await page.locator('.getting-started-step').first().isVisible(), 'the walkthrough stays in view');
  });

  it('walkthrough "Insert Client Snippet": offers client snippets, inserts one, ticks its step', async () => {
    await openWalkthrough(page);
    await clickStepButton(page, 'sendFromClients', 'Insert Client Snippet');
    await pick(page, 'Script tag that passes the server-rendered identity');
    await pick(page, 'Intercom');
    await pick(page, 'User id');
    await page.locator(`[data-done-step-id$="#sendFromClients"][aria-checked="true"]`).waitFor();
    assert.match(await activeEditorText(page), /user_hash/);
  });

  it('opens a rule\'s documentation from the link in a diagnostic\'s hover', async () => {
    // The cursor on CryptoJS.HmacSHA256, then the hover there, as Ctrl+K Ctrl+I shows it.
    await openFile(page, 'ChatWidget.tsx', 6, 30);
    await clickRuleLinkInHover(page, 'client-side-hmac');
    await page.getByRole('tab', { name: /client-side-hmac/ }).first().waitFor();
    const docs = activeWebview(page);
    await docs.locator('h1', { hasText: 'client-side-hmac' }).waitFor();
    await docs.getByText('What it catches.').waitFor();
    assert.match(await docs.locator('body').innerText(), /Compute the hash on your server/);
  });
});
