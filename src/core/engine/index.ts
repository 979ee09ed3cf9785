/**
 * The identity-verification lint engine: `lint(text, context)` returns findings as plain data,
 * with fixes as text edits that `applyFixes` applies, for the CLI, the editor and the ESLint
 * plugin alike; `lintBytes` does the same from a file's bytes for scans over many files. Pure
 * apart from git.ts (git) and loadConfig (reads one file).
 */
import { RULE_METAS } from './rules/index';
import type { RuleMeta } from './types';

export type { Finding, Fix, LintContext, FactsSource, Position, Range, ResolvedConfig, RuleDocs, RuleId, RuleMeta, Severity, SeveritySetting, Side, Suggestion } from './types';
export { applyFixes, applyFixesReport } from './fixes';
export { ENV_EXAMPLE_FILE, envExampleAddition, envVarToDeclare, isEnvVarName } from './envExample';
export { bytesPassPreFilter, lintBytes, type BytesLint } from './bytes';
export { classifyFile, globMatcher } from './classify';
export { extraNameMatcher, isSecretName } from './names';
export { findSuppressions, isSuppressed, type Suppressions } from './suppress';
export { CONFIG_FILE_NAME, CONFIG_LIMITS, DEFAULT_CONFIG, loadConfig, parseConfig, type ConfigProblem, type ConfigResult } from './config';
export { compileNamePatterns, type NamePatterns } from './namePatterns';
export { CatFile, type CatFileAnswer } from './catFile';
export { createIgnoreOracle, findRepository, gitTopLevel, repositoryArgs, resolveGit, runGit, spawnGit, type IgnoreOracle, type Repository } from './git';
export { lint, textPassesPreFilter } from './lint';
export { installedCalls, judgeFile, type JudgedCall } from './rules/proofOnFacts';
export { ruleDocsBody, ruleDocsPage } from './ruleDocs';
export { DEFAULT_MAX_FILE_SIZE, shouldSkip } from './skip';
export { bytePreFilter } from './topics';

/** Every rule's id, default severity, description, fixability and docs. */
export const RULES: readonly RuleMeta[] = RULE_METAS;
