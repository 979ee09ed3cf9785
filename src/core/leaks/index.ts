/**
 * The known secret, looked for everywhere it must never be: build output, app packages (zip
 * entries, nested archives, UTF-16 string tables) and git history, in its text, hex, base64,
 * URL-encoded, JSON-escaped and UTF-16 forms. The host (CLI or editor) holds the secret and
 * calls `findSecret`; the report names places and forms, never the value.
 */
export { findSecret, type FindSecretRequest } from './findSecret';
export { base64Cores, MAX_SECRET_LENGTH, MIN_SECRET_LENGTH, secretForms, secretProblem, type SecretForm } from './forms';
export { RAW_COMMIT_FORMAT, RawLogParser, type LogChange, type LogRecord } from './gitLog';
export { leakLocationText, leakPositionText } from './location';
export { LISTED_PER_STREAM, MultiSearch, type SearchStats, type StreamHit, type StreamResult } from './search';
export {
  DEFAULT_LIMITS, leakSearchIncomplete,
  type CommitInfo, type LeakCounts, type LeakHit, type LeakLimits, type LeakLocation, type LeakNotice, type LeakProgress, type LeakReport, type LeakSkip,
} from './types';
