/**
 * The JSON schema of `.idvrc.json`, built from the rules' metadata and config.ts's own
 * vocabulary and limits, so that neither a new rule nor a changed bound needs a hand edit here.
 * `npm run generate` writes it to config.schema.json, which the extension ships for VS Code's
 * JSON validation (which reports a mistake in the editor, on its key) and users may name in
 * `$schema`. A unit test feeds the same files to parseConfig and to this schema and requires the
 * same verdict, apart from the checks a schema cannot express (problems marked beyondSchema).
 */
import { CONFIG_LIMITS, DEFAULT_CONFIG, SEVERITIES, SEVERITY_SYNONYMS } from './config';
import { RULE_METAS } from './rules/index';
import type { SeveritySetting } from './types';

/** Severities a setting can choose (the VS Code settings offer these, without synonyms). */
export const SEVERITY_SETTINGS: readonly SeveritySetting[] = SEVERITIES;

/** What `.idvrc.json` accepts as a severity: each severity followed by its synonyms (ESLint's "warn"). */
function severitySpellings(): string[] {
  return SEVERITIES.flatMap((severity) => [severity, ...Object.keys(SEVERITY_SYNONYMS).filter((synonym) => SEVERITY_SYNONYMS[synonym] === severity)]);
}

const LIST_KEYS: ReadonlyArray<readonly [key: string, description: string]> = [
  ['ignore', 'Globs (picomatch, relative to the project root) of files never linted.'],
  ['clientGlobs', 'Globs of files that run on the client (browser or app), overriding the guess from path and content.'],
  ['serverGlobs', 'Globs of files that run only on the server, overriding the guess from path and content.'],
  ['secretNamePatterns', 'Extra names that hold identity-verification secrets: globs in picomatch syntax (*, ?, [abc], {A,B}, @(a|b)), matched against the whole name, ignoring case, e.g. "*_SIGNATURE_SALT" or "{DB,APP}_PEPPER". Each must contain a run of 3 or more plain characters that every match contains (the pre-filter searches for it); negated patterns are not supported.'],
];

/** The schema as a plain object, keys in a stable order (the generated file is compared as text). */
export function configSchema(): Record<string, unknown> {
  const synonyms = Object.keys(SEVERITY_SYNONYMS).map((s) => `"${s}"`).join(', ');
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
        properties: Object.fromEntries(RULE_METAS.map((r) => [r.id, {
          type: 'string',
          enum: severitySpellings(),
          description: `${r.description} Default: ${r.defaultSeverity}.${synonyms ? ` (${synonyms} is accepted as in ESLint.)` : ''}`,
        }])),
      },
      ...Object.fromEntries(LIST_KEYS.map(([key, description]) => [key, {
        type: 'array',
        items: { type: 'string', minLength: 1, maxLength: CONFIG_LIMITS.patternLength },
        maxItems: CONFIG_LIMITS.listEntries,
        description,
      }])),
      maxFileSizeBytes: {
        type: 'integer',
        minimum: 1,
        maximum: CONFIG_LIMITS.maxFileSizeBytes,
        default: DEFAULT_CONFIG.maxFileSizeBytes,
        description: 'Files larger than this are not read, and are listed as skipped with the reason (default 2 MB).',
      },
    },
  };
}
