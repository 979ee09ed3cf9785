/**
 * The 10,000-line JavaScript file both benchmarks re-lint and re-parse: real library code
 * (typescript.js from node_modules, so every run measures the same bytes), with messenger and
 * HMAC code planted every 500 lines when `planted`, so the rules' slow paths run too.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const PLANTED = [
  "window.intercomSettings = { app_id: 'abc123', user_id: user.id, email: user.email, user_hash: userHash };",
  "const userHash = crypto.createHmac('sha256', process.env.INTERCOM_SECRET).update(String(user.id)).digest('hex');",
];

export function tenThousandLines(root: string, planted: boolean): string {
  const source = readFileSync(join(root, 'node_modules', 'typescript', 'lib', 'typescript.js'), 'utf8').split('\n').slice(20000, 29900);
  const lines: string[] = [];
  for (let i = 0; i < source.length; i++) {
    if (planted && i % 500 === 0) lines.push(...PLANTED);
    lines.push(source[i] ?? '');
  }
  return lines.slice(0, 10000).join('\n');
}
