/** Finds and reads the project's `.idvrc.json` for the CLI commands that walk a project. */
import { readFileSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { CONFIG_FILE_NAME, gitTopLevel, loadConfig, type ResolvedConfig } from '../core/engine/index';
import { UsageError, type CliIo } from './io';

/** The config and the project root that lint paths (and config globs) are relative to. */
export async function resolveConfig(io: CliIo, explicit: string | undefined): Promise<{ config: ResolvedConfig; root: string }> {
  let dir: string | undefined;
  if (explicit !== undefined) {
    const file = resolve(io.cwd, explicit);
    const st = await stat(file).catch(() => undefined);
    if (!st?.isFile()) throw new UsageError(`--config ${explicit}: no such file`);
    dir = dirname(file);
    const result = loadConfig(dir, (p) => (p === resolve(dir ?? '', CONFIG_FILE_NAME) ? readFileSyncUtf8(file) : readFileSyncUtf8(p)));
    for (const e of result.errors) io.stderr(`idv: warning: ${e}\n`);
    return { config: result.config, root: dir };
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
  const result = loadConfig(root);
  for (const e of result.errors) io.stderr(`idv: warning: ${e}\n`);
  return { config: result.config, root };
}

/** loadConfig's reader is synchronous so the editor can pass an in-memory one. */
function readFileSyncUtf8(path: string): string {
  return readFileSync(path, 'utf8');
}

