/** `file:line:column severity rule-id message`, 1-based, one finding per line (editors and CI parse it). */
import { PLAIN, type Palette } from './color';
import type { CommitRef, FileFinding } from './types';

/** Formats findings as text lines; a history finding ends with its commit in brackets. Colour changes no character but adds escape codes. */
export function formatText(findings: readonly FileFinding[], palette: Palette = PLAIN): string {
  const p = palette;
  return findings.map(({ file, finding: f, commit }) => `${p.path(`${file}:${f.range.start.line + 1}:${f.range.start.column + 1}`)} ${p.severity(f.severity)} ${p.rule(f.ruleId)} ${f.message}${commit ? ` ${p.path(`[${commitNote(commit)}]`)}` : ''}\n`).join('');
}

/** `added in 1a2b3c4d by Ada on 2024-05-01; still at HEAD`. */
export function commitNote(commit: CommitRef): string {
  return `added in ${commit.sha.slice(0, 8)} by ${commit.author} on ${commit.date.slice(0, 10)}; ${commit.atHead ? 'still at HEAD' : 'no longer at HEAD, but in every clone'}`;
}
