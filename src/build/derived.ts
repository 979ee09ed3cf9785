/**
 * Everything in the repository that is derived from the code, computed in one place: the
 * snippet files, the generated parts of package.json, the `.idvrc.json` schema and the
 * README's tables. (The pre-filter's WebAssembly, teddy.wasm.ts, is compiled by wasm.mjs.)
 * src/build/generate.mjs writes these files or, with --check, fails when a committed one
 * differs; `npm test` runs the check before anything else touches the tree.
 */
import { configSchema, SEVERITY_SETTINGS } from '../core/engine/configSchema';
import { RULES } from '../core/engine/index';
import { LANGUAGE_IDS } from '../core/engine/lang';
import { snippetLanguages } from '../core/snippets/catalogue';
import { snippetCompletions } from '../core/snippets/completions';
import { VENDORS } from '../core/vendors';
import { renderReadme, type ReadmeManifest } from './readmeSections';
import { BUILT_IN_LANGUAGES } from './vscodeLanguages';

/** The generated files, by path relative to the repository root, and what they must contain. */
export interface Derived {
  readonly files: ReadonlyMap<string, string>;
  /**
   * Folders that hold only generated files of one kind: a file there that is not in `files`
   * is stale too (a language whose last snippet was removed).
   */
  readonly ownedFolders: ReadonlyArray<{ readonly dir: string; readonly suffix: string }>;
}

interface Setting {
  enum?: string[];
  enumItemLabels?: string[];
  properties?: Record<string, unknown>;
  [key: string]: unknown;
}

/** package.json as far as the generator touches it; everything else is kept as it is. */
interface Manifest extends ReadmeManifest {
  activationEvents: string[];
  contributes: ReadmeManifest['contributes'] & {
    configuration: { properties: Record<string, Setting> };
    snippets: Array<{ language: string; path: string }>;
  };
}

/** Languages the extension works in beyond the engine's: .env and config files VS Code shows as plain text. */
const EXTRA_ACTIVATION_LANGUAGES = ['plaintext'];
/** A project configured for the extension activates it even before a supported file is opened. */
const WORKSPACE_ACTIVATION = 'workspaceContains:.idvrc.json';

function json(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

function setting(manifest: Manifest, key: string): Setting {
  const found = manifest.contributes.configuration.properties[`identityVerification.${key}`];
  if (!found) throw new Error(`package.json lacks the setting identityVerification.${key}`);
  return found;
}

/** The snippet languages the manifest contributes files for (the rest go through the provider). */
export function contributedSnippetLanguages(): string[] {
  return snippetLanguages().filter((language) => BUILT_IN_LANGUAGES.has(language));
}

/** package.json with its generated sections recomputed, keys kept in their order. */
export function deriveManifest(text: string): string {
  const manifest = JSON.parse(text) as Manifest;
  const vendor = setting(manifest, 'defaultVendor');
  vendor.enum = VENDORS.map((v) => v.id);
  vendor.enumItemLabels = VENDORS.map((v) => v.name);
  setting(manifest, 'rules').properties = Object.fromEntries(RULES.map((r) => [r.id, {
    type: 'string',
    enum: [...SEVERITY_SETTINGS],
    markdownDescription: `${r.description} Default: \`${r.defaultSeverity}\`.`,
  }]));
  manifest.contributes.snippets = contributedSnippetLanguages().map((language) => ({ language, path: `./snippets/${language}.code-snippets` }));
  const languages = [...new Set([...LANGUAGE_IDS, ...snippetLanguages(), ...EXTRA_ACTIVATION_LANGUAGES])].sort();
  manifest.activationEvents = [...languages.map((language) => `onLanguage:${language}`), WORKSPACE_ACTIVATION];
  return json(manifest);
}

/** Every derived file, from the current package.json and README (their hand-written parts). */
export function derive(read: (path: string) => string): Derived {
  const files = new Map<string, string>();
  for (const language of contributedSnippetLanguages()) {
    const entries = Object.fromEntries(snippetCompletions(language).map((c) => [c.name, { prefix: c.prefix, body: c.body, description: c.description }]));
    files.set(`snippets/${language}.code-snippets`, json(entries));
  }
  const manifest = deriveManifest(read('package.json'));
  files.set('package.json', manifest);
  files.set('src/core/engine/config.schema.json', json(configSchema()));
  // The README's settings and commands tables come from the package.json just derived.
  files.set('README.md', renderReadme(read('README.md'), JSON.parse(manifest) as ReadmeManifest));
  return { files, ownedFolders: [{ dir: 'snippets', suffix: '.code-snippets' }] };
}
