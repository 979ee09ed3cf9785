/**
 * Files whose whole purpose is to hold secrets or machine-local settings, as opposed to source
 * code. For a secret in such a file the fix is to keep the file out of git (ignore it, and stop
 * tracking it if it is tracked); for a secret in source code the fix is to move the value out of
 * the code, and ignoring the file would hide the code from the repository instead.
 */
import { basename } from './engine/lang';

/** Templates that are meant to be committed, with placeholders instead of values. */
const TEMPLATE = /\.(example|sample|template|tmpl|dist|defaults?)$/;

/** True for `.env`, `.env.local`, `production.env`, `local.properties`, `secrets.yml` and the like. */
export function isSecretFile(path: string): boolean {
  const name = basename(path).toLowerCase();
  if (TEMPLATE.test(name)) return false;
  if (name === '.env' || name.startsWith('.env.') || name.endsWith('.env')) return true;
  // Android's local.properties holds the SDK path and, by convention, keys kept out of git.
  if (name === 'local.properties') return true;
  // A data file named after its content; never a module (secrets.py is Python's own).
  return /^\.?secrets?(\.(json|ya?ml|toml|ini|conf|properties|txt))?$/.test(name);
}
