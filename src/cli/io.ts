/**
 * What a CLI command may touch, passed in rather than taken from `process` so that unit tests
 * run commands in-process with fake streams and a fake environment.
 */
import type { Readable } from 'node:stream';

export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly stdin: Readable & { isTTY?: boolean; setRawMode?: (mode: boolean) => unknown };
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
  /** Whether standard output is a terminal (colour); absent means it is not. */
  readonly stdoutIsTTY?: boolean;
  /** Whether standard error is a terminal (progress lines); absent means it is not. */
  readonly stderrIsTTY?: boolean;
  /** `--no-color` was given; main takes it off the arguments of every command. */
  readonly noColor?: boolean;
}

/** A mistake in how the command was called: exit 2 with a one-line message. */
export class UsageError extends Error {}

export interface CliCommand {
  readonly name: string;
  /** One line for `idv --help`. */
  readonly summary: string;
  /** Full usage text for `idv NAME --help`. */
  readonly usage: string;
  /** Resolves to the exit code. */
  run(argv: readonly string[], io: CliIo): Promise<number>;
}
