/**
 * Takes the README screenshots in a real VS Code with the extension installed from its .vsix,
 * as a user has it: the VS Code server from code-server (the same cached install as the
 * integration tests) opened in headless Chromium and driven through the keyboard and the mouse
 * (test/ui/workbench.ts, shared with the UI tests).
 *
 *   npm run screenshots
 *
 * Writes test/screenshots/images/*.png. IDV_SHOTS_ONLY=name,name takes only those shots;
 * IDV_SHOTS_DEBUG=1 also saves a full-window picture to out/screenshots-debug/ when a shot fails.
 */
import { createHmac } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import type { Page } from 'playwright-core';
import {
  activeWebview, animationsDone, clickRuleLinkInHover, clickStepButton, openFile, openWalkthrough, packageExtension, panel, pick, picker,
  quickInput, quickInputFocused, reset, ROOT, runCommand, startWorkbench, typeInInput,
} from '../ui/workbench';

const imagesDir = join(ROOT, 'test', 'screenshots', 'images');
const debugDir = join(ROOT, 'out', 'screenshots-debug');
const log = (line: string) => console.log(line);
const VIEWPORT = { width: 1280, height: 800 };
/** The throwaway secret typed into Set Secret; never a real one. */
const TEST_SECRET = 'secret';

/** A shot sets the scene; it may return the region to keep (the whole window otherwise). */
type Clip = { x: number; y: number; width: number; height: number };
type Shot = (page: Page) => Promise<Clip | void>;

async function main(): Promise<number> {
  const started = Date.now();
  const only = process.env.IDV_SHOTS_ONLY?.split(',').filter((name) => name !== '');
  const packageDir = mkdtempSync(join(tmpdir(), 'idv-shots-vsix-'));
  let failures = 0;
  try {
    const vsix = packageExtension(packageDir);
    log(`Packaged ${vsix}; installing it into a fresh VS Code server.`);
    const workbench = await startWorkbench(vsix, { viewport: VIEWPORT });
    const { page } = workbench;
    mkdirSync(imagesDir, { recursive: true });
    try {
      await reset(page);
      // The walkthrough goes first: the other shots run commands that tick its steps off.
      const shots: [string, Shot][] = [
        ['walkthrough', walkthrough], ['diagnostics', diagnostics], ['rule-docs', ruleDocs], ['quick-fix', quickFix],
        ['insert-snippet', insertSnippet], ['panel', resultsPanel], ['installation-check', installationCheck],
      ];
      for (const [name, shot] of shots) {
        if (only && !only.includes(name)) continue;
        const shotStarted = Date.now();
        try {
          const clip = await shot(page);
          await animationsDone(page);
          const file = join(imagesDir, `${name}.png`);
          await page.screenshot({ path: file, ...(clip ? { clip } : {}) });
          optimise(file);
          log(`${name}.png: ${Math.round(statSync(file).size / 1024)} KB (${((Date.now() - shotStarted) / 1000).toFixed(1)} s)`);
        } catch (error) {
          failures++;
          log(`${name}.png failed: ${String(error)}`);
          if (process.env.IDV_SHOTS_DEBUG === '1') {
            mkdirSync(debugDir, { recursive: true });
            await page.screenshot({ path: join(debugDir, `${name}-failed.png`) }).catch(() => undefined);
            writeFileSync(join(debugDir, `${name}-failed.html`), await page.content().catch(String));
          }
        }
        await reset(page);
      }
    } finally {
      await workbench.close();
    }
  } finally {
    rmSync(packageDir, { recursive: true, force: true });
  }
  log(`Done in ${Math.round((Date.now() - started) / 1000)} s${failures ? `, ${failures} failed` : ''}.`);
  return failures ? 1 : 0;
}

// ---------------------------------------------------------------------------------------------
// The shots. Each starts from a workbench with no editors, panels or pop-ups open (see reset).

/** The walkthrough right after its "Insert Snippet" button inserted a server snippet beside it. */
async function walkthrough(page: Page): Promise<void> {
  await openWalkthrough(page);
  await clickStepButton(page, 'insertServerSnippet', 'Insert Snippet');
  await pick(page, 'Express route that returns the user hash');
  await pick(page, 'Intercom');
  await pick(page, 'User id');
  await typeInInput(page, quickInput(page).getByRole('textbox'), '');
  await page.locator(`[data-done-step-id$="#insertServerSnippet"][aria-checked="true"]`).waitFor();
  await page.getByRole('tab', { name: /Untitled/ }).first().waitFor();
}

async function diagnostics(page: Page): Promise<void> {
  await runCommand(page, 'Identity Verification: Scan Workspace');
  // The picture shows the finished scan: wait for its summary in the results panel (which the
  // side bar then shows), then clear the notifications away.
  await activeWebview(page).getByText(/^Scanned \d+ files: \d+ problems?\.$/).waitFor();
  await runCommand(page, 'Notifications: Clear All Notifications');
  await page.keyboard.press('Escape');
  await openFile(page, 'ChatWidget.tsx', 6, 44);
  await page.locator('.monaco-editor .squiggly-warning, .monaco-editor .squiggly-error').first().waitFor();
  await runCommand(page, 'View: Focus Problems');
  // The rules in the panel's first rows (the list is longer than the panel is high).
  for (const rule of ['client-side-hmac', 'hardcoded-secret']) {
    await panel(page).getByText(rule, { exact: false }).first().waitFor();
  }
}

/** A rule's page, opened by clicking the rule's link in a diagnostic's hover. */
async function ruleDocs(page: Page): Promise<void> {
  await openFile(page, 'ChatWidget.tsx', 6, 30);
  await clickRuleLinkInHover(page, 'client-side-hmac');
  await activeWebview(page).getByText('How to suppress it.').waitFor();
}

async function quickFix(page: Page): Promise<void> {
  await openFile(page, 'intercom.js', 4, 40);
  await page.locator('.monaco-editor .squiggly-error, .monaco-editor .squiggly-warning').first().waitFor();
  // Code actions are asked for once per key press; right after opening, the providers may not
  // have answered yet (the menu then says nothing), so press again until the menu has items.
  const menu = page.locator('.action-widget').getByRole('option').first();
  for (let attempt = 1; ; attempt++) {
    await page.keyboard.press('Control+.');
    try {
      await menu.waitFor({ timeout: 5_000 });
      break;
    } catch (error) {
      if (attempt === 5) throw error;
      await page.keyboard.press('Escape');
    }
  }
}

/** The picker in the Next.js fixture project: its route snippets first, the step counter in the title. */
async function insertSnippet(page: Page): Promise<Clip> {
  await openFile(page, 'page.tsx', 1, 1);
  await runCommand(page, 'Identity Verification: Insert Snippet');
  await picker(page, 'Identity Verification: Insert Snippet').getByRole('option').first().waitFor();
  // The picker and the code behind it; the rest of the window is empty.
  return { x: 0, y: 0, width: VIEWPORT.width, height: 420 };
}

/** The Identity Verification panel after Verify User Hash diagnosed a hash of the email. */
async function resultsPanel(page: Page): Promise<Clip> {
  // The secret is stored through the UI first, so that Verify User Hash never asks for it.
  await runCommand(page, 'Identity Verification: Set Secret');
  await pick(page, 'Intercom');
  await pick(page, 'Web');
  await typeInInput(page, quickInput(page).locator('input[type="password"]'), TEST_SECRET);
  await runCommand(page, 'Notifications: Clear All Notifications');

  // The classic mistake: the email hashed while the user id is sent too.
  await runCommand(page, 'Identity Verification: Verify User Hash');
  // The hash is the first of the command's questions, which share one box: type it and wait
  // for the next question rather than for the box to close.
  await quickInput(page).getByRole('textbox').waitFor();
  await quickInputFocused(page);
  await page.keyboard.type(createHmac('sha256', TEST_SECRET).update('alice@example.com').digest('hex'));
  await page.keyboard.press('Enter');
  await quickInput(page).getByRole('option', { name: /^Intercom/ }).first().waitFor();
  await pick(page, 'Intercom');
  await pick(page, 'Web');
  await typeInInput(page, quickInput(page).getByPlaceholder('42, alice@example.com'), '42, alice@example.com');
  await runCommand(page, 'Notifications: Clear All Notifications');
  await activeWebview(page).getByText('The hash does not match.').waitFor();
  return widenSideBar(page, 560);
}

/** Drags the side bar's edge to `right` pixels and returns the region from the left edge to it. */
async function widenSideBar(page: Page, right: number): Promise<Clip> {
  const sidebar = page.locator('.part.sidebar');
  const box = await sidebar.boundingBox();
  if (!box) throw new Error('The side bar is not visible.');
  await page.mouse.move(box.x + box.width + 1, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(right, box.y + box.height / 2, { steps: 5 });
  await page.mouse.up();
  const wide = await sidebar.boundingBox();
  if (!wide) throw new Error('The side bar is not visible.');
  return { x: 0, y: 0, width: Math.ceil(wide.x + wide.width + 4), height: VIEWPORT.height };
}

async function installationCheck(page: Page): Promise<Clip> {
  await runCommand(page, 'Identity Verification: Check Installation');
  const view = page.locator('.pane').filter({ has: page.getByRole('button', { name: /Messenger Installations/ }) });
  await view.getByRole('treeitem').first().waitFor();
  // Collapse the folder's section (the Explorer's first) so the view gets the side bar's height.
  const sections = page.locator('.part.sidebar .pane-header[aria-expanded="true"]');
  if (await sections.count() > 1) await sections.first().click();
  // Widen the side bar so the findings' descriptions fit, then keep only the side bar.
  return widenSideBar(page, 700);
}

/** Shrinks a PNG losslessly with optipng when the machine has it; otherwise leaves it. */
function optimise(file: string): void {
  const result = spawnSync('optipng', ['-quiet', '-o2', file], { stdio: 'ignore' });
  if (result.error) return; // Not installed: Chromium's PNG is kept as it is.
}

main().then((code) => {
  process.exitCode = code;
}, (error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
