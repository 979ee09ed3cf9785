/** PatchReader: `git log -p` text in, file changes with their new-side lines out. */
import * as assert from 'node:assert/strict';
import { PatchReader, unquote, type FileChange } from '../../../src/core/history/index';

function read(patch: string, maxChars = 1_000_000): { changes: FileChange[]; binary: string[]; tooLarge: string[]; commits: string[] } {
  const changes: FileChange[] = [];
  const binary: string[] = [];
  const tooLarge: string[] = [];
  const commits: string[] = [];
  const reader = new PatchReader({
    commit: (c) => commits.push(`${c.sha} ${c.author} ${c.date}`),
    change: (c) => changes.push(c),
    binary: (_c, p) => binary.push(p),
    tooLarge: (_c, p) => tooLarge.push(p),
  }, maxChars);
  for (const line of patch.split('\n')) reader.line(line);
  reader.end();
  return { changes, binary, tooLarge, commits };
}

const HEADER = (sha: string) => `\x1e${sha}\x1fAda Lovelace\x1f2024-05-01T10:00:00+02:00`;

describe('history: PatchReader', () => {
  it('gives each file its hunks with file line numbers, marks added lines, and keeps an added "++" line that prints like a header', () => {
    const patch = [
      HEADER('c1'),
      '',
      'diff --git a/src/a.js b/src/a.js',
      'index 1111111..2222222 100644',
      '--- a/src/a.js',
      '+++ b/src/a.js',
      '@@ -10,3 +10,4 @@ function x() {',
      ' ten',
      '-old eleven',
      '+new eleven',
      '+++ counter',
      ' twelve',
      '@@ -40,0 +41,1 @@',
      '+forty-one',
      'diff --git a/gone.js b/gone.js',
      'deleted file mode 100644',
      '--- a/gone.js',
      '+++ /dev/null',
      '@@ -1 +0,0 @@',
      '-bye',
      'diff --git a/logo.png b/logo.png',
      'Binary files a/logo.png and b/logo.png differ',
    ].join('\n');
    const { changes, binary, commits } = read(patch);
    assert.deepEqual(commits, ['c1 Ada Lovelace 2024-05-01T10:00:00+02:00']);
    assert.equal(changes.length, 1);
    const [c] = changes as [FileChange];
    assert.equal(c.path, 'src/a.js');
    assert.equal(c.text, 'ten\nnew eleven\n++ counter\ntwelve\n\nforty-one');
    assert.deepEqual(c.lineOf, [9, 10, 11, 12, -1, 40]);
    assert.deepEqual(c.added, [false, true, true, false, false, true]);
    assert.deepEqual(binary, ['logo.png']);
  });

  it('reads a new file, a file without a final newline, and a quoted path', () => {
    const patch = [
      HEADER('c2'),
      'diff --git "a/dir/na\\303\\257ve \\"x\\".env" "b/dir/na\\303\\257ve \\"x\\".env"',
      'new file mode 100644',
      '--- /dev/null',
      '+++ "b/dir/na\\303\\257ve \\"x\\".env"',
      '@@ -0,0 +1 @@',
      '+SECRET=abc',
      '\\ No newline at end of file',
      HEADER('c3'),
      'diff --git a/only-removed.js b/only-removed.js',
      '--- a/only-removed.js',
      '+++ b/only-removed.js',
      '@@ -3 +2,0 @@',
      '-gone',
    ].join('\n');
    const { changes, commits } = read(patch);
    assert.equal(commits.length, 2);
    assert.deepEqual(changes.map((c) => [c.path, c.text, c.lineOf]), [['dir/naïve "x".env', 'SECRET=abc', [0]]], 'a change that only removes lines adds nothing to read');
  });

  it('drops a change over the size limit unread and says so, and reads the next one', () => {
    const big = Array.from({ length: 50 }, (_, i) => `+line ${i}`);
    const patch = [HEADER('c4'), 'diff --git a/big.js b/big.js', '--- a/big.js', '+++ b/big.js', '@@ -0,0 +1,50 @@', ...big, 'diff --git a/small.js b/small.js', '--- a/small.js', '+++ b/small.js', '@@ -0,0 +1 @@', '+ok'].join('\n');
    const { changes, tooLarge } = read(patch, 100);
    assert.deepEqual(tooLarge, ['big.js']);
    assert.deepEqual(changes.map((c) => c.path), ['small.js']);
  });

  it('unquotes C-style paths and leaves plain ones alone', () => {
    assert.equal(unquote('plain/path.js'), 'plain/path.js');
    assert.equal(unquote('"tab\\there"'), 'tab\there');
    assert.equal(unquote('"caf\\303\\251"'), 'café');
  });
});
