/**
 * A real VS Code workbench in headless Chromium with the extension installed from its .vsix,
 * driven through the keyboard and the mouse as a user drives it. Shared by the UI tests
 * (test/ui/*.test.ts) and the README screenshots (test/screenshots/takeScreenshots.ts).
 * Every wait is for something to appear or disappear on screen, never a sleep.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { BrowserContext, FrameLocator, Locator, Page } from 'playwright-core';
import { makeRepository } from '../integration/fixtureWorkspace';
import { ensureServer } from '../integration/serverInstall';
import { installExtension, isolatedEnv, killGroup, launchBrowser, makeDirs, spawnServer, waitForPort } from '../integration/vscodeServer';

export const ROOT = resolve(__dirname, '..', '..', '..');
const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { publisher: string; name: string };
/** The installed extension's id, as walkthrough step ids spell it. */
export const EXTENSION_ID = `${manifest.publisher}.${manifest.name}`;
/**
 * How long a wait for something on screen may take. Every wait is for a state (an element shown
 * or gone, the focus somewhere), never a sleep, so a long bound costs nothing when things go well;
 * on a 2-core machine loaded to 12 runnable processes the extension host took over 30 s to close
 * a command's box after its last answer, and 2 minutes leaves room for that.
 */
export const UI_TIMEOUT = 120_000;

/**
 * Workspace and user settings for a calm workbench: no welcome page, no chat or secondary side
 * bar, no minimap, no auto-save (edits stay unsaved, as in the fixture), trust not asked.
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
  // Sticky scroll would lay the enclosing function's header over the line a test points at.
  'editor.stickyScroll.enabled': false,
  'extensions.ignoreRecommendations': true,
  'git.openRepositoryInParentFolders': 'never',
  'scm.diffDecorations': 'none',
  'telemetry.telemetryLevel': 'off',
  'files.exclude': { '**/.vscode': true, '**/.git': true },
};

export interface Workbench {
  readonly page: Page;
  /** The fixture workspace's copy (a git repository) the window has open. */
  readonly workspace: string;
  close(): Promise<void>;
}

/** `vsce package` into `dir` (the same command as `npm run package`); returns the .vsix path. */
export function packageExtension(dir: string): string {
  const out = join(dir, `${manifest.name}.vsix`);
  execFileSync(join(ROOT, 'node_modules', '.bin', 'vsce'), ['package', '--no-dependencies', '--out', out], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  return out;
}

/** Installs `vsix` into a fresh server and opens the fixture workspace in headless Chromium. */
export async function startWorkbench(vsix: string, options: { viewport?: { width: number; height: number } } = {}): Promise<Workbench> {
  const install = ensureServer(join(ROOT, '.vscode-test'), (line) => console.log(line));
  const tempDir = mkdtempSync(join(tmpdir(), 'idv-ui-'));
  const dirs = makeDirs(tempDir);
  const env = isolatedEnv(dirs);
  const workspace = join(tempDir, 'workspace');
  cpSync(join(ROOT, 'test', 'fixtures', 'workspace'), workspace, { recursive: true });
  writeFileSync(join(workspace, '.vscode', 'settings.json'), `${JSON.stringify(SETTINGS, null, 2)}\n`);
  // Also as user settings: some (the secondary side bar's visibility) are not read from a workspace.
  mkdirSync(join(dirs.userData, 'User'), { recursive: true });
  writeFileSync(join(dirs.userData, 'User', 'settings.json'), `${JSON.stringify(SETTINGS, null, 2)}\n`);
  makeRepository(workspace);
  installExtension(install, dirs, env, vsix);
  const server = spawnServer(install, dirs, env, { smokeTestDriver: false });
  let browser: BrowserContext | undefined;
  const close = async () => {
    await browser?.close().catch(() => undefined);
    killGroup(server);
    rmSync(tempDir, { recursive: true, force: true });
  };
  try {
    const port = await waitForPort(server, 60_000);
    browser = await launchBrowser(dirs, env, { viewport: options.viewport ?? { width: 1280, height: 800 }, deviceScaleFactor: 1 });
    const page = browser.pages()[0] ?? await browser.newPage();
    page.setDefaultTimeout(UI_TIMEOUT);
    await page.addInitScript(watchFocus);
    await page.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(workspace)}`);
    await page.locator('.monaco-workbench').waitFor();
    // The explorer lists the workspace once the remote connection is up.
    await page.getByRole('treeitem', { name: 'server' }).first().waitFor();
    return { page, workspace, close };
  } catch (error) {
    await close();
    throw error;
  }
}

export function quickInput(page: Page): Locator {
  return page.locator('.quick-input-widget');
}

/** The quick input while it shows the prompt titled `title` (commands give their pickers titles). */
export function picker(page: Page, title: string): Locator {
  return quickInput(page).filter({ has: page.locator('.quick-input-title', { hasText: title }) });
}

export function panel(page: Page): Locator {
  return page.locator('.part.panel');
}

export function notification(page: Page, text: RegExp): Locator {
  return page.locator('.notifications-center .notification-list-item').filter({ hasText: text });
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Runs a command from the command palette by its title. The palette lists the commands known
 * when it opens; right after start-up an installed extension's may not be in yet, so a palette
 * without the command is closed and opened again, a bounded number of times.
 */
export async function runCommand(page: Page, title: string): Promise<void> {
  const option = quickInput(page).getByRole('option', { name: new RegExp(`^${escapeRegExp(title)}`) }).first();
  for (let attempt = 1; ; attempt++) {
    await page.keyboard.press('F1');
    const input = quickInput(page).getByRole('textbox');
    await input.waitFor();
    await input.fill(`>${title}`);
    try {
      await option.waitFor({ timeout: 5_000 });
      break;
    } catch (error) {
      if (attempt === 6) throw error;
      await page.keyboard.press('Escape');
      await quickInput(page).waitFor({ state: 'hidden' });
    }
  }
  await page.keyboard.press('Enter');
  await quickInput(page).getByRole('option', { name: new RegExp(`^${escapeRegExp(title)}`) }).first().waitFor({ state: 'hidden' });
}

/**
 * Resolves once the quick input is on screen and has the keyboard focus; times out (failing
 * the test) when it is shown without focus, which is how a user finds it: typing goes nowhere.
 */
export async function quickInputFocused(page: Page): Promise<void> {
  await quickInput(page).getByRole('textbox').waitFor();
  // A focus still on its way would take the keyboard from the box after the check below.
  await focusSettled(page);
  await page.waitForFunction(() => {
    // Runs in the page; this project's types have no DOM, so the little used is declared here.
    const { document } = globalThis as unknown as { document: { activeElement: { closest(selector: string): unknown } | null } };
    return document.activeElement?.closest('.quick-input-widget') != null;
  });
}

/**
 * Chooses the quick pick item whose label starts with `label`, typing it from the keyboard into
 * whatever has the focus: if the pick lost the keyboard focus, the item is never chosen.
 */
export async function pick(page: Page, label: string): Promise<void> {
  const option = quickInput(page).getByRole('option', { name: new RegExp(`^${escapeRegExp(label)}`) }).first();
  await quickInputFocused(page);
  await page.keyboard.type(label);
  // Every key must have reached the box: a box that lost the focus while typing fails here.
  const typed = await quickInput(page).getByRole('textbox').inputValue();
  if (typed !== label) throw new Error(`The quick pick received "${typed}" of "${label}": it lost the keyboard focus while typing (see the focus log).`);
  await option.waitFor();
  await page.keyboard.press('Enter');
  // The next prompt reuses the widget: wait until this list has gone before typing into it.
  await option.waitFor({ state: 'hidden' });
}

/** Types into the input box once `input` shows, and accepts it: keyboard only, as for `pick`. */
export async function typeInInput(page: Page, input: Locator, text: string): Promise<void> {
  await input.waitFor();
  await quickInputFocused(page);
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
  await quickInput(page).waitFor({ state: 'hidden' });
}

/** Opens a workspace file by name through Quick Open, at a line and column. */
export async function openFile(page: Page, name: string, line: number, column: number): Promise<void> {
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
export async function reset(page: Page): Promise<void> {
  // Short waits: what is closed here may not be there at all.
  page.setDefaultTimeout(15_000);
  await page.keyboard.press('Escape');
  await page.keyboard.press('Escape');
  // Reverting first: closing an edited or untitled document would ask to save it.
  const tabs = page.locator('.tabs-container .tab');
  for (let i = 0; i < 10 && await tabs.count() > 0; i++) await runCommand(page, 'View: Revert and Close Editor').catch(() => undefined);
  await runCommand(page, 'Notifications: Clear All Notifications').catch(() => undefined);
  if (await panel(page).isVisible()) await runCommand(page, 'View: Hide Panel').catch(() => undefined);
  // The (empty, offline) chat side bar sometimes opens on its own.
  if (await page.locator('.part.auxiliarybar').isVisible()) await runCommand(page, 'View: Close Secondary Side Bar').catch(() => undefined);
  page.setDefaultTimeout(UI_TIMEOUT);
}

/** Opens the extension's walkthrough from the command palette. */
export async function openWalkthrough(page: Page): Promise<void> {
  await runCommand(page, 'Welcome: Open Walkthrough...');
  await pick(page, 'Set up identity verification');
  await step(page, 'storeSecret').waitFor();
}

/** A walkthrough step (its header button, which expands it). */
export function step(page: Page, stepId: string): Locator {
  return page.locator(`button.getting-started-step[data-step-id="${EXTENSION_ID}#setup#${stepId}"]`);
}

/** A step's tick: `aria-checked` is "true" once the step is complete. */
export function stepTick(page: Page, stepId: string): Locator {
  return page.locator(`[data-done-step-id="${EXTENSION_ID}#setup#${stepId}"]`);
}

/** What the focus watch keeps in the page (declared here: this project's types have no DOM). */
type WatchedWindow = {
  __idvFocus?: {
    /** Calls of `focus()` on each walkthrough step, by step id. */
    stepFocusCalls: Record<string, number>;
    /** Timers whose whole body is `() => element.focus()` that have not run yet. */
    pendingFocusTimers: number;
    /** Where the keyboard focus went and where each key landed, for a failed test's record. */
    log: string[];
  };
};

/**
 * Installed in the page before the workbench's own scripts run, so it sees every deferred focus
 * from the first. Two things take the keyboard focus later than the click that causes them:
 * the walkthrough focuses a step it selects 250 ms after the click (VS Code's gettingStarted.ts,
 * selectStep: `setTimeout(() => step.focus(), 250)`), and it selects one as it opens. A user's
 * hand is never that quick; a test's is, and on a loaded machine timers run late (this one after
 * 620 ms at a load average of 8), so a focus scheduled when the walkthrough opened can land after
 * a later click, and take the keyboard from the question that click opened. The watch counts
 * the timers whose whole body focuses an element until they have run, and the focus calls on
 * each step, so that a test can wait until no focus is still on its way.
 */
function watchFocus(): void {
  type Target = { tagName?: string; className?: unknown; getAttribute?(name: string): string | null; closest?(selector: string): unknown };
  type Page = {
    top: unknown;
    setTimeout: (handler: unknown, timeout?: number, ...args: unknown[]) => number;
    clearTimeout: (id?: number) => void;
    performance: { now(): number };
    HTMLElement: { prototype: { focus: (this: Target, ...args: unknown[]) => void } };
    document: { activeElement: Target | null; addEventListener(type: string, listener: (e: { target: Target | null; key?: string }) => void, capture: boolean): void };
    __idvFocus?: { stepFocusCalls: Record<string, number>; pendingFocusTimers: number; log: string[] };
  };
  const w = globalThis as unknown as Page;
  // Webviews are frames of their own; only the workbench matters.
  if (w.top !== w || w.__idvFocus) return;
  const state = { stepFocusCalls: {} as Record<string, number>, pendingFocusTimers: 0, log: [] as string[] };
  w.__idvFocus = state;
  const time = () => w.performance.now().toFixed(0);
  const describe = (t: Target | null) => (t ? `${t.tagName ?? ''}.${(typeof t.className === 'string' ? t.className : '').slice(0, 40)}${t.getAttribute?.('data-step-id') ? ` step=${t.getAttribute('data-step-id')?.split('#').pop() ?? ''}` : ''}${t.closest?.('.quick-input-widget') ? ' [quick input]' : ''}` : 'none');

  const focus = w.HTMLElement.prototype.focus;
  w.HTMLElement.prototype.focus = function (this: Target, ...args: unknown[]) {
    const step = this.getAttribute?.('data-step-id');
    if (step) state.stepFocusCalls[step] = (state.stepFocusCalls[step] ?? 0) + 1;
    focus.apply(this, args);
  };

  // `() => x.focus()` as written, minified (`()=>n.focus()`) or not.
  const deferredFocus = /^\(\)\s*=>\s*[\w$.]+\.focus\(\)$/;
  const pending = new Set<number>();
  const setTimeout = w.setTimeout.bind(w);
  const clearTimeout = w.clearTimeout.bind(w);
  w.setTimeout = function (handler: unknown, timeout?: number, ...args: unknown[]): number {
    if (typeof handler !== 'function' || !deferredFocus.test(Function.prototype.toString.call(handler))) {
      return setTimeout(handler, timeout, ...args);
    }
    const id = setTimeout(() => {
      if (pending.delete(id)) state.pendingFocusTimers = pending.size;
      (handler as () => void)();
    }, timeout);
    pending.add(id);
    state.pendingFocusTimers = pending.size;
    state.log.push(`${time()} focus scheduled in ${timeout ?? 0} ms`);
    return id;
  };
  w.clearTimeout = function (id?: number): void {
    if (id !== undefined && pending.delete(id)) state.pendingFocusTimers = pending.size;
    clearTimeout(id);
  };

  w.document.addEventListener('focusin', (e) => state.log.push(`${time()} focus ${describe(e.target)}`), true);
  w.document.addEventListener('keydown', (e) => state.log.push(`${time()} key ${e.key ?? ''} -> ${describe(w.document.activeElement)}`), true);
}

/** The page's focus and key events, for a failed test's record. */
export async function focusLog(page: Page): Promise<string[]> {
  return page.evaluate(() => (globalThis as unknown as WatchedWindow).__idvFocus?.log ?? []).catch(() => []);
}

/** Resolves once no deferred focus (see watchFocus) is still on its way. */
export async function focusSettled(page: Page): Promise<void> {
  await page.waitForFunction(() => (globalThis as unknown as WatchedWindow).__idvFocus?.pendingFocusTimers === 0);
}

/**
 * Clicks the button titled `title` in a walkthrough step, after selecting the step as a user
 * does: a click on its header, then the button once the focus that click schedules has landed
 * and no other is on its way, as a user's hand always finds it.
 */
export async function clickStepButton(page: Page, stepId: string, title: string): Promise<void> {
  const id = `${EXTENSION_ID}#setup#${stepId}`;
  const before = await page.evaluate((step) => (globalThis as unknown as WatchedWindow).__idvFocus?.stepFocusCalls[step] ?? 0, id);
  await step(page, stepId).click();
  await page.waitForFunction(({ step, before }) => {
    const watch = (globalThis as unknown as WatchedWindow).__idvFocus;
    return watch !== undefined && (watch.stepFocusCalls[step] ?? 0) > before && watch.pendingFocusTimers === 0;
  }, { step: id, before });
  const button = page.locator(`[x-step-description-for="${id}"]`).getByRole('button', { name: title, exact: true });
  await button.waitFor();
  await button.click();
}

/**
 * Shows the hover at the cursor (as Ctrl+K Ctrl+I does) and clicks the link of `ruleId` in it.
 * Right after a file opens other squiggles (TypeScript's) may come before this extension's, and
 * a hover shows the diagnostics known when it opens, so a hover without the link is closed and
 * shown again, a bounded number of times.
 */
export async function clickRuleLinkInHover(page: Page, ruleId: string): Promise<void> {
  const link = page.locator('.monaco-hover a.code-link', { hasText: ruleId });
  for (let attempt = 1; ; attempt++) {
    await runCommand(page, 'Show or Focus Hover');
    try {
      await link.waitFor({ timeout: 10_000 });
      break;
    } catch (error) {
      if (attempt === 12) throw error;
      await page.keyboard.press('Escape');
    }
  }
  await link.click();
}

/** The body of the webview shown in the active editor (VS Code nests the page in two frames). */
export function activeWebview(page: Page): FrameLocator {
  return page.locator('iframe.webview.ready').last().contentFrame().locator('#active-frame').contentFrame();
}

/** The visible text of the active editor (Monaco renders lines as spans; spaces as nbsp). */
export async function activeEditorText(page: Page): Promise<string> {
  const lines = page.locator('.editor-group-container.active .monaco-editor .view-lines');
  await lines.first().waitFor();
  return (await lines.first().innerText()).replace(/\u00a0/g, ' ');
}

/**
 * Waits for the pop-ups' fade-in (CSS animations) to end, so that no picture catches a
 * half-drawn widget. Endless animations (progress spinners) are left alone.
 */
export async function animationsDone(page: Page): Promise<void> {
  await page.evaluate(async () => {
    // Runs in the page; this project's types have no DOM, so the little used is declared here.
    type PageAnimation = { effect: { getComputedTiming(): { endTime?: number | string } } | null; finished: Promise<unknown> };
    const { document } = globalThis as unknown as { document: { getAnimations(): PageAnimation[] } };
    const finite = document.getAnimations().filter((animation) => animation.effect?.getComputedTiming().endTime !== Infinity);
    await Promise.all(finite.map((animation) => animation.finished.catch(() => undefined)));
  });
}
