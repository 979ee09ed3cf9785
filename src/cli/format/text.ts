/** `file:line:column severity rule-id message`, 1-based, one finding per line (editors and CI parse it). */
import type { CommitRef, FileFinding } from './types';

/** Formats findings as text lines; a history finding ends with its commit in brackets. */
export function formatText(findings: readonly FileFinding[]): string {
  return findings.map(({ file, finding: f, commit }) => `${file}:${f.range.start.line + 1}:${f.range.start.column + 1} ${f.severity} ${f.ruleId} ${f.message}${commit ? ` [${commitNote(commit)}]` : ''}\n`).join('');
}

/** `added in 1a2b3c4d by Ada on 2024-05-01; still at HEAD`. */
export function commitNote(commit: CommitRef): string {
  return `added in ${commit.sha.slice(0, 8)} by ${commit.author} on ${commit.date.slice(0, 10)}; ${commit.atHead ? 'still at HEAD' : 'no longer at HEAD, but in every clone'}`;
}
