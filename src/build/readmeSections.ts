/**
 * The README's tables are generated, not typed: the rules from the engine's RULES metadata,
 * the messengers from the vendor files (src/core/vendors), the commands and settings from package.json. Each lives
 * between `<!-- NAME:start -->` and `<!-- NAME:end -->`; `npm run generate` rewrites them and
 * its `--check` (the first stage of `npm test`) fails when the committed README is stale.
 */
import { RULES } from '../core/engine/index';
import { ruleDocsBody } from '../core/engine/ruleDocs';
import { CLIENT_SDKS, VENDOR_DEFINITIONS, type ClientSdk, type Vendor } from '../core/vendors';

/** The parts of package.json the tables show. */
export interface ReadmeManifest {
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
  return RULES.map((r) => `### ${r.id}\n\n${ruleDocsBody(r)}`).join('\n\n');
}

const HASHES: Record<Vendor['hashes'], string> = { user_id: 'user id', email: 'email', user_id_or_email: 'user id, else email' };
const PLATFORM_NAMES = { web: 'web', ios: 'iOS', android: 'Android' } as const;

const SDK_NAMES: Record<ClientSdk, string> = {
  web: 'web', 'react-native': 'React Native', 'ios-swift': 'iOS Swift', 'ios-objc': 'iOS Objective-C',
  'android-kotlin': 'Android Kotlin', 'android-java': 'Android Java', flutter: 'Flutter', xamarin: 'Xamarin / .NET MAUI',
  capacitor: 'Capacitor', cordova: 'Cordova',
};

/** The client fields that carry who the user is. */
function identifierFields(v: Vendor): string {
  return [v.userIdField, v.emailField].filter((f): f is string => f !== undefined).map((f) => `\`${f}\``).join(', ');
}

/** One row per vendor file: the facts, and the SDKs its calls are known on. */
function vendorsTable(): string {
  return [
    '| Messenger | Hash of | Sent as | Identifier sent as | Secret per platform | JWT | Client SDKs known |',
    '|---|---|---|---|---|---|---|',
    ...VENDOR_DEFINITIONS.map(({ facts: v, calls }) => {
      const hash = v.scheme === 'jwt-only' ? 'none (JWT only)' : `${HASHES[v.hashes]}${v.secretEncoding === 'hex' ? ' (hex secret, decoded first)' : ''}`;
      const sentAs = v.scheme === 'jwt-only' ? '' : `\`${v.hashField}\``;
      const jwt = v.jwt ? `\`${v.jwt.field}\` (claim \`${v.jwt.identifierClaim}\`)` : 'no';
      const sdks = CLIENT_SDKS.filter((sdk) => calls.some((c) => c.sdks.includes(sdk))).map((sdk) => SDK_NAMES[sdk]).join(', ');
      return `| ${v.name} | ${hash} | ${cell(sentAs)} | ${cell(identifierFields(v))} | ${v.platforms.map((p) => PLATFORM_NAMES[p]).join(', ')} | ${cell(jwt)} | ${sdks} |`;
    }),
  ].join('\n');
}

function commandsTable(manifest: ReadmeManifest): string {
  return [
    '| Command | Id |',
    '|---|---|',
    ...manifest.contributes.commands.map((c) => `| ${c.category ? `${c.category}: ` : ''}${c.title} | \`${c.command}\` |`),
  ].join('\n');
}

function settingsTable(manifest: ReadmeManifest): string {
  return [
    '| Setting | Default | Description |',
    '|---|---|---|',
    ...Object.entries(manifest.contributes.configuration.properties).map(([key, p]) =>
      `| \`${key}\` | \`${JSON.stringify(p.default)}\` | ${cell(p.markdownDescription ?? p.description ?? '')} |`),
  ].join('\n');
}

/** `readme` with every generated section brought up to date. Throws if a marker is missing. */
export function renderReadme(readme: string, manifest: ReadmeManifest): string {
  const sections: Record<string, string> = {
    rules: rulesTable(),
    vendors: vendorsTable(),
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
