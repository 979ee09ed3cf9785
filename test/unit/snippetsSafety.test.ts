import * as assert from 'node:assert/strict';
import { listSnippets, renderSnippet, snippetLanguages } from '../../src/core/snippets/catalogue';
import { snippetCompletions } from '../../src/core/snippets/completions';
import { VENDORS } from '../../src/core/vendors';

/**
 * How each language reads a secret from the environment or the framework's secret store;
 * NAME stands for the env var. A server snippet must match one with the name it was given.
 */
const SECRET_READS: Readonly<Record<string, readonly string[]>> = {
  javascript: ['process\\.env\\.NAME'],
  typescript: ['process\\.env\\.NAME', "Deno\\.env\\.get\\('NAME'\\)", 'Bun\\.env\\.NAME', 'env\\.NAME'],
  python: ['os\\.environ\\["NAME"\\]', 'os\\.environ\\.get\\("NAME"'],
  ruby: ['ENV\\.fetch\\("NAME"[,)]'],
  php: ["getenv\\('NAME'\\)", "env\\('NAME'\\)[\\],][^]*config\\('services\\."],
  go: ['os\\.Getenv\\("NAME"\\)'],
  java: ['@Value\\("\\$\\{NAME\\}"\\)'],
  kotlin: ['System\\.getenv\\("NAME"\\)'],
  groovy: ["System\\.getenv\\('NAME'\\)"],
  csharp: ['Configuration\\["NAME"\\]'],
  elixir: ['System\\.fetch_env!\\("NAME"\\)'],
  rust: ['std::env::var\\("NAME"\\)'],
  perl: ['\\$ENV\\{NAME\\}'],
};

/** Quoted strings that look like key material: long hex, or long mixed base64-ish runs. */
function secretLikeLiterals(text: string): string[] {
  const quoted = [...text.matchAll(/(['"`])([^'"`\n]{16,})\1/g)].map((m) => m[2] ?? '');
  return quoted.filter((s) => /^[0-9a-f]{16,}$/i.test(s) || (/^[A-Za-z0-9+/=_-]{24,}$/.test(s) && /\d/.test(s) && /[a-z]/.test(s) && /[A-Z]/.test(s)));
}

const renderings = () => listSnippets().flatMap((s) => s.vendors.map((vendor) => ({ s, vendor })));

describe('snippet safety over the whole catalogue', () => {
  it('contains no literal secret or public-prefixed secret variable in any rendering', () => {
    for (const { s, vendor } of renderings()) {
      const { text } = renderSnippet(s.id, { vendor });
      assert.deepEqual(secretLikeLiterals(text), [], `${s.id}/${vendor}`);
      assert.doesNotMatch(text, /(secret|key)\w*\s*[:=]\s*['"][^'"\s]{8,}['"]/i, `${s.id}/${vendor} assigns a literal to a secret`);
      assert.doesNotMatch(text, /\b(NEXT_PUBLIC|REACT_APP|VITE|EXPO_PUBLIC)_\w*SECRET/, `${s.id}/${vendor}`);
    }
  });

  it('reads the secret of every server snippet from the environment or a secret store, under the given name', () => {
    for (const { s, vendor } of renderings().filter((r) => r.s.kind === 'server')) {
      const patterns = SECRET_READS[s.language];
      assert.ok(patterns, `no secret-read patterns for ${s.language}`);
      for (const envVar of [undefined, 'MY_APP_MESSENGER_SECRET']) {
        const { text } = renderSnippet(s.id, { vendor, envVar });
        const name = envVar ?? VENDORS.find((v) => v.id === vendor)?.envVar ?? '';
        assert.ok(patterns.some((p) => new RegExp(p.replace('NAME', name)).test(text)), `${s.id}/${vendor} does not read ${name}`);
      }
    }
  });

  it('never computes a hash or touches a secret in a client snippet', () => {
    for (const { s, vendor } of renderings().filter((r) => r.s.kind === 'client')) {
      const { text } = renderSnippet(s.id, { vendor });
      assert.doesNotMatch(text, /createHmac|HmacSHA256|CryptoJS|crypto\.subtle|hmac\.new|hash_hmac|:crypto\.mac|HMACSHA256/i, `${s.id}/${vendor}`);
      assert.doesNotMatch(text, /process\.env|SECRET\b|_SECRET/, `${s.id}/${vendor}`);
    }
  });

  it('offers completions with unique idv- prefixes in every snippet language', () => {
    const byLanguage = new Map(snippetLanguages().map((language) => [language, snippetCompletions(language)]));
    const prefixes = [...byLanguage.values()].flat().map((c) => c.prefix);
    for (const prefix of ['idv-express', 'idv-django', 'idv-intercom-web', 'idv-crisp-web', 'idv-zendesk-jwt-express', 'idv-intercom-ios-swift', 'idv-phoenix', 'idv-ktor']) {
      assert.ok(prefixes.includes(prefix), prefix);
    }
    assert.equal(new Set(prefixes).size, prefixes.length, 'duplicate prefixes');
    for (const [language, completions] of byLanguage) assert.ok(completions.length > 0, language);
  });
});
