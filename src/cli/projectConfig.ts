/**
 * Finds and reads the project's `.idvrc.json` for the CLI commands that walk a project. A file
 * with problems stops the command (exit 2, each problem on stderr): in CI, running on defaults
 * that nobody asked for would pass or fail for the wrong reason.
 */
import { readFileSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { dirname, relative, resolve } from 'node:path';
import { CONFIG_FILE_NAME, gitTopLevel, loadConfig, type ConfigResult, type ResolvedConfig } from '../core/engine/index';
import { UsageError, type CliIo } from './io';

/** The config and the project root that lint paths (and config globs) are relative to. */
export async function resolveConfig(io: CliIo, explicit: string | undefined): Promise<{ config: ResolvedConfig; root: string }> {
  let dir: string | undefined;
  if (explicit !== undefined) {
    const file = resolve(io.cwd, explicit);
    const st = await stat(file).catch(() => undefined);
    if (!st?.isFile()) throw new UsageError(`--config must name an existing ${CONFIG_FILE_NAME} file; there is no file at the path given`);
    dir = dirname(file);
    const result = loadConfig(dir, (p) => (p === resolve(dir ?? '', CONFIG_FILE_NAME) ? readFileSyncUtf8(file) : readFileSyncUtf8(p)));
    return { config: accept(io, result, relative(io.cwd, file)), root: dir };
  }
  const top = await gitTopLevel(io.cwd);
  for (let d = io.cwd; ; d = dirname(d)) {
    if (await stat(resolve(d, CONFIG_FILE_NAME)).then((s) => s.isFile(), () => false)) {
      dir = d;
      break;
    }
    if (d === top || dirname(d) === d) break;
  }
  const root = dir ?? top ?? io.cwd;
  return { config: accept(io, loadConfig(root), relative(io.cwd, resolve(root, CONFIG_FILE_NAME))), root };
}

/** The config when it has no problems; else each problem on stderr and a usage error (exit 2). */
function accept(io: CliIo, result: ConfigResult, shown: string): ResolvedConfig {
  if (result.errors.length === 0) return result.config;
  for (const e of result.errors) io.stderr(`idv: ${e.startsWith(CONFIG_FILE_NAME) ? e.replace(CONFIG_FILE_NAME, shown || CONFIG_FILE_NAME) : `${shown}: ${e}`}\n`);
  throw new UsageError(`${shown || CONFIG_FILE_NAME} has ${result.errors.length} problem${result.errors.length === 1 ? '' : 's'}; fix ${result.errors.length === 1 ? 'it' : 'them'} to run (nothing was scanned)`);
}

/** loadConfig's reader is synchronous so the editor can pass an in-memory one. */
function readFileSyncUtf8(path: string): string {
  return readFileSync(path, 'utf8');
}
