/**
 * Baselines that survive editing: the findings a project has accepted, kept in a file as keyed
 * fingerprints of rule, file and the text the finding points at (never its line, never a secret's
 * value), so that moving, re-indenting or re-quoting code keeps them accepted while a different
 * secret in the same place is reported. Pure apart from node:crypto; the CLI reads and writes the
 * file. Enter only through this file.
 */
export { BASELINE_VERSION, BaselineError, createBaseline, normalizeEntries, parseBaseline, serializeBaseline, type Baseline, type BaselineEntry } from './file';
export { FINGERPRINT_LENGTH, KEY_BYTES, findingSubject, fingerprint, newKey } from './fingerprint';
export { matchBaseline, pruneBaseline, updateBaseline, type BaselineMatch, type Fingerprinted } from './match';
