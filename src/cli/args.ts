/** Thin wrapper over node:util's parseArgs that turns its errors into usage errors. */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './io';

type Options = NonNullable<ParseArgsConfig['options']>;

/** Parses `argv` strictly; unknown flags and missing values become a UsageError. */
export function parse<O extends Options>(argv: readonly string[], options: O, allowPositionals = false) {
  try {
    return parseArgs({ args: [...argv], options, allowPositionals, strict: true });
  } catch (error) {
    const message = error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error);
    // A stray argument is often a secret typed where it does not belong: never repeat it.
    if (/^Unexpected argument/.test(message)) throw new UsageError('this command takes no arguments besides its options (the argument given is not repeated here)');
    // node:util's wording, restated as what is expected; option names are the command's own, never a value.
    const missing = /^Option '(?:-\w, )?(--[\w-]+) <value>' argument (?:missing|is ambiguous)/.exec(message);
    if (missing) throw new UsageError(`${missing[1] ?? 'the option'} needs a value after it (idv <command> --help says which)`);
    const unknown = /^Unknown option '(-[^']*)'/.exec(message);
    // Shown only when it reads like an option's name: `--<pasted secret>` must not be echoed.
    if (unknown) throw new UsageError(`unknown option${/^--?[a-z][a-z-]{0,24}$/.test(unknown[1] ?? '') ? ` ${unknown[1] ?? ''}` : ' (not repeated here, in case it is a secret)'}; --help lists this command's options`);
    throw new UsageError(message);
  }
}

/** The value of a required string option, or a UsageError naming it. */
export function required(value: string | undefined, flag: string): string {
  if (value === undefined || value === '') throw new UsageError(`${flag} is required`);
  return value;
}

/** `value` when it is one of `allowed`, else a UsageError naming the flag and the choices (not the value). */
export function choice<T extends string>(value: string | undefined, allowed: readonly T[], flag: string): T {
  const found = allowed.find((a) => a === value);
  if (found === undefined) throw new UsageError(`${flag} must be one of ${allowed.join(', ')}.`);
  return found;
}

/** `--quiet`, refused together with `--verbose` (they ask for opposite things). */
export function quietFlag(values: { readonly quiet?: boolean | undefined; readonly verbose?: boolean | undefined }): boolean {
  const quiet = values.quiet === true;
  if (quiet && values.verbose === true) throw new UsageError('--quiet and --verbose ask for opposite things: give one of them');
  return quiet;
}
