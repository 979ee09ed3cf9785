/**
 * Takes the README screenshots in a real VS Code: the VS Code server from code-server (the same
 * cached install as the integration tests) with this extension loaded as a development
 * extension, opened in headless Chromium and driven through the keyboard like a user would.
 *
 *   npm run build && node src/build/build.mjs --tests && node out/test/screenshots/takeScreenshots.js
 *
 * Writes test/screenshots/images/*.png. IDV_SHOTS_ONLY=name,name takes only those shots;
 * IDV_SHOTS_DEBUG=1 also saves a full-window picture to out/screenshots-debug/ when a shot fails.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { spawnSync } from 'node:child_process';
import type { Locator, Page } from 'playwright-core';
import { makeRepository } from '../integration/fixtureWorkspace';
import { ensureServer } from '../integration/serverInstall';
import { isolatedEnv, killGroup, launchBrowser, makeDirs, remoteUri, spawnServer, waitForPort, workbenchUrl } from '../integration/vscodeServer';

const root = resolve(__dirname, '..', '..', '..');
const imagesDir = join(root, 'test', 'screenshots', 'images');
const debugDir = join(root, 'out', 'screenshots-debug');
const fixtureWorkspace = join(root, 'test', 'fixtures', 'workspace');
const log = (line: string) => console.log(line);
const VIEWPORT = { width: 1280, height: 800 };
/** Long enough for a cold extension host; every wait is for a visible element, never a sleep. */
const UI_TIMEOUT = 30_000;
/** The throwaway secret typed into Set Secret; never a real one. */
const TEST_SECRET = 'secret';

/**
 * Workspace settings for calm pictures: no welcome page, no chat or secondary side bar, no
 * minimap (it widens nothing useful at this size), and no auto-save (as in the test fixture).
 */
const SETTINGS = {
  'files.autoSave': 'off',
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'workbench.layoutControl.enabled': false,
  'chat.commandCenter.enabled': false,
  'chat.disableAIFeatures': true,
  'editor.minimap.enabled': false,
  'extensions.ignoreRecommendations': true,
  'git.openRepositoryInParentFolders': 'never',
  'scm.diffDecorations': 'none',
  'telemetry.telemetryLevel': 'off',
  'files.exclude': { '**/.vscode': true, '**/.git': true },
};

/** A shot sets the scene; it may return the region to keep (the whole window otherwise). */
type Clip = { x: number; y: number; width: number; height: number };
type Shot = (page: Page) => Promise<Clip | void>;

async function main(): Promise<number> {
  const started = Date.now();
  const only = process.env.IDV_SHOTS_ONLY?.split(',').filter((name) => name !== '');
  const install = ensureServer(join(root, '.vscode-test'), log);
  if (!existsSync(join(root, 'dist', 'extension.js'))) {
    log('dist/extension.js is missing: run `npm run build` first.');
    return 1;
  }
  const tempDir = mkdtempSync(join(tmpdir(), 'idv-shots-'));
  const dirs = makeDirs(tempDir);
  const env = isolatedEnv(dirs);
  const workspace = join(tempDir, 'workspace');
  cpSync(fixtureWorkspace, workspace, { recursive: true });
  writeFileSync(join(workspace, '.vscode', 'settings.json'), `${JSON.stringify(SETTINGS, null, 2)}\n`);
  // Also as user settings (the server keeps them in its user-data folder): some, such as the
  // secondary side bar's visibility, are not read from a workspace.
  mkdirSync(join(dirs.userData, 'User'), { recursive: true });
  writeFileSync(join(dirs.userData, 'User', 'settings.json'), `${JSON.stringify(SETTINGS, null, 2)}\n`);
  makeRepository(workspace);
  mkdirSync(imagesDir, { recursive: true });

  // --enable-smoke-test-driver is needed even without tests: without it the built web
  // workbench ignores the whole payload, extensionDevelopmentPath included.
  const server = spawnServer(install, dirs, env, { smokeTestDriver: true });
  let browser: Awaited<ReturnType<typeof launchBrowser>> | undefined;
  let failures = 0;
  try {
    const port = await waitForPort(server, 60_000);
    browser = await launchBrowser(dirs, env, { viewport: VIEWPORT, deviceScaleFactor: 1 });
    const page = browser.pages()[0] ?? await browser.newPage();
    page.setDefaultTimeout(UI_TIMEOUT);
    await page.goto(workbenchUrl(port, workspace, [['extensionDevelopmentPath', remoteUri(port, root)]]));
    await page.locator('.monaco-workbench').waitFor();
    // The explorer lists the workspace once the remote connection is up.
    await page.getByRole('treeitem', { name: 'server' }).first().waitFor();
    await reset(page);

    // The walkthrough goes first: the other shots run commands that tick its steps off.
    const shots: [string, Shot][] = [
      ['walkthrough', walkthrough], ['diagnostics', diagnostics], ['quick-fix', quickFix],
      ['insert-snippet', insertSnippet], ['hash-checker', hashChecker], ['installation-check', installationCheck],
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
    await browser?.close().catch(() => undefined);
    killGroup(server);
    rmSync(tempDir, { recursive: true, force: true });
  }
  log(`Done in ${Math.round((Date.now() - started) / 1000)} s${failures ? `, ${failures} failed` : ''}.`);
  return failures ? 1 : 0;
}

// ---------------------------------------------------------------------------------------------
// The shots. Each starts from a workbench with no editors, panels or pop-ups open (see reset).

async function diagnostics(page: Page): Promise<void> {
  await runCommand(page, 'Identity Verification: Scan Workspace');
  await openFile(page, 'ChatWidget.tsx', 6, 44);
  await page.locator('.monaco-editor .squiggly-warning, .monaco-editor .squiggly-error').first().waitFor();
  await runCommand(page, 'View: Focus Problems');
  for (const rule of ['client-side-hmac', 'hardcoded-secret', 'missing-user-hash']) {
    await panel(page).getByText(rule, { exact: false }).first().waitFor();
  }
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

async function insertSnippet(page: Page): Promise<Clip> {
  await openFile(page, 'intercom.js', 10, 1);
  await runCommand(page, 'Identity Verification: Insert Snippet');
  await picker(page, 'Identity Verification: Insert Snippet').getByRole('option').first().waitFor();
  // The picker and the code behind it; the rest of the window is empty.
  return { x: 0, y: 0, width: VIEWPORT.width, height: 420 };
}

async function hashChecker(page: Page): Promise<Clip> {
  // The secret is stored through the UI first, so that Compute User Hash never asks for it.
  await runCommand(page, 'Identity Verification: Set Secret');
  await pick(page, 'Intercom');
  await pick(page, 'Web');
  await typeInInput(page, quickInput(page).locator('input[type="password"]'), TEST_SECRET);
  await runCommand(page, 'Notifications: Clear All Notifications');

  await runCommand(page, 'Identity Verification: Compute User Hash');
  await pick(page, 'Intercom');
  await pick(page, 'Web');
  await typeInInput(page, quickInput(page).getByPlaceholder('42, alice@example.com'), 'Message');
  // Headless, the toast stays hidden (the message only reaches the screen reader's alert), so
  // the shot shows it in the notification center, with its Copy and Insert actions.
  await runCommand(page, 'Notifications: Show Notifications');
  await notification(page, /user_hash of user id "Message"/).waitFor();
  const box = await page.locator('.notifications-center').boundingBox();
  if (!box) throw new Error('The notification center is not visible.');
  // The notification and the bottom of the window around it (status bar included).
  const x = Math.max(0, Math.floor(box.x) - 300);
  const y = Math.max(0, Math.floor(box.y) - 40);
  return { x, y, width: VIEWPORT.width - x, height: VIEWPORT.height - y };
}

async function installationCheck(page: Page): Promise<Clip> {
  await runCommand(page, 'Identity Verification: Check Installation');
  const view = page.locator('.pane').filter({ has: page.getByRole('button', { name: /Messenger Installations/ }) });
  await view.getByRole('treeitem').first().waitFor();
  // Widen the side bar so the findings' descriptions fit, then keep only the side bar.
  const sidebar = page.locator('.part.sidebar');
  const box = await sidebar.boundingBox();
  if (!box) throw new Error('The side bar is not visible.');
  await page.mouse.move(box.x + box.width + 1, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(700, box.y + box.height / 2, { steps: 5 });
  await page.mouse.up();
  const wide = await sidebar.boundingBox();
  if (!wide) throw new Error('The side bar is not visible.');
  return { x: 0, y: 0, width: Math.ceil(wide.x + wide.width + 4), height: VIEWPORT.height };
}

async function walkthrough(page: Page): Promise<void> {
  await runCommand(page, 'Welcome: Open Walkthrough...');
  await pick(page, 'Set up identity verification');
  await page.getByText('Store the secret', { exact: true }).first().waitFor();
}

// ---------------------------------------------------------------------------------------------
// Keyboard-driven helpers.

function quickInput(page: Page): Locator {
  return page.locator('.quick-input-widget');
}

/** The quick input while it shows the prompt titled `title` (commands give their pickers titles). */
function picker(page: Page, title: string): Locator {
  return quickInput(page).filter({ has: page.locator('.quick-input-title', { hasText: title }) });
}

function panel(page: Page): Locator {
  return page.locator('.part.panel');
}

function notification(page: Page, text: RegExp): Locator {
  return page.locator('.notifications-center .notification-list-item').filter({ hasText: text });
}

/** Runs a command from the command palette by its title. */
async function runCommand(page: Page, title: string): Promise<void> {
  await page.keyboard.press('F1');
  const input = quickInput(page).getByRole('textbox');
  await input.waitFor();
  await input.fill(`>${title}`);
  await quickInput(page).getByRole('option', { name: new RegExp(`^${escapeRegExp(title)}`) }).first().waitFor();
  await page.keyboard.press('Enter');
  await quickInput(page).getByRole('option', { name: new RegExp(`^${escapeRegExp(title)}`) }).first().waitFor({ state: 'hidden' });
}

/** Chooses the quick pick item whose label starts with `label` (typing it to filter). */
async function pick(page: Page, label: string): Promise<void> {
  const input = quickInput(page).getByRole('textbox');
  await input.waitFor();
  await input.fill(label);
  const option = quickInput(page).getByRole('option', { name: new RegExp(`^${escapeRegExp(label)}`) }).first();
  await option.waitFor();
  await page.keyboard.press('Enter');
  // The next prompt reuses the widget: wait until this list has gone before typing into it.
  await option.waitFor({ state: 'hidden' });
}

/** Types into the input box once `input` shows it, and accepts it. */
async function typeInInput(page: Page, input: Locator, text: string): Promise<void> {
  await input.waitFor();
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
  await quickInput(page).waitFor({ state: 'hidden' });
}

/** Opens a workspace file by name through Quick Open, at a line and column. */
async function openFile(page: Page, name: string, line: number, column: number): Promise<void> {
  await page.keyboard.press('Control+P');
  const input = quickInput(page).getByRole('textbox');
  await input.waitFor();
  await input.fill(name);
  await quickInput(page).getByRole('option', { name: new RegExp(escapeRegExp(name)) }).first().waitFor();
  // Quick Open takes `name:line:column` and opens the file there.
  await input.fill(`${name}:${line}:${column}`);
  await quickInput(page).getByRole('option', { name: new RegExp(escapeRegExp(name)) }).first().waitFor();
  await page.keyboard.press('Enter');
  await quickInput(page).waitFor({ state: 'hidden' });
  await page.getByRole('tab', { name: new RegExp(escapeRegExp(name)) }).first().waitFor();
}

/** Back to an empty workbench: pop-ups closed, editors closed, panel hidden, toasts cleared. */
async function reset(page: Page): Promise<void> {
  page.setDefaultTimeout(5_000);
  await page.keyboard.press('Escape');
  await page.keyboard.press('Escape');
  await runCommand(page, 'View: Close All Editors').catch(() => undefined);
  await runCommand(page, 'Notifications: Clear All Notifications').catch(() => undefined);
  if (await panel(page).isVisible()) await runCommand(page, 'View: Hide Panel').catch(() => undefined);
  // The (empty, offline) chat side bar sometimes opens on its own.
  if (await page.locator('.part.auxiliarybar').isVisible()) await runCommand(page, 'View: Close Secondary Side Bar').catch(() => undefined);
  page.setDefaultTimeout(UI_TIMEOUT);
}

/**
 * Waits for the pop-ups' fade-in (CSS animations) to end, so that no shot catches a half-drawn
 * widget. Endless animations (progress spinners) are left alone.
 */
async function animationsDone(page: Page): Promise<void> {
  await page.evaluate(async () => {
    // Runs in the page; this project's types have no DOM, so the little used is declared here.
    type PageAnimation = { effect: { getComputedTiming(): { endTime?: number | string } } | null; finished: Promise<unknown> };
    const { document } = globalThis as unknown as { document: { getAnimations(): PageAnimation[] } };
    const finite = document.getAnimations().filter((animation) => animation.effect?.getComputedTiming().endTime !== Infinity);
    await Promise.all(finite.map((animation) => animation.finished.catch(() => undefined)));
  });
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
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
