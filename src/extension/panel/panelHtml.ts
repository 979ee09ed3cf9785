/**
 * The "Identity Verification" panel as HTML: the hash checker's last result, Inspect JWT's last
 * token and the last workspace scan, rendered from plain state. No `vscode` import, so plain-Node
 * unit tests render it. Everything shown is text, escaped; the page loads nothing from outside,
 * runs only its own nonce-tagged script, and takes its colours from the theme's CSS variables.
 * The state never holds a secret: the extension host computes, the panel shows hashes.
 */
import type { JsonObject, JwtInspection } from '../../core/jwt';
import { isoTime, jwtVerdict, relativeTime, requiredClaimsLine, type JwtVerdictKind, type ReportContext } from '../../core/jwtReport';

/** Compute or Verify User Hash: what was asked (the inputs) and what came out. */
export interface HashPanel {
  readonly action: 'computed' | 'verified';
  /** `Intercom`, `Web`, `user_hash`. */
  readonly vendor: string;
  readonly platform: string;
  readonly hashField: string;
  readonly identifierKind: 'user id' | 'email';
  readonly identifier: string;
  /** Why this identifier was hashed, when the choice needs saying. */
  readonly identifierNote?: string;
  /** The right hash: the one computed, or the one the checked hash should have been. */
  readonly hash: string;
  /** Verify only: the hash that was checked, its verdict and, on a mismatch, what went wrong and the fix. */
  readonly given?: string;
  readonly match?: boolean;
  readonly diagnosis?: string;
}

/** One header field or claim; `time` for a NumericDate, as an ISO date and a relative time. */
export interface JwtField {
  readonly name: string;
  readonly value: string;
  readonly time?: string;
}

/** Inspect JWT: the verdict first, then the other problems, the required claims and the token. */
export interface JwtPanel {
  readonly vendor: string;
  readonly verdict: JwtVerdictKind;
  readonly headline: string;
  readonly problems: readonly string[];
  readonly required: string;
  readonly header: readonly JwtField[];
  readonly claims: readonly JwtField[];
}

/** The last Scan Workspace. */
export interface ScanPanel {
  readonly files: number;
  readonly findings: number;
  readonly byRule: ReadonlyArray<{ readonly rule: string; readonly count: number }>;
  readonly notRead: ReadonlyArray<{ readonly file: string; readonly reason: string }>;
  readonly cancelled: boolean;
}

export interface PanelState {
  readonly hash?: HashPanel;
  readonly jwt?: JwtPanel;
  readonly scan?: ScanPanel;
}

/** What the page may ask of the extension; anything else it posts is ignored. */
export type PanelMessage =
  | { readonly type: 'run'; readonly command: RunCommand }
  | { readonly type: 'copy'; readonly what: 'hash' | 'given' }
  | { readonly type: 'insert'; readonly what: 'hash' }
  /** The text the page shows once loaded: how tests (and nothing else) read what a user sees. */
  | { readonly type: 'shown'; readonly text: string };

/** The commands the page's buttons run. */
export const RUN_COMMANDS = ['idv.computeUserHash', 'idv.verifyUserHash', 'idv.inspectJwt', 'idv.scanWorkspace', 'workbench.actions.view.problems'] as const;
export type RunCommand = (typeof RUN_COMMANDS)[number];

/** Validates a message from the page: a known type with known values, else undefined. */
export function parseMessage(data: unknown): PanelMessage | undefined {
  if (typeof data !== 'object' || data === null) return undefined;
  const m = data as Record<string, unknown>;
  if (m.type === 'run' && (RUN_COMMANDS as readonly unknown[]).includes(m.command)) return { type: 'run', command: m.command as RunCommand };
  if (m.type === 'copy' && (m.what === 'hash' || m.what === 'given')) return { type: 'copy', what: m.what };
  if (m.type === 'insert' && m.what === 'hash') return { type: 'insert', what: 'hash' };
  if (m.type === 'shown' && typeof m.text === 'string') return { type: 'shown', text: m.text };
  return undefined;
}

/** `1 problem`, `2 problems`. */
export function counted(n: number, word: string): string {
  return `${n.toLocaleString('en-US')} ${word}${n === 1 ? '' : 's'}`;
}

/** Claims that hold seconds since the epoch (RFC 7519 NumericDate). */
const TIME_CLAIMS = new Set(['exp', 'iat', 'nbf', 'auth_time']);

function fields(object: JsonObject, now: number): JwtField[] {
  return Object.entries(object).map(([name, value]) => ({
    name,
    value: JSON.stringify(value) ?? String(value),
    ...(TIME_CLAIMS.has(name) && typeof value === 'number' && Number.isFinite(value) ? { time: `${isoTime(value)} (${relativeTime(value, now)})` } : {}),
  }));
}

/** The panel's JWT section from an inspection, with the words core/jwtReport.ts writes. */
export function jwtPanel(inspection: JwtInspection, ctx: ReportContext): JwtPanel {
  const verdict = jwtVerdict(inspection, ctx);
  return {
    vendor: ctx.vendor.name,
    verdict: verdict.kind,
    headline: verdict.headline,
    problems: verdict.others.map((p) => p.message),
    required: requiredClaimsLine(inspection, ctx.vendor),
    header: fields(inspection.header, ctx.now),
    claims: fields(inspection.payload, ctx.now),
  };
}

const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text as HTML: every value shown comes from a token, a file name or the user, so all is escaped. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

function button(label: string, data: string, aria?: string): string {
  return `<button type="button" ${data}${aria ? ` aria-label="${escapeHtml(aria)}"` : ''}>${escapeHtml(label)}</button>`;
}

/** A value shown whole, selectable in one go, with its buttons beside it. */
function valueBox(id: string, label: string, value: string, buttons: string): string {
  return `<div class="value"><div class="label" id="${id}-label">${escapeHtml(label)}</div><code class="box" id="${id}" tabindex="0" aria-labelledby="${id}-label">${escapeHtml(value)}</code><div class="actions">${buttons}</div></div>`;
}

function hashSection(h: HashPanel | undefined): string {
  const run = `<div class="actions">${button('Compute User Hash…', 'data-run="idv.computeUserHash"')}${button('Verify User Hash…', 'data-run="idv.verifyUserHash"')}</div>`;
  if (!h) return `<section aria-labelledby="hash-title"><h2 id="hash-title">Hash checker</h2><p class="muted">Compute a user hash, or check one the client sends, with the secret stored in VS Code.</p>${run}</section>`;
  const verdict = h.action === 'computed' ? ''
    : h.match ? `<p class="verdict ok" role="status">The hash matches.</p>`
      : `<p class="verdict bad" role="status">The hash does not match.</p><p class="diagnosis">${escapeHtml(h.diagnosis ?? '')}</p>`;
  const inputs = [
    ['Messenger', `${h.vendor} · ${h.platform}`],
    [`Hashed (${h.identifierKind})`, JSON.stringify(h.identifier)],
    ...(h.given !== undefined ? [['Hash checked', h.given]] : []),
  ];
  const rows = inputs.map(([k, v]) => `<tr><th scope="row">${escapeHtml(k ?? '')}</th><td><code>${escapeHtml(v ?? '')}</code></td></tr>`).join('');
  const label = h.action === 'computed' || h.match ? `${h.hashField} (${h.hash.length} hex characters)` : `The right ${h.hashField} (${h.hash.length} hex characters)`;
  return `<section aria-labelledby="hash-title"><h2 id="hash-title">Hash checker</h2>${verdict}
<table class="inputs">${rows}</table>${h.identifierNote ? `<p class="muted">${escapeHtml(h.identifierNote)}</p>` : ''}
${valueBox('hash-value', label, h.hash, button('Copy', 'data-copy="hash"', `Copy the ${h.hashField}`) + button('Insert at Cursor', 'data-insert="hash"', `Insert the ${h.hashField} at the cursor`))}
${run}</section>`;
}

function fieldTable(caption: string, list: readonly JwtField[]): string {
  if (list.length === 0) return '';
  const rows = list.map((f) => `<tr><th scope="row"><code>${escapeHtml(f.name)}</code></th><td><code class="wrap">${escapeHtml(f.value)}</code>${f.time ? `<div class="muted">${escapeHtml(f.time)}</div>` : ''}</td></tr>`).join('');
  return `<table class="fields"><caption>${escapeHtml(caption)}</caption>${rows}</table>`;
}

function jwtSection(j: JwtPanel | undefined): string {
  const run = `<div class="actions">${button('Inspect JWT…', 'data-run="idv.inspectJwt"')}</div>`;
  if (!j) return `<section aria-labelledby="jwt-title"><h2 id="jwt-title">JWT</h2><p class="muted">Decode a messenger JWT and check its signature with the stored secret.</p>${run}</section>`;
  const ok = j.verdict === 'valid' && j.problems.length === 0;
  const problems = j.problems.length === 0 ? ''
    : `<h3>Also ${counted(j.problems.length, 'problem')}</h3><ul>${j.problems.map((p) => `<li>${escapeHtml(p)}</li>`).join('')}</ul>`;
  return `<section aria-labelledby="jwt-title"><h2 id="jwt-title">${escapeHtml(j.vendor)} JWT</h2>
<p class="verdict ${ok ? 'ok' : 'bad'}" role="status">${escapeHtml(j.headline)}</p>${problems}
${j.required ? `<p>${escapeHtml(j.required)}</p>` : ''}${fieldTable('Header', j.header)}${fieldTable('Claims (times in UTC)', j.claims)}
${run}</section>`;
}

function scanSection(s: ScanPanel | undefined): string {
  const run = button(s ? 'Scan Again' : 'Scan Workspace', 'data-run="idv.scanWorkspace"');
  if (!s) return `<section aria-labelledby="scan-title"><h2 id="scan-title">Workspace scan</h2><p class="muted">Scan every file of the workspace, not only the open ones.</p><div class="actions">${run}</div></section>`;
  const head = `${s.cancelled ? 'Cancelled after' : 'Scanned'} ${counted(s.files, 'file')}: ${s.findings === 0 ? 'no identity verification problems' : counted(s.findings, 'problem')}.`;
  const rules = s.byRule.length === 0 ? '' : `<table class="inputs">${s.byRule.map((r) => `<tr><th scope="row"><code>${escapeHtml(r.rule)}</code></th><td>${r.count.toLocaleString('en-US')}</td></tr>`).join('')}</table>`;
  const notRead = s.notRead.length === 0 ? ''
    : `<details><summary>${counted(s.notRead.length, 'file')} not read</summary><ul>${s.notRead.map((n) => `<li><code class="wrap">${escapeHtml(n.file)}</code>: ${escapeHtml(n.reason)}</li>`).join('')}</ul></details>`;
  const problems = s.findings > 0 ? button('Open Problems', 'data-run="workbench.actions.view.problems"') : '';
  return `<section aria-labelledby="scan-title"><h2 id="scan-title">Workspace scan</h2><p class="verdict ${s.findings === 0 && !s.cancelled ? 'ok' : 'bad'}" role="status">${escapeHtml(head)}</p>${rules}${notRead}<div class="actions">${problems}${run}</div></section>`;
}

const STYLE = `
body { font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); color: var(--vscode-foreground); padding: 0 0.5em 1em; line-height: 1.45; }
h2 { font-size: 1.05em; font-weight: 600; margin: 1em 0 0.4em; text-transform: none; }
h3 { font-size: 1em; font-weight: 600; margin: 0.6em 0 0.2em; }
section { border-bottom: 1px solid var(--vscode-panel-border, transparent); padding-bottom: 0.6em; }
code { font-family: var(--vscode-editor-font-family); font-size: var(--vscode-editor-font-size); }
.box { display: block; word-break: break-all; overflow-wrap: anywhere; user-select: all; white-space: pre-wrap; padding: 0.4em 0.5em; margin: 0.2em 0; background: var(--vscode-textCodeBlock-background); border: 1px solid var(--vscode-input-border, var(--vscode-panel-border, transparent)); border-radius: 2px; }
.wrap { word-break: break-all; overflow-wrap: anywhere; }
.label, .muted, caption { color: var(--vscode-descriptionForeground); }
caption { text-align: left; font-weight: 600; padding-top: 0.5em; }
table { border-collapse: collapse; width: 100%; }
th { text-align: left; font-weight: normal; color: var(--vscode-descriptionForeground); padding: 0.1em 0.6em 0.1em 0; vertical-align: top; white-space: nowrap; }
td { padding: 0.1em 0; word-break: break-all; }
.verdict { font-weight: 600; }
.verdict.ok { color: var(--vscode-testing-iconPassed, var(--vscode-foreground)); }
.verdict.bad { color: var(--vscode-editorWarning-foreground, var(--vscode-foreground)); }
.diagnosis { margin-top: 0; }
.actions { display: flex; flex-wrap: wrap; gap: 0.4em; margin: 0.4em 0; }
button { font-family: inherit; font-size: inherit; color: var(--vscode-button-secondaryForeground); background: var(--vscode-button-secondaryBackground); border: 1px solid var(--vscode-button-border, transparent); border-radius: 2px; padding: 0.25em 0.7em; cursor: pointer; }
button:hover { background: var(--vscode-button-secondaryHoverBackground); }
button:focus-visible, .box:focus-visible, summary:focus-visible { outline: 1px solid var(--vscode-focusBorder); outline-offset: 1px; }
ul { padding-left: 1.2em; margin: 0.2em 0; }
`;

/** The script: buttons post what they ask for; once loaded, the page says what it shows. */
const SCRIPT = `
const vscode = acquireVsCodeApi();
document.addEventListener('click', (event) => {
  const b = event.target instanceof Element ? event.target.closest('button') : null;
  if (!b) return;
  if (b.dataset.run) vscode.postMessage({ type: 'run', command: b.dataset.run });
  else if (b.dataset.copy) vscode.postMessage({ type: 'copy', what: b.dataset.copy });
  else if (b.dataset.insert) vscode.postMessage({ type: 'insert', what: b.dataset.insert });
});
vscode.postMessage({ type: 'shown', text: document.body.innerText });
`;

/** The whole page for `state`; `nonce` tags the one style and the one script the CSP lets run. */
export function renderPanel(state: PanelState, page: { readonly nonce: string; readonly cspSource: string }): string {
  const csp = `default-src 'none'; style-src 'nonce-${page.nonce}'; script-src 'nonce-${page.nonce}'; img-src ${page.cspSource}; font-src ${page.cspSource};`;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Identity Verification</title>
<style nonce="${page.nonce}">${STYLE}</style>
</head>
<body>
<main aria-live="polite">
${hashSection(state.hash)}
${jwtSection(state.jwt)}
${scanSection(state.scan)}
</main>
<script nonce="${page.nonce}">${SCRIPT}</script>
</body>
</html>`;
}
