/**
 * What `idv scan --fix` changed, one line each, for stderr in text mode (JSON carries the same
 * under "fixes", SARIF as notifications). Each line names the place, the rule and what the
 * flagged text became; never what it was, since that is the secret.
 */
import type { RuleId } from '../../core/engine/index';
import type { AppliedFix, EnvExampleUpdate, FixReport } from './types';

/** What a rule's fix replaces, in words, for rules whose fix replaces a value. */
const REPLACED: Partial<Record<RuleId, string>> = { 'hardcoded-secret': 'the literal' };

/** `app.js:3:25 hardcoded-secret: replaced the literal with process.env.INTERCOM_SECRET`. */
export function describeFix(fix: AppliedFix): string {
  return `${fix.file}:${fix.line}:${fix.column} ${fix.ruleId}: replaced ${REPLACED[fix.ruleId] ?? 'the flagged text'} with ${fix.replacement.replace(/\s+/g, ' ')}`;
}

/** Which names `.env.example` got, or why it got none. */
export function describeEnvExample(update: EnvExampleUpdate): string {
  const names = (list: readonly string[]) => list.join(', ');
  if (update.absent) return `no ${update.file} to list ${names(update.names)} in (not created; document the variable where the project lists its environment)`;
  if (update.error !== undefined) return `${update.file}: not updated: ${update.error}`;
  const listed = update.names.filter((n) => !update.added.includes(n));
  const parts = [...(update.added.length > 0 ? [`added ${names(update.added)}`] : []), ...(listed.length > 0 ? [`already lists ${names(listed)}`] : [])];
  return `${update.file}: ${parts.join('; ')}`;
}

/** The stderr lines: one per change, then the .env.example; nothing when nothing was fixed. */
export function formatFixes(report: FixReport): string {
  const lines = report.applied.map((f) => `idv: fixed ${describeFix(f)}\n`);
  // An error is also a notice, printed with the others.
  if (report.envExample && report.envExample.error === undefined) lines.push(`idv: ${describeEnvExample(report.envExample)}\n`);
  return lines.join('');
}
