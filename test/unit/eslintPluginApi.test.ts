/**
 * The ESLint plugin as users get it: the real `ESLint` class from the installed eslint package
 * lints test/fixtures/eslint-project with `configs.recommended`, from the source and from the
 * built dist/eslint-plugin.js, and once more through the README's eslint.config.mjs.
 */
import * as assert from 'node:assert/strict';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ESLint, type Linter } from 'eslint';
import tseslint from 'typescript-eslint';
import sourcePlugin from '../../src/eslint-plugin/index';

const root = resolve(__dirname, '..', '..', '..');
const fixture = join(root, 'test', 'fixtures', 'eslint-project');
const built = join(root, 'dist', 'eslint-plugin.js');
const notBuilt = 'skipped: dist/eslint-plugin.js is not built (run `node src/build/build.mjs`)';

/** What each fixture file must give: the rule ids, and an empty list for the correct server route. */
const EXPECTED: Readonly<Record<string, readonly string[]>> = {
  'app/api/messenger/route.ts': ['identity-verification/user-hash-identifier-mismatch'],
  'app/components/Chat.tsx': ['identity-verification/client-side-hmac'],
  'lib/server/intercom.js': ['identity-verification/hardcoded-secret'],
  'pages/api/intercom-hash.ts': [],
  'public/js/intercom-boot.js': ['identity-verification/missing-user-hash'],
  'src/components/intercomConfig.ts': ['identity-verification/secret-exposed-to-client'],
};

type Plugin = typeof sourcePlugin;

/** Rule ids per file (relative posix path), sorted; fatal parse errors fail the test. */
function ruleIdsByFile(results: readonly ESLint.LintResult[], cwd: string, only?: string): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const result of results) {
    const fatal = result.messages.filter((m) => m.fatal);
    assert.deepEqual(fatal, [], `${result.filePath} did not parse`);
    const ids = result.messages.map((m) => m.ruleId ?? '').filter((id) => only === undefined || id.startsWith(only));
    out[relative(cwd, result.filePath).split(sep).join('/')] = [...new Set(ids)].sort();
  }
  return out;
}

/** Lints the fixture as a TypeScript project would: typescript-eslint's parser, then the plugin. */
async function lintFixture(plugin: Plugin): Promise<ESLint.LintResult[]> {
  const eslint = new ESLint({
    cwd: fixture,
    // Only this config: the repository's eslint.config.mjs ignores test/fixtures/**.
    overrideConfigFile: true,
    overrideConfig: [
      { files: ['**/*.{ts,tsx}'], languageOptions: { parser: tseslint.parser } },
      // The plugin is typed with typescript-eslint's rule types, which eslint's own types do not
      // accept structurally; ESLint checks the object itself when it loads the config.
      plugin.configs.recommended as unknown as Linter.Config,
    ],
  });
  return eslint.lintFiles(['.']);
}

describe('eslint-plugin: the real ESLint API on test/fixtures/eslint-project', function () {
  this.timeout(60_000);

  it('reports the expected rule ids per file (plugin from source)', async () => {
    assert.deepEqual(ruleIdsByFile(await lintFixture(sourcePlugin), fixture), EXPECTED);
  });

  it('reports the expected rule ids per file (plugin from the built dist/eslint-plugin.js)', async function () {
    if (!existsSync(built)) {
      if (this.test) this.test.title += ` — ${notBuilt}`;
      this.skip();
    }
    const plugin = createRequire(__filename)(built) as Plugin;
    assert.equal(plugin.configs.recommended.plugins['identity-verification'], plugin, 'require() gives the plugin object itself');
    const results = await lintFixture(plugin);
    assert.deepEqual(ruleIdsByFile(results, fixture), EXPECTED);
    // The autofix reaches ESLint: the literal secret becomes an environment lookup.
    const server = results.find((r) => r.filePath.endsWith(join('lib', 'server', 'intercom.js')));
    assert.match(server?.messages[0]?.message ?? '', /secret written in code: INTERCOM_SECRET$/);
    assert.equal(server?.messages[0]?.severity, 2);
    assert.match(server?.messages[0]?.fix?.text ?? '', /^process\.env\.INTERCOM_SECRET$/);
  });

  it('works from the README\'s eslint.config.mjs (ESM default import of the built plugin)', async function () {
    if (!existsSync(built)) {
      if (this.test) this.test.title += ` — ${notBuilt}`;
      this.skip();
    }
    // A copy of the fixture under out/ (git-ignored) with its own config, so that both
    // `typescript-eslint` and the plugin resolve as in a user's project.
    mkdirSync(join(root, 'out'), { recursive: true });
    const project = mkdtempSync(join(root, 'out', 'eslint-project-'));
    try {
      cpSync(fixture, project, { recursive: true });
      writeFileSync(join(project, 'eslint.config.mjs'), [
        "import tseslint from 'typescript-eslint';",
        `import identityVerification from '${pathToFileURL(built).href}';`,
        'export default [...tseslint.configs.recommended, identityVerification.configs.recommended];',
        '',
      ].join('\n'));
      const results = await new ESLint({ cwd: project }).lintFiles(['.']);
      const ours = ruleIdsByFile(results.filter((r) => !r.filePath.endsWith('eslint.config.mjs')), project, 'identity-verification/');
      assert.deepEqual(ours, EXPECTED);
    } finally {
      rmSync(project, { recursive: true, force: true });
    }
  });
});
