/**
 * The README's tables are generated, not typed: the rules from the engine's RULES metadata,
 * the commands and settings from package.json. Each lives between `<!-- NAME:start -->` and
 * `<!-- NAME:end -->`; a unit test fails when the committed README is stale, and
 * `npm run docs` rewrites it.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { RULES } from '../core/engine/index';

interface Manifest {
  readonly contributes: {
    readonly commands: ReadonlyArray<{ command: string; title: string; category?: string }>;
    readonly configuration: { readonly properties: Readonly<Record<string, { default?: unknown; markdownDescription?: string; description?: string }>> };
  };
}

/** Markdown table cells cannot hold a bare `|` or a line break. */
function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

function rulesTable(): string {
  return [
    '| Rule | Default | Catches | Fixable |',
    '|---|---|---|---|',
    ...RULES.map((r) => `| [\`${r.id}\`](#${r.id}) | ${r.defaultSeverity} | ${cell(r.description)} | ${r.fixable ? 'yes' : 'no'} |`),
  ].join('\n');
}

function ruleDocs(): string {
  return RULES.map((r) => [
    `### ${r.id}`, '',
    `**What it catches.** ${r.docs.what}`, '',
    `**Why it matters.** ${r.docs.why}`, '',
    `**How to fix it.** ${r.docs.fix}`, '',
    `**How to suppress it.** ${r.docs.suppress}`,
  ].join('\n')).join('\n\n');
}

function commandsTable(manifest: Manifest): string {
  return [
    '| Command | Id |',
    '|---|---|',
    ...manifest.contributes.commands.map((c) => `| ${c.category ? `${c.category}: ` : ''}${c.title} | \`${c.command}\` |`),
  ].join('\n');
}

function settingsTable(manifest: Manifest): string {
  return [
    '| Setting | Default | Description |',
    '|---|---|---|',
    ...Object.entries(manifest.contributes.configuration.properties).map(([key, p]) =>
      `| \`${key}\` | \`${JSON.stringify(p.default)}\` | ${cell(p.markdownDescription ?? p.description ?? '')} |`),
  ].join('\n');
}

/** `readme` with every generated section brought up to date. Throws if a marker is missing. */
export function renderReadme(readme: string, manifest: Manifest): string {
  const sections: Record<string, string> = {
    rules: rulesTable(),
    'rule-docs': ruleDocs(),
    commands: commandsTable(manifest),
    settings: settingsTable(manifest),
  };
  let out = readme;
  for (const [name, body] of Object.entries(sections)) {
    const start = `<!-- ${name}:start -->`;
    const end = `<!-- ${name}:end -->`;
    const from = out.indexOf(start);
    const to = out.indexOf(end);
    if (from < 0 || to < from) throw new Error(`README.md lacks the ${start} … ${end} markers.`);
    out = `${out.slice(0, from + start.length)}\n${body}\n${out.slice(to)}`;
  }
  return out;
}

/** Paths of the two inputs, relative to the repository root. */
export function readmeInputs(root: string): { readme: string; manifest: Manifest } {
  return {
    readme: readFileSync(join(root, 'README.md'), 'utf8'),
    manifest: JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as Manifest,
  };
}

if (require.main === module) {
  const root = process.cwd();
  const { readme, manifest } = readmeInputs(root);
  writeFileSync(join(root, 'README.md'), renderReadme(readme, manifest));
}
