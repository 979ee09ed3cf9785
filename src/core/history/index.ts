/**
 * Git history through the engine: `git log -p` read as a stream of file changes (patch.ts) and
 * linted with the rules that find values (scan.ts), for `idv scan --history` and the editor's
 * history command.
 */
export { COMMIT_FORMAT, PatchReader, unquote, type CommitInfo, type FileChange, type PatchSink } from './patch';
export { valuesInHistory } from './valueSearch';
export { checkRanges, historyConfig, literalValue, scanHistory, subjectOf, valuesAtHead, type HistoryFinding, type HistoryOptions, type HistoryProgress, type HistoryReport, type HistorySkip } from './scan';
