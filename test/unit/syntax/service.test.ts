import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createSyntax, SYNTAX_LANGUAGES, syntaxLanguageOf, type FileFacts } from '../../../src/core/syntax/index';
import { rng } from '../engine/helpers';
import { FIXTURES, GRAMMAR_DIR, syntax } from './helpers';

/** Facts without the work count (an incremental parse may reuse nodes, not the facts). */
function plain(facts: FileFacts): Record<string, unknown> {
  return Object.fromEntries(Object.entries(facts).filter(([key]) => key !== 'work'));
}

describe('syntax: the service', () => {
  it('maps files and VS Code language ids to grammars, and leaves the rest to the text scanner', () => {
    const cases: [string, string | undefined, string | undefined][] = [
      ['a.js', undefined, 'javascript'], ['a.jsx', undefined, 'javascript'], ['a.mjs', undefined, 'javascript'], ['a.cjs', undefined, 'javascript'],
      ['a.ts', undefined, 'typescript'], ['a.mts', undefined, 'typescript'], ['a.tsx', undefined, 'tsx'], ['a.py', undefined, 'python'],
      ['a.rb', undefined, 'ruby'], ['Rakefile', undefined, 'ruby'], ['a.php', undefined, 'php'], ['view.blade.php', undefined, undefined],
      ['types.d.ts', undefined, undefined], ['a.go', undefined, 'go'], ['A.java', undefined, 'java'], ['a.kt', undefined, undefined], ['.env', undefined, undefined], ['Makefile', undefined, undefined],
      ['untitled', 'typescriptreact', 'tsx'], ['a.txt', 'javascript', 'javascript'], ['a.ts', 'plaintext', 'typescript'],
    ];
    for (const [path, id, expected] of cases) assert.equal(syntaxLanguageOf(path, id), expected, `${path} ${id ?? ''}`);
  });

  it('loads nothing until a language is needed, then only that grammar', async () => {
    const fresh = createSyntax({ grammarDir: GRAMMAR_DIR });
    assert.deepEqual([...fresh.loaded().keys()], []);
    assert.equal(fresh.factsSync('x = 1', 'python'), undefined, 'no grammar, no facts, no waiting');
    await fresh.facts('x = 1', 'python');
    assert.deepEqual([...fresh.loaded().keys()], ['python']);
    assert.ok(fresh.factsSync('x = 1', 'python'));
    fresh.dispose();
  });

  it('loads every grammar it lists', async () => {
    const fresh = createSyntax({ grammarDir: GRAMMAR_DIR });
    for (const language of SYNTAX_LANGUAGES) {
      const facts = await fresh.facts('', language);
      assert.equal(facts.language, language);
      assert.equal(facts.hasErrors, false);
    }
    assert.deepEqual([...fresh.loaded().keys()].sort(), [...SYNTAX_LANGUAGES].sort());
    fresh.dispose();
  });

  it('says which file is missing when the grammar directory is wrong, and can try again', async () => {
    const broken = createSyntax({ grammarDir: join(GRAMMAR_DIR, 'nowhere') });
    await assert.rejects(broken.facts('x', 'javascript'), /cannot find web-tree-sitter\.wasm in .*nowhere/);
    await assert.rejects(broken.load('javascript'), /cannot find/);
  });

  it('gives empty facts for an empty file', async () => {
    for (const language of SYNTAX_LANGUAGES) {
      const facts = await syntax.facts('', language);
      assert.deepEqual({ ...plain(facts), language: 'any' }, {
        language: 'any', hasErrors: false, messengerCalls: [], crypto: [], env: [], literals: [], directives: [], imports: [], exports: [], asyncDefaultComponent: false,
      });
    }
  });

  it('re-parses a document incrementally and gives the facts a fresh parse gives, edit after edit', async () => {
    const original = readFileSync(join(FIXTURES, 'next-app/app/support/IntercomLoader.tsx'), 'utf8');
    const doc = await syntax.open(original, 'tsx');
    const next = rng(12);
    const pieces = ["'", '{', '}', '(', ')', 'é😀', '\n', ' user_id: id, ', "Intercom('boot', {", 'createHmac(', 'x', ''];
    for (let i = 0; i < 150; i++) {
      const start = Math.floor(next() * (doc.text.length + 1));
      const end = Math.min(doc.text.length, start + Math.floor(next() * 6));
      doc.edit({ start, end, text: pieces[Math.floor(next() * pieces.length)] as string });
      const fresh = await syntax.facts(doc.text, 'tsx');
      assert.deepEqual(plain(doc.facts()), plain(fresh), `after edit ${i}`);
    }
    doc.dispose();
    assert.throws(() => doc.edit({ start: 0, end: 0, text: 'x' }), /disposed/);
  });

  it('keeps offsets right across an edit before non-ASCII text', async () => {
    const doc = await syntax.open("const a = '😀😀';\nconst SECRET = 'v';", 'javascript');
    doc.edit({ start: 11, end: 11, text: 'ü' });
    const literal = doc.facts().literals.find((l) => l.name === 'SECRET');
    assert.equal(doc.text.slice(literal?.start, literal?.end), "'v'");
    doc.dispose();
  });
});
