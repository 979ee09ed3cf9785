/**
 * The JSON schema of `.idvrc.json`, built from the rules' metadata so that a new rule needs no
 * hand edit here. `npm run generate` writes it to config.schema.json, which the extension ships
 * for VS Code's JSON validation (the only place a mistake in the file is reported in the editor)
 * and users may name in `$schema`. A unit test feeds the same configurations to parseConfig
 * and to this schema and requires the same verdict, so the two cannot drift apart.
 */
import { RULE_METAS } from './rules/index';
import type { SeveritySetting } from './types';

/** Severities a rule can be set to, in the order the editor offers them. */
export const SEVERITY_SETTINGS: readonly SeveritySetting[] = ['off', 'info', 'warning', 'error'];

const LIST_KEYS: ReadonlyArray<readonly [key: string, description: string]> = [
  ['ignore', 'Globs (picomatch, relative to the project root) of files never linted.'],
  ['clientGlobs', 'Globs of files that run on the client (browser or app), overriding the guess from path and content.'],
  ['serverGlobs', 'Globs of files that run only on the server, overriding the guess from path and content.'],
  ['secretNamePatterns', 'Extra names (globs, case-insensitive, e.g. "*_SIGNATURE_SALT") that hold identity-verification secrets.'],
];

/** The schema as a plain object, keys in a stable order (the generated file is compared as text). */
export function configSchema(): Record<string, unknown> {
  const severity = (description: string) => ({ type: 'string', enum: [...SEVERITY_SETTINGS], description });
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'https://identity-verification-kit/idvrc.schema.json',
    title: 'Identity Verification Kit project configuration (.idvrc.json)',
    description: 'Read by the VS Code extension and by `idv scan` alike.',
    type: 'object',
    // VS Code's JSON service: the file is JSON with comments, and parseConfig accepts trailing
    // commas, so the editor must not flag them either.
    allowTrailingCommas: true,
    additionalProperties: false,
    properties: {
      $schema: { type: 'string' },
      rules: {
        type: 'object',
        description: 'Severity per rule: off, info, warning or error.',
        additionalProperties: false,
        properties: Object.fromEntries(RULE_METAS.map((r) => [r.id, severity(`${r.description} Default: ${r.defaultSeverity}.`)])),
      },
      ...Object.fromEntries(LIST_KEYS.map(([key, description]) => [key, { type: 'array', items: { type: 'string', minLength: 1 }, description }])),
      maxFileSizeBytes: { type: 'integer', minimum: 1, default: 2097152, description: 'Files larger than this are skipped (default 2 MB).' },
    },
  };
}
