/**
 * The extension's settings, typed, with one reader. Each key is documented here and in
 * package.json's `contributes.configuration` (a unit test keeps the two in step).
 */
import * as vscode from 'vscode';
import type { RuleId, SeveritySetting } from '../core/engine/types';

export interface Settings {
  /** Messenger offered first by the hash checker and the snippet picker. */
  readonly defaultVendor: string;
  /** Lint as you type (`onType`, debounced) or only when a file is saved (`onSave`). */
  readonly run: 'onType' | 'onSave';
  /** Milliseconds of quiet after a keystroke before a document is linted again. */
  readonly debounceMs: number;
  /** Per-rule severity overrides, applied over the project's `.idvrc.json`. */
  readonly rules: Partial<Record<RuleId, SeveritySetting>>;
  /** Extra globs for files that run in the browser or a mobile app. */
  readonly clientGlobs: readonly string[];
  /** Extra globs for files that run only on the server. */
  readonly serverGlobs: readonly string[];
  /** Environment variable name the server snippets read the secret from; empty: the vendor's. */
  readonly envVar: string;
}

export const SECTION = 'identityVerification';

/**
 * Reads the settings for `scope` (a file or folder; without one, the values that apply to any
 * resource), replacing malformed values with defaults. The settings are resource-scoped, so a
 * folder of a multi-root workspace can have its own.
 */
export function readSettings(scope?: vscode.ConfigurationScope): Settings {
  // `null`, not `undefined`: VS Code warns when a resource-scoped setting is read with no scope.
  const config = vscode.workspace.getConfiguration(SECTION, scope ?? null);
  const strings = (key: string) => {
    const value = config.get<unknown>(key);
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string' && v !== '') : [];
  };
  const rules = config.get<unknown>('rules');
  const debounce = config.get<unknown>('debounceMs');
  return {
    defaultVendor: config.get<string>('defaultVendor', 'intercom'),
    run: config.get<string>('run') === 'onSave' ? 'onSave' : 'onType',
    debounceMs: typeof debounce === 'number' && debounce >= 0 ? Math.min(debounce, 10_000) : 300,
    // Validated against the rule ids by ProjectConfigs, which says what it ignores.
    rules: typeof rules === 'object' && rules !== null && !Array.isArray(rules) ? { ...rules } : {},
    clientGlobs: strings('clientGlobs'),
    serverGlobs: strings('serverGlobs'),
    envVar: config.get<string>('envVar', ''),
  };
}
