/**
 * `idv`: the command line over the same core as the editor. Exit codes: 0 fine, 1 a finding or
 * a mismatch, 2 bad usage or I/O error (one line on stderr).
 */
import { baselineCommand } from './commands/baseline';
import { checkCommand } from './commands/check';
import { findSecretCommand } from './commands/findSecret';
import { hashCommand } from './commands/hash';
import { jwtCommand } from './commands/jwt';
import { scanCommand } from './commands/scan';
import { snippetCommand } from './commands/snippet';
import { verifyCommand } from './commands/verify';
import { UsageError, type CliCommand, type CliIo } from './io';

const COMMANDS: readonly CliCommand[] = [hashCommand, verifyCommand, jwtCommand, snippetCommand, scanCommand, baselineCommand, checkCommand, findSecretCommand];

function usage(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return `Usage: idv <command> [options]    (idv <command> --help for details)\n\nCommands:\n${COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`).join('\n')}\n`;
}

/** Runs the CLI on `argv` (without node and script) and resolves to the exit code. */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(usage());
    return name === undefined ? 2 : 0;
  }
  const command = COMMANDS.find((c) => c.name === name);
  try {
    // What was typed is not repeated: it may be a secret pasted in the wrong place.
    if (!command) throw new UsageError(`unknown command; the commands are ${COMMANDS.map((c) => c.name).join(', ')} (idv --help)`);
    // Help is the same for every command, so it is answered here rather than in each one.
    const options = rest.slice(0, rest.includes('--') ? rest.indexOf('--') : rest.length);
    if (options.includes('--help') || options.includes('-h')) {
      io.stdout(`${command.usage}\n`);
      return 0;
    }
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`idv: ${error.message}\n`);
      return 2;
    }
    const err = error as NodeJS.ErrnoException;
    io.stderr(`idv: ${err.code ? `${err.code}: ` : ''}${err.message}\n`);
    return 2;
  }
}

if (require.main === module) {
  void main(process.argv.slice(2), {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    stdin: process.stdin,
    env: process.env,
    cwd: process.cwd(),
  }).then((code) => {
    process.exitCode = code;
  });
}
