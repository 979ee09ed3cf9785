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
import { version } from '../../package.json';
import { UsageError, type CliCommand, type CliIo } from './io';

const COMMANDS: readonly CliCommand[] = [hashCommand, verifyCommand, jwtCommand, snippetCommand, scanCommand, baselineCommand, checkCommand, findSecretCommand];

function usage(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return `Usage: idv <command> [options]    (idv <command> --help for details)

Commands:
${COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`).join('\n')}

Options for every command:
  --no-color      no colour in text output (also NO_COLOR=1; FORCE_COLOR=1 forces it on a pipe)
  -h, --help      this text, or a command's details after its name
  -V, --version   print the version of idv
`;
}

/** Runs the CLI on `argv` (without node and script) and resolves to the exit code. */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  // `idv --no-color scan` reads as well as `idv scan --no-color`.
  if (argv[0] === '--no-color') return main(argv.slice(1), { ...io, noColor: true });
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(usage());
    return name === undefined ? 2 : 0;
  }
  if (name === '--version' || name === '-V') {
    io.stdout(`${version}\n`);
    return 0;
  }
  const command = COMMANDS.find((c) => c.name === name);
  try {
    // What was typed is not repeated: it may be a secret pasted in the wrong place.
    if (!command) throw new UsageError(`unknown command; the commands are ${COMMANDS.map((c) => c.name).join(', ')} (idv --help)`);
    // Help is the same for every command, so it is answered here rather than in each one.
    const end = rest.includes('--') ? rest.indexOf('--') : rest.length;
    const options = rest.slice(0, end);
    if (options.includes('--help') || options.includes('-h')) {
      io.stdout(`${command.usage}\n`);
      return 0;
    }
    // --no-color is for every command, so it is taken here and handed over in the io.
    if (!options.includes('--no-color')) return await command.run(rest, io);
    return await command.run([...options.filter((o) => o !== '--no-color'), ...rest.slice(end)], { ...io, noColor: true });
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
    stdoutIsTTY: process.stdout.isTTY,
    stderrIsTTY: process.stderr.isTTY,
  }).then((code) => {
    process.exitCode = code;
  });
}
