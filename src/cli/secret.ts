/**
 * Reads the secret for a CLI command. Never from an argument: argv is visible to every user of
 * the machine (`ps`) and lands in shell history. From the named environment variable, else
 * from standard input (piped, or typed without echo on a terminal).
 */
import { envVarName } from './forms';
import { UsageError, type CliIo } from './io';

/** The secret from `--secret-env NAME` or from standard input; one trailing newline is dropped. */
export async function readSecret(io: CliIo, secretEnv: string | undefined): Promise<string> {
  if (secretEnv !== undefined) {
    const value = io.env[envVarName(secretEnv, '--secret-env')];
    // The name is not repeated: people paste the secret itself where the name belongs.
    if (value === undefined || value === '') throw new UsageError('--secret-env names an environment variable that is not set or is empty (the name given is not repeated here, in case it is the secret itself); pass the variable\'s name, such as --secret-env INTERCOM_SECRET');
    return value;
  }
  const text = io.stdin.isTTY ? await promptHidden(io) : await readAll(io.stdin);
  // `echo secret |` adds a newline that is not part of the secret; anything else is kept as is.
  const secret = text.replace(/\r?\n$/, '');
  if (secret === '') throw new UsageError('No secret: pipe it on standard input or name an environment variable with --secret-env.');
  return secret;
}

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks).toString('utf8');
}

/** Reads one line from a terminal with echo off, so the secret never shows on screen. */
function promptHidden(io: CliIo): Promise<string> {
  return new Promise((resolve, reject) => {
    const { stdin } = io;
    io.stderr('Secret (input hidden): ');
    stdin.setRawMode?.(true);
    let value = '';
    const onData = (data: Buffer) => {
      for (const ch of data.toString('utf8')) {
        if (ch === '\r' || ch === '\n') return finish(() => resolve(value));
        if (ch === '\u0003') return finish(() => reject(new UsageError('Cancelled.')));
        value = ch === '\u007f' ? value.slice(0, -1) : value + ch;
      }
    };
    const finish = (done: () => void) => {
      stdin.off('data', onData);
      stdin.setRawMode?.(false);
      stdin.pause();
      io.stderr('\n');
      done();
    };
    stdin.on('data', onData);
    stdin.resume();
  });
}
