import * as assert from 'node:assert/strict';
import { RULES, ruleDocsPage } from '../../src/core/engine/index';
import { markdownToHtml } from '../../src/extension/docs/markdownHtml';

describe('rule documentation pages', () => {
  it('render every rule with no Markdown left over and every "<" escaped', () => {
    for (const rule of RULES) {
      const html = markdownToHtml(ruleDocsPage(rule));
      assert.match(html, new RegExp(`^<h1>${rule.id}</h1>\\n<p>`), rule.id);
      const text = html.replace(/<\/?(h1|p|strong|code)>/g, '');
      assert.doesNotMatch(text, /\*\*|`|<|>/, `${rule.id}: ${text}`);
      assert.equal((html.match(/<strong>/g) ?? []).length, 4, `${rule.id} has four sections`);
    }
  });

  it('keeps code spans literal and escapes markup inside them', () => {
    assert.equal(markdownToHtml('A `**x** <key>` and **b**'), '<p>A <code>**x** &lt;key&gt;</code> and <strong>b</strong></p>');
  });
});
