/**
 * The 10,000-line JavaScript file both benchmarks re-lint and re-parse: real library code
 * (typescript.js from node_modules, so every run measures the same bytes), with messenger and
 * HMAC code planted about every 500 lines when `planted`, so the rules' slow paths run too.
 *
 * The file is cut at top-level statements and the planted lines go between them, so that it
 * parses without an error, as the files people edit mostly do. (Cut at arbitrary lines, it was
 * one ERROR node from its first line to its last, and tree-sitter's error recovery made every
 * keystroke re-parse far more than a real file's would.)
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const PLANTED = [
  "window.intercomSettings = { app_id: 'abc123', user_id: user.id, email: user.email, user_hash: userHash };",
  "const userHash = crypto.createHmac('sha256', process.env.INTERCOM_SECRET).update(String(user.id)).digest('hex');",
];

const LINES = 10_000;

/** A line that starts a statement of typescript.js's top level (its bundle has no wrapper). */
const TOP_LEVEL = /^(?:var|let|const|function|async function|class)\b/;

export function tenThousandLines(root: string, planted: boolean): string {
  const source = readFileSync(join(root, 'node_modules', 'typescript', 'lib', 'typescript.js'), 'utf8').split('\n');
  // The top-level statements from line 20,000 on, each as its lines.
  const statements: string[][] = [];
  for (let i = source.findIndex((line, n) => n >= 20_000 && TOP_LEVEL.test(line)); i < source.length; i++) {
    const line = source[i] as string;
    if (TOP_LEVEL.test(line) || statements.length === 0) statements.push([line]);
    else statements[statements.length - 1]?.push(line);
  }
  // Whole statements, in order, while they fit; one that does not is left out for those after it.
  const lines: string[] = [];
  let sincePlanted = Number.POSITIVE_INFINITY;
  for (const statement of statements) {
    if (lines.length >= LINES) break;
    const plant = planted && sincePlanted >= 500;
    if (lines.length + statement.length + (plant ? PLANTED.length : 0) > LINES) continue;
    if (plant) {
      lines.push(...PLANTED);
      sincePlanted = 0;
    }
    lines.push(...statement);
    sincePlanted += statement.length;
  }
  // Up to exactly 10,000 lines with comments, which parse as nothing.
  while (lines.length < LINES) lines.push('// (padding)');
  return lines.join('\n');
}
