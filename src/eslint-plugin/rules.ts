/**
 * The engine's JavaScript/TypeScript rules as ESLint rules, one per core rule id, all made by one
 * factory from the core's RULES metadata so ids, descriptions and fixability cannot drift.
 */
// Subpath imports: the package root also loads the scope manager (~350 kB bundled) we never use.
import { RuleCreator } from '@typescript-eslint/utils/eslint-utils';
import type { RuleFixer, RuleModule } from '@typescript-eslint/utils/ts-eslint';
import { RULES, type RuleId, type RuleMeta } from '../core/engine/index';
import { findingsFor, toEslintLoc } from './engine';
import { name as packageName } from '../../package.json';

/** Each rule's documentation: its section of the README, as the editor's diagnostics link it. */
export const docsUrl = (ruleId: string): string => `https://www.npmjs.com/package/${packageName}#${ruleId}`;

/** The message ids: the engine writes its messages in full, so each is a single placeholder. */
export type MessageId = 'finding' | 'suggestion';

/** An ESLint rule made from a core rule; it takes no options (project settings live in `settings`). */
export type IdvRuleModule = RuleModule<MessageId, []>;

const createRule = RuleCreator(docsUrl);

/**
 * The ESLint rule for `meta.id`: reports the engine's findings of that rule at their ranges, with
 * the engine's fix as an autofix and its suggestions as ESLint suggestions.
 */
export function createIdvRule(meta: RuleMeta): IdvRuleModule {
  return createRule<[], MessageId>({
    name: meta.id,
    meta: {
      type: 'problem',
      docs: { description: meta.description },
      messages: { finding: '{{ message }}', suggestion: '{{ title }}' },
      schema: [],
      // ESLint rejects fixes and suggestions from rules that do not declare them; the core's
      // `fixable` is the declaration, and only fixable rules produce either.
      ...(meta.fixable ? { fixable: 'code' as const, hasSuggestions: true } : {}),
    },
    create(context) {
      return {
        Program() {
          for (const finding of findingsFor(context)) {
            if (finding.ruleId !== meta.id) continue;
            const { fix, suggestions } = finding;
            context.report({
              loc: toEslintLoc(context, finding),
              messageId: 'finding',
              data: { message: finding.message },
              ...(meta.fixable && fix ? { fix: (fixer) => fixer.replaceTextRange([fix.range.start, fix.range.end], fix.text) } : {}),
              ...(meta.fixable && suggestions?.length ? {
                suggest: suggestions.map((s) => ({
                  messageId: 'suggestion' as const,
                  data: { title: s.title },
                  fix: (fixer: RuleFixer) => fixer.replaceTextRange([s.fix.range.start, s.fix.range.end], s.fix.text),
                })),
              } : {}),
            });
          }
        },
      };
    },
  });
}

/** Every rule of the plugin by id (without the `identity-verification/` prefix). */
export const rules: Readonly<Record<RuleId, IdvRuleModule>> = Object.freeze(
  Object.fromEntries(RULES.map((meta) => [meta.id, createIdvRule(meta)])) as Record<RuleId, IdvRuleModule>,
);
