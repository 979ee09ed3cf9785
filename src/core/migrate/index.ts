/**
 * Code migrations the editor offers as refactorings: pure text edits computed from a file's
 * text and syntax facts. Enter only through this file.
 */
export { migrateClientProof, migrateServerHash, type Migration, type TextEdit } from './jwt';
