/**
 * `npm run package`, the README's install step, run as a user runs it: it must exit 0 without a
 * warning and write a .vsix holding exactly what the installed extension needs.
 */
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { readZip } from './zip';

const root = resolve(__dirname, '..', '..', '..');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  name: string; icon: string; repository: { url: string };
  contributes: { snippets: Array<{ path: string }>; walkthroughs: Array<{ steps: Array<{ media: { markdown: string } }> }>; jsonValidation: Array<{ url: string }> };
};
const vsix = join(root, `${manifest.name}.vsix`);
/** The syntax layer's WebAssembly files, copied into dist/grammars/ by the build. */
const grammars = JSON.parse(readFileSync(join(root, 'src', 'core', 'syntax', 'grammars.json'), 'utf8')) as {
  runtime: { file: string }; grammars: Record<string, { file: string }>;
};
const grammarFiles = [grammars.runtime, ...Object.values(grammars.grammars)].map((g) => `dist/grammars/${g.file.slice(g.file.lastIndexOf('/') + 1)}`);

describe('npm run package', function () {
  this.timeout(180_000);
  let output = '';
  let files: Map<string, Buffer>;

  before(() => {
    rmSync(vsix, { force: true });
    output = execFileSync('npm', ['run', 'package'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    files = readZip(vsix);
  });

  it('writes the .vsix and says nothing but INFO and DONE', () => {
    assert.ok(existsSync(vsix));
    assert.match(output, /DONE\s+Packaged: /);
    assert.doesNotMatch(output, /\b(WARNING|ERROR)\b/, output);
  });

  it('holds the bundles, the grammars, the generated snippets, the icon, the walkthrough pages and the schema, and nothing else', () => {
    const inExtension = [...files.keys()].filter((f) => f.startsWith('extension/')).map((f) => f.slice('extension/'.length));
    const expected = [
      'package.json', 'readme.md', 'changelog.md', 'LICENSE.txt', manifest.icon,
      'dist/extension.js', 'dist/extension.web.js', 'dist/cli.js', 'dist/eslint-plugin.js', ...grammarFiles,
      ...manifest.contributes.jsonValidation.map((v) => v.url.replace(/^\.\//, '')),
      ...manifest.contributes.snippets.map((s) => s.path.replace(/^\.\//, '')),
      ...manifest.contributes.walkthroughs.flatMap((w) => w.steps.map((s) => s.media.markdown)),
    ];
    assert.deepEqual([...new Set(inExtension)].sort(), [...new Set(expected)].sort());
    assert.ok(!inExtension.some((f) => f.endsWith('.map')), 'no source maps in a production package');
  });

  it('ships a 128x128 PNG icon', () => {
    const icon = files.get(`extension/${manifest.icon}`);
    assert.ok(icon);
    assert.equal(icon.toString('latin1', 1, 4), 'PNG');
    assert.deepEqual([icon.readUInt32BE(16), icon.readUInt32BE(20)], [128, 128]);
  });

  it('points every README image at the repository, so the Marketplace and Open VSX pages show it', () => {
    const readme = files.get('extension/readme.md')?.toString('utf8') ?? '';
    const images = [...readme.matchAll(/!\[[^\]]*\]\(([^)\s]+)\)/g)].map((m) => m[1] ?? '');
    assert.ok(images.length >= 6, images.join(', '));
    const base = `${manifest.repository.url.replace(/\.git$/, '')}/raw/HEAD/`;
    for (const image of images) {
      assert.ok(image.startsWith(base), image);
      assert.ok(existsSync(join(root, image.slice(base.length))), `${image} is in the repository`);
    }
  });
});
