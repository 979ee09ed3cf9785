import * as assert from 'node:assert/strict';
import { factsOf, fixture } from './helpers';

describe('syntax: environment reads', () => {
  it('reads process.env and import.meta.env, dotted, indexed and destructured, with fallbacks', async () => {
    const text = [
      "const a = process.env.INTERCOM_SECRET || 'dev-only';",
      "const b = process.env['CRISP_SECRET'];",
      "const c = import.meta.env.VITE_INTERCOM_APP_ID;",
      "const { NOVU_SECRET_KEY, GLEAP_SECRET: gleap = 'x' } = process.env;",
      "const d = process.env.A.B;",
      "const e = Deno.env.get('DENO_SECRET');",
      "const f = settings.env.NOT_THE_ENVIRONMENT;",
    ].join('\n');
    const { env } = await factsOf(text, 'typescript');
    assert.deepEqual(env.map((e) => [e.name, e.via, e.fallback?.value]), [
      ['INTERCOM_SECRET', 'process.env', 'dev-only'],
      ['CRISP_SECRET', 'process.env', undefined],
      ['VITE_INTERCOM_APP_ID', 'import.meta.env', undefined],
      ['NOVU_SECRET_KEY', 'process.env', undefined],
      ['GLEAP_SECRET', 'process.env', 'x'],
      ['A', 'process.env', undefined],
      ['DENO_SECRET', 'Deno.env.get', undefined],
    ]);
    assert.equal(text.slice(env[0]?.start, env[0]?.end), 'process.env.INTERCOM_SECRET');
  });

  it('reads os.environ and os.getenv in Python, and environ imported from os', async () => {
    const text = 'import os\nfrom os import environ\na = os.environ["A_SECRET"]\nb = os.environ.get("B_SECRET", "fallback")\nc = os.getenv("C_SECRET")\nd = environ["D_SECRET"]\ne = environ.get("E_SECRET", default="x")\nf = config["NOT_ENV"]\n';
    const { env } = await factsOf(text, 'python');
    assert.deepEqual(env.map((e) => [e.name, e.via, e.fallback?.value]), [
      ['A_SECRET', 'os.environ', undefined],
      ['B_SECRET', 'os.environ.get', 'fallback'],
      ['C_SECRET', 'os.getenv', undefined],
      ['D_SECRET', 'environ', undefined],
      ['E_SECRET', 'environ.get', 'x'],
    ]);
  });
});

describe('syntax: string literals bound to names', () => {
  it('reads declarations, assignments, properties and class fields, with escapes decoded', async () => {
    const text = [
      "const INTERCOM_SECRET = 'a\\x41\\u{1F600}';",
      "config.crispSecret = \"s3cr3t\";",
      "const opts = { signingKey: `tmpl`, other: `with ${x}`, 'quoted-key': 'v', [computed]: 'w' };",
      "class Keys { static HMAC_KEY = 'k'; }",
      "let n = 5;",
    ].join('\n');
    const { literals } = await factsOf(text, 'javascript');
    assert.deepEqual(literals.map((l) => [l.kind, l.name, l.path, l.value]), [
      ['variable', 'INTERCOM_SECRET', undefined, 'aA\u{1F600}'],
      ['assignment', 'crispSecret', 'config.crispSecret', 's3cr3t'],
      ['property', 'signingKey', undefined, 'tmpl'],
      ['property', 'quoted-key', undefined, 'v'],
      ['field', 'HMAC_KEY', undefined, 'k'],
    ]);
    const first = literals[0];
    assert.equal(text.slice(first?.nameSpan.start, first?.nameSpan.end), 'INTERCOM_SECRET');
    assert.equal(text.slice(first?.start, first?.end), "'a\\x41\\u{1F600}'");
  });

  it('reads TypeScript class fields and Python assignments, dict entries and keyword arguments', async () => {
    const ts = await factsOf("class A { private static readonly SECRET: string = 'x'; }", 'typescript');
    assert.deepEqual(ts.literals.map((l) => [l.kind, l.name, l.value]), [['field', 'SECRET', 'x']]);
    const py = await factsOf('SECRET: str = "abc"\nself.key = r"raw\\n"\nd = {"hmac_key": "v", 1: "n"}\nf(secret="kw")\ng = f"no{x}"\nh = ("con" "cat")\nb = b"\\x41"\n', 'python');
    assert.deepEqual(py.literals.map((l) => [l.kind, l.name, l.path, l.value]), [
      ['variable', 'SECRET', undefined, 'abc'],
      ['assignment', 'key', 'self.key', 'raw\\n'],
      ['property', 'hmac_key', undefined, 'v'],
      ['property', '1', undefined, 'n'],
      ['keyword', 'secret', undefined, 'kw'],
      ['variable', 'h', undefined, 'concat'],
      ['variable', 'b', undefined, 'A'],
    ]);
  });

  it('gives offsets in UTF-16 code units, as JavaScript strings and VS Code count them', async () => {
    const text = "const greeting = 'héllo 😀 wörld'; const SECRET = 'after-the-emoji';";
    const { literals } = await factsOf(text, 'javascript');
    const secret = literals.find((l) => l.name === 'SECRET');
    assert.equal(text.slice(secret?.start, secret?.end), "'after-the-emoji'");
    assert.equal(literals[0]?.value, 'héllo 😀 wörld');
  });

  it('keeps the server fixture in view: the env read and the literal next to it', async () => {
    const { facts } = await fixture('server/hash_view.py');
    assert.deepEqual(facts.env.map((e) => e.name), ['INTERCOM_IDENTITY_SECRET', 'CRISP_VERIFY_SECRET']);
    assert.deepEqual(facts.literals.filter((l) => l.kind === 'variable').map((l) => [l.name, l.value]), [['APP_ID', 'k2x9qpl']]);
  });
});
