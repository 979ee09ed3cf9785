// Flat config: typescript-eslint's type-checked presets over the TypeScript in src/ and test/.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const NO_VSCODE = { name: 'vscode', message: 'src/core/ must stay free of the VS Code API; put editor glue in src/extension/.' };
const NO_GLUE = { group: ['**/extension/**', '**/cli/**'], message: 'src/core/ must not depend on the extension or the CLI.' };
const SYNTAX_FENCE = { group: ['**/syntax/*', '!**/syntax/index'], message: 'Import the syntax layer through src/core/syntax/index.ts; its other files may change.' };
const PROJECT_FENCE = { group: ['**/project/*', '!**/project/index'], message: 'Import the project model through src/core/project/index.ts; its other files may change.' };
const BASELINE_FENCE = { group: ['**/baseline/*', '!**/baseline/index'], message: 'Import baselines through src/core/baseline/index.ts; its other files may change.' };
const LEAKS_FENCE = { group: ['**/leaks/*', '!**/leaks/index'], message: 'Import the known-secret search through src/core/leaks/index.ts; its other files may change.' };
const VENDORS_FENCE = { group: ['**/vendors/*', '!**/vendors/index'], message: 'Import vendor knowledge through src/core/vendors/index.ts; the tables derived there are the only view of the vendor files.' };

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', '.vscode-test/**', 'node_modules/**', 'test/fixtures/**', 'snippets/**'] },
  js.configs.recommended,
  {
    files: ['**/*.ts'],
    extends: [...tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    // The engine must run in the CLI, the ESLint plugin and CI: no editor API in it. Outside
    // their own folders, the syntax layer, the vendor files, the project model, the baselines and
    // the known-secret search are entered only through their index.ts.
    files: ['src/core/**/*.ts'],
    ignores: ['src/core/syntax/**', 'src/core/vendors/**', 'src/core/project/**', 'src/core/baseline/**', 'src/core/leaks/**'],
    rules: { 'no-restricted-imports': ['error', { paths: [NO_VSCODE], patterns: [NO_GLUE, SYNTAX_FENCE, VENDORS_FENCE, PROJECT_FENCE, BASELINE_FENCE, LEAKS_FENCE] }] },
  },
  {
    files: ['src/core/baseline/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [NO_VSCODE], patterns: [NO_GLUE, SYNTAX_FENCE, VENDORS_FENCE, PROJECT_FENCE, LEAKS_FENCE] }] },
  },
  {
    files: ['src/core/leaks/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [NO_VSCODE], patterns: [NO_GLUE, SYNTAX_FENCE, VENDORS_FENCE, PROJECT_FENCE, BASELINE_FENCE] }] },
  },
  {
    files: ['src/core/project/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [NO_VSCODE], patterns: [NO_GLUE, SYNTAX_FENCE, VENDORS_FENCE] }] },
  },
  {
    files: ['src/core/syntax/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [NO_VSCODE], patterns: [NO_GLUE, VENDORS_FENCE] }] },
  },
  {
    files: ['src/core/vendors/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [NO_VSCODE], patterns: [NO_GLUE, SYNTAX_FENCE] }] },
  },
  {
    files: ['src/**/*.ts', 'test/**/*.ts'],
    ignores: ['src/core/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [SYNTAX_FENCE, VENDORS_FENCE, PROJECT_FENCE, BASELINE_FENCE, LEAKS_FENCE] }] },
  },
  {
    files: ['**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
);
