/**
 * `idv scan --fix`'s second edit, as the editor's quick fix makes it: the variables the fixed
 * code now reads are listed (`NAME=`, no value) in the `.env.example` at the project's top
 * folder, when there is one. The file is read and written like every file `--fix` touches: never
 * through a link, and only if it is still the file that was read.
 */
import { join } from 'node:path';
import { ENV_EXAMPLE_FILE, envExampleAddition } from '../core/engine/index';
import { decodeText, encodeText } from '../core/files/index';
import { writeBack, type FileReader } from './fileReader';
import type { EnvExampleUpdate } from './format/types';

/**
 * Adds the names of `names` that `root`'s `.env.example` lacks. `shown` turns an absolute path
 * into the one the report prints. A missing file is not created (the project may document its
 * variables elsewhere); the report says so.
 */
export function updateEnvExample(root: string, names: readonly string[], reader: FileReader, maxBytes: number, shown: (abs: string) => string): EnvExampleUpdate {
  const path = join(root, ENV_EXAMPLE_FILE);
  const file = shown(path);
  const read = reader.read(path, root, maxBytes, { walked: true, identify: true });
  if (read.gone) return { file, names, added: [], absent: true };
  if (read.skip) return { file, names, added: [], error: read.skip.reason };
  const decoded = decodeText(read.bytes);
  if (decoded.skip) return { file, names, added: [], error: decoded.skip.reason };
  const addition = envExampleAddition(decoded.text, names);
  if (!addition) return { file, names, added: [] };
  try {
    writeBack(path, read.identity, encodeText(decoded.text + addition.append, decoded.encoding));
  } catch (error) {
    return { file, names, added: [], error: (error as Error).message };
  }
  return { file, names, added: addition.added };
}
