/**
 * The ESLint plugin (`identity-verification-kit/eslint-plugin`, built to dist/eslint-plugin.js):
 * the core engine's rules as ESLint rules, plus a flat `configs.recommended`.
 *
 *   import identityVerification from 'identity-verification-kit/eslint-plugin';
 *   export default [identityVerification.configs.recommended];
 *
 * `export =` so that both `require()` and an ESM default import get the plugin object itself,
 * which is what ESLint's configs expect.
 */
import type { FlatConfig } from '@typescript-eslint/utils/ts-eslint';
import { name as packageName, version } from '../../package.json';
import { RULES, type RuleId } from '../core/engine/index';
import { rules } from './rules';

/** The namespace rules are configured under: `identity-verification/<rule-id>`. */
const PREFIX = 'identity-verification';

type RecommendedRules = Record<`${typeof PREFIX}/${RuleId}`, 'error' | 'warn'>;

interface IdvPlugin {
  readonly meta: { readonly name: string; readonly version: string };
  readonly rules: typeof rules;
  readonly configs: {
    /** Every rule at the core's default severity (`info` and `warning` become `warn`). */
    readonly recommended: {
      readonly name: string;
      readonly plugins: Record<string, FlatConfig.Plugin>;
      readonly rules: RecommendedRules;
    };
  };
}

const recommendedRules = Object.fromEntries(
  RULES.map((r) => [`${PREFIX}/${r.id}`, r.defaultSeverity === 'error' ? 'error' : 'warn']),
) as RecommendedRules;

// No `files` and no parser: the config applies to whatever the project's other config objects
// lint (typescript-eslint's for .ts/.tsx, a Vue or Svelte parser for .vue/.svelte), since the
// rules read the source text and need no particular AST.
const plugins: Record<string, FlatConfig.Plugin> = {};
/** The plugin object ESLint loads: meta, rules and configs. */
const plugin: IdvPlugin = {
  meta: { name: `${packageName}/eslint-plugin`, version },
  rules,
  configs: { recommended: { name: `${PREFIX}/recommended`, plugins, rules: recommendedRules } },
};
// The flat config refers to the plugin that contains it.
plugins[PREFIX] = plugin;

export = plugin;
