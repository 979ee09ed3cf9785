import * as assert from 'node:assert/strict';
import { hasEmbeddedScripts, scriptsOnly } from '../../../src/core/syntax/index';

describe('syntax: script blocks of templates', () => {
  it('keeps every offset: the result has the length and the line breaks of the template', () => {
    const text = '<h1>{{ title }}</h1>\n<script>\n  boot({ email: "<%= user.email %>" });\n</script>\n<p>after</p>\n';
    const scripts = scriptsOnly(text, 'views/page.html.erb') as string;
    assert.equal(scripts.length, text.length);
    assert.deepEqual([...scripts].map((c, i) => (c === '\n' ? i : -1)).filter((i) => i >= 0), [...text].map((c, i) => (c === '\n' ? i : -1)).filter((i) => i >= 0));
    assert.equal(scripts.slice(text.indexOf('boot'), text.indexOf('boot') + 15), 'boot({ email: "');
    assert.match(scripts, /"_{17}"/, 'the template tag is one opaque run');
    assert.doesNotMatch(scripts, /title|after|<h1>/, 'everything outside the script is blank');
  });

  it('skips script blocks that hold templates or data, and files without scripts', () => {
    assert.equal(scriptsOnly('<script type="text/x-template"><b>{{ x }}</b></script>', 'a.html'), undefined);
    assert.equal(scriptsOnly('<script type="application/ld+json">{}</script>', 'a.html'), undefined);
    assert.equal(scriptsOnly('<p>no script</p>', 'a.html'), undefined);
  });

  it('blanks Smarty control tags and keeps its brace escapes as braces', () => {
    const smarty = '<script>\nvar o = {ldelim}{rdelim};\n{if $user}\nboot({$user.id});\n{/if}\n</script>';
    const out = scriptsOnly(smarty, 'hook/widget.tpl') as string;
    assert.match(out, /var o = \{ +\} +;/);
    assert.doesNotMatch(out, /\{if|\{\/if/);
    assert.match(out, /boot\(_+\);/);
  });

  it('survives unclosed tags and thousands of script openers', () => {
    const text = `${'<script>'.repeat(20_000)}${'<%'.repeat(20_000)}`;
    assert.equal((scriptsOnly(text, 'a.erb') as string).length, text.length);
  });

  it('knows templates and components by name and by VS Code language id', () => {
    for (const path of ['a.html', 'a.erb', 'x.blade.php', 'C.vue', 'S.svelte', 'p.jsp', 'w.tpl']) assert.ok(hasEmbeddedScripts(path), path);
    assert.ok(hasEmbeddedScripts('x.unknown', 'django-html'));
    assert.ok(!hasEmbeddedScripts('a.ts') && !hasEmbeddedScripts('a.php'));
  });
});
