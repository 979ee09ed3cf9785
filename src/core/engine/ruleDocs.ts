/**
 * A rule's documentation as Markdown, composed from its metadata (RULE_METAS): the one text
 * that the README's rule sections and the editor's documentation page both show, so the docs
 * an installed extension opens are the docs of the rule it ships, whatever the file system.
 */
import type { RuleMeta } from './types';

/** The four sections, in the order a reader needs them. */
const SECTIONS: ReadonlyArray<readonly [key: keyof RuleMeta['docs'], title: string]> = [
  ['what', 'What it catches.'],
  ['why', 'Why it matters.'],
  ['fix', 'How to fix it.'],
  ['suppress', 'How to suppress it.'],
];

/** The sections as Markdown paragraphs, each led by its bold title. */
export function ruleDocsBody(rule: RuleMeta): string {
  return SECTIONS.map(([key, title]) => `**${title}** ${rule.docs[key]}`).join('\n\n');
}

/** A whole page for one rule: title, summary line, then the sections. */
export function ruleDocsPage(rule: RuleMeta): string {
  return [
    `# ${rule.id}`, '',
    `${rule.description} Default severity: \`${rule.defaultSeverity}\`; ${rule.fixable ? 'has a quick fix' : 'no automatic fix'}. Set it in \`.idvrc.json\` under \`rules\`, or with the \`identityVerification.rules\` setting.`, '',
    ruleDocsBody(rule), '',
  ].join('\n');
}
