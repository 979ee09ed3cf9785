/** `idv snippet`: list the snippet catalogue, print a snippet as inserted, or its runnable program. */
import { isSnippetId, listSnippets, renderRunnable, renderSnippet, snippetLanguages, SnippetError, type SnippetInfo } from '../../core/snippets/catalogue';
import { choice, parse } from '../args';
import { envVarName } from '../forms';
import { UsageError, type CliCommand } from '../io';

/** The `--list --format json` row: the fields the issue fixes, plus the vendors it supports. */
function jsonRow(s: SnippetInfo) {
  const row = { id: s.id, language: s.language, framework: s.framework, kind: s.kind, scheme: s.scheme, vendor: s.vendor, vendors: s.vendors };
  return s.runnable ? { ...row, runnable: s.runnable } : row;
}

function table(rows: readonly SnippetInfo[]): string {
  const header = ['ID', 'LANGUAGE', 'FRAMEWORK', 'KIND', 'SCHEME', 'VENDORS'];
  const cells = rows.map((s) => [s.id, s.language, s.framework, s.kind, s.scheme, s.vendors.length > 3 ? `${s.vendors.length} vendors` : s.vendors.join(', ')]);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((r) => r[i]?.length ?? 0)));
  const line = (r: readonly string[]) => r.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join('  ').trimEnd();
  return `${[header, ...cells].map(line).join('\n')}\n`;
}

function identifierFrom(value: string | undefined): 'user_id' | 'email' | undefined {
  if (value === undefined || value === 'user_id' || value === 'email') return value;
  throw new UsageError('--identifier must be user_id or email: which identifier the snippet hashes (the value itself goes in at run time).');
}

export const snippetCommand: CliCommand = {
  name: 'snippet',
  summary: 'list the server and client snippets, or print one',
  usage: `Usage: idv snippet --list [--format text|json] [--language ID]
       idv snippet ID [--vendor V] [--identifier user_id|email] [--env-var NAME] [--runnable]
Prints the snippet as inserted. --runnable prints a complete program around the same code,
reading IDV_SECRET and IDV_IDENTIFIER and printing the hash (see --list for how to run it).`,
  run(argv, io) {
    const { values, positionals } = parse(argv, {
      list: { type: 'boolean' },
      format: { type: 'string', default: 'text' },
      language: { type: 'string' },
      vendor: { type: 'string' },
      identifier: { type: 'string' },
      'env-var': { type: 'string' },
      runnable: { type: 'boolean' },
    }, true);
    const format = choice(values.format, ['text', 'json'] as const, '--format');
    if (values.list) {
      if (positionals.length > 0) throw new UsageError('--list takes no snippet id.');
      const language = values.language === undefined ? undefined : choice(values.language, snippetLanguages(), '--language');
      const rows = listSnippets(language === undefined ? {} : { languageId: language });
      io.stdout(format === 'json' ? `${JSON.stringify(rows.map(jsonRow), null, 2)}\n` : table(rows));
      return Promise.resolve(0);
    }
    if (positionals.length !== 1) throw new UsageError('Give one snippet id (idv snippet --list shows them), or --list.');
    const id = positionals[0] ?? '';
    if (!isSnippetId(id)) throw new UsageError('unknown snippet id (not repeated here); idv snippet --list shows the ids, such as express or django');
    const envVar = values['env-var'] === undefined ? undefined : envVarName(values['env-var'], '--env-var');
    const options = { vendor: values.vendor, identifier: identifierFrom(values.identifier), envVar };
    try {
      if (values.runnable) {
        if (options.envVar !== undefined) throw new UsageError('--runnable always reads IDV_SECRET; --env-var does not apply.');
        io.stdout(renderRunnable(id, options).program);
      } else {
        io.stdout(renderSnippet(id, options).text);
      }
    } catch (error) {
      if (error instanceof SnippetError) throw new UsageError(error.message);
      throw error;
    }
    return Promise.resolve(0);
  },
};
