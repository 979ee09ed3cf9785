/**
 * `lint(text, context)`: the rules over one document, after the pre-filter, with suppression
 * comments applied and findings in document order.
 */
import { classifyFile, globMatcher } from './classify';
import { createDoc } from './doc';
import { isTestPath, langOf } from './lang';
import { RULE_IMPLEMENTATIONS, RULE_METAS } from './rules/index';
import { skipByName } from '../files/index';
import { hasAnyTopic } from './topics';
import { findSuppressions, isSuppressed } from './suppress';
import type { Finding, LintContext } from './types';
import { factsFor } from '../syntax/index';

const KNOWN_IDS: ReadonlySet<string> = new Set(RULE_METAS.map((r) => r.id));

const LONE_CR = /\r(?!\n)/;
const LONE_CR_ALL = /\r(?!\n)/g;

/** Needles the pre-filter found absent in the document being linted; reused, never kept. */
const absent: string[] = [];

/**
 * Lints one document. Never throws on any input; linear in the text length. Files matched by
 * the config's `ignore` globs, lock files and checksum lists give no findings.
 */
export function lint(source: string, context: LintContext): Finding[] {
  const { config, path } = context;

  const lang = langOf(path, context.languageId);
  // Most files mention none of the topics the rules are about; they cost a few indexOf calls
  // and nothing else, so the checks on the path come after this one.
  absent.length = 0;
  if (!hasAnyTopic(source, lang, config.secretNamePatterns, absent)) return [];
  // A lone CR ends a line for VS Code as for people (old Mac files, some generators); the rules
  // and the line index read LF. Same length, so every offset and fix stays valid on `source`.
  const text = source.includes('\r') && LONE_CR.test(source) ? source.replace(LONE_CR_ALL, '\n') : source;
  if (globMatcher(config.ignore)(path)) return [];
  const skip = skipByName(path)?.kind;
  if (skip === 'lock-file' || skip === 'checksum-file') return [];
  const doc = createDoc(text, {
    absent,
    path,
    lang,
    side: context.side ?? (() => classifyFile(path, text, config)),
    committed: context.committed,
    testFile: isTestPath(path),
    config,
    facts: () => {
      if (!context.syntax) return undefined;
      try {
        return factsFor(text, path, context.languageId, context.syntax);
      } catch {
        // A grammar that fails on this text (syntax.ts says when): the text scanner decides.
        return undefined;
      }
    },
  });
  const findings: Finding[] = [];
  for (const rule of RULE_IMPLEMENTATIONS) {
    const severity = config.rules[rule.meta.id];
    if (severity === 'off') continue;
    for (const raw of rule.check(doc)) {
      findings.push({
        ruleId: rule.meta.id,
        severity,
        message: raw.message,
        ...(raw.detail !== undefined ? { detail: raw.detail } : {}),
        range: { start: doc.positionAt(raw.start), end: doc.positionAt(raw.end) },
        ...(raw.fix ? { fix: raw.fix } : {}),
        ...(raw.suggestions ? { suggestions: raw.suggestions } : {}),
        ...(raw.data ? { data: raw.data } : {}),
      });
    }
  }
  if (findings.length === 0) return findings;
  const suppressions = doc.has('idv-disable-') ? findSuppressions(text, (offset) => doc.positionAt(offset).line, KNOWN_IDS) : undefined;
  const kept = suppressions ? findings.filter((f) => !isSuppressed(suppressions, f.range.start.line, f.ruleId)) : findings;
  return kept.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.column - b.range.start.column);
}

/**
 * Whether `text` gets past the pre-filter to the rules: the editor loads a file's grammar (an
 * await) only for files that do, so opening files that mention no topic loads none.
 */
export function textPassesPreFilter(text: string, context: Pick<LintContext, 'path' | 'languageId' | 'config'>): boolean {
  return hasAnyTopic(text, langOf(context.path, context.languageId), context.config.secretNamePatterns);
}
