/**
 * The `.env.example` half of the hardcoded-secret fix: the fix makes the code read a variable
 * from the environment, and a project that documents its variables in `.env.example` should
 * list the new one there, with no value. The editor's quick fix and `idv scan --fix` both do it
 * through these two functions, so they agree on when a name counts as listed and on what is added.
 */
import type { Finding } from './types';

/** The file the name is added to, in the project's top folder (the editor's workspace folder, the CLI's project root). */
export const ENV_EXAMPLE_FILE = '.env.example';

/** Whether `name` can name an environment variable in every shell and `.env` reader: letters, digits and `_`, no leading digit. */
export function isEnvVarName(name: string): boolean {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name);
}

/** The environment variable a finding's fix makes the code read, which `.env.example` should list. */
export function envVarToDeclare(finding: Pick<Finding, 'ruleId' | 'data'>): string | undefined {
  const envVar = finding.data?.envVar;
  // The name lands in a file people source from a shell, and in a regular expression here.
  return finding.ruleId === 'hardcoded-secret' && envVar !== undefined && isEnvVarName(envVar) ? envVar : undefined;
}

/**
 * What to append to a `.env.example` holding `text` so that it lists every name of `names`
 * (`NAME=` lines, in order, each once), with the names that needs; undefined when every name is
 * listed already. A name counts as listed when a line assigns it, `export NAME=` included.
 */
export function envExampleAddition(text: string, names: readonly string[]): { readonly append: string; readonly added: readonly string[] } | undefined {
  const added = [...new Set(names)].filter(isEnvVarName).filter((name) => !new RegExp(`^[ \\t]*(?:export[ \\t]+)?${name}[ \\t]*=`, 'm').test(text));
  if (added.length === 0) return undefined;
  return { append: `${text === '' || text.endsWith('\n') ? '' : '\n'}${added.map((name) => `${name}=\n`).join('')}`, added };
}
