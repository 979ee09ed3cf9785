/** A finding as the CLI reports it: the engine's finding plus the file it is in. */
import type { Finding } from '../../core/engine/index';

export interface FileFinding {
  /** Posix path relative to the current directory. */
  readonly file: string;
  readonly finding: Finding;
}
