import * as assert from 'node:assert/strict';
import { listSnippets } from '../../src/core/snippets/catalogue';
import { rankSnippets } from '../../src/core/snippets/ranking';
import { VENDORS } from '../../src/core/vendors';

const ids = (ranked: ReturnType<typeof rankSnippets>) => ranked.map((r) => r.snippet.id);

describe('core/snippets ranking for the picker', () => {
  it('puts the JWT snippets first for Intercom, each saying why, the rest in catalogue order', () => {
    const react = listSnippets({ languageId: 'javascriptreact' });
    assert.deepEqual(react.map((s) => s.id), ['react', 'react-jwt'], 'catalogue order, HMAC first');
    const ranked = rankSnippets(react, 'intercom');
    assert.deepEqual(ids(ranked), ['react-jwt', 'react']);
    assert.match(ranked[0]?.recommended ?? '', /^Recommended: Intercom calls user_hash deprecated/);
    assert.equal(ranked[1]?.recommended, undefined);
  });

  it('ranks JWT first for every vendor whose file recommends it, server and client alike', () => {
    const all = listSnippets();
    for (const vendor of VENDORS.filter((v) => v.recommends?.scheme === 'jwt')) {
      const ranked = rankSnippets(all, vendor.id);
      const firstOther = ranked.findIndex((r) => r.recommended === undefined);
      assert.ok(firstOther > 0, `${vendor.id}: some snippet is recommended`);
      assert.ok(ranked.slice(0, firstOther).every((r) => r.snippet.scheme === 'jwt' && r.snippet.vendors.includes(vendor.id)), vendor.id);
      assert.ok(ranked.slice(firstOther).every((r) => r.recommended === undefined), `${vendor.id}: recommended ones all come first`);
      assert.ok(ranked.slice(0, firstOther).every((r) => r.recommended === `Recommended: ${vendor.recommends?.why ?? ''}`));
    }
    assert.deepEqual(VENDORS.filter((v) => v.recommends?.scheme === 'jwt').map((v) => v.id).sort(), ['featurebase', 'intercom', 'zendesk']);
  });

  it('is a stable partition: same snippets, relative order kept within each part', () => {
    const all = listSnippets();
    const ranked = rankSnippets(all, 'featurebase');
    assert.deepEqual([...ids(ranked)].sort(), all.map((s) => s.id).sort());
    const order = new Map(all.map((s, i) => [s.id, i]));
    const increasing = (list: string[]) => list.every((id, i) => i === 0 || (order.get(list[i - 1] ?? '') ?? 0) < (order.get(id) ?? 0));
    assert.ok(increasing(ids(ranked.filter((r) => r.recommended))));
    assert.ok(increasing(ids(ranked.filter((r) => !r.recommended))));
  });

  it('leaves the order alone for a vendor without a recommendation, an unknown one or none', () => {
    const all = listSnippets({ kind: 'client' });
    for (const vendor of ['crisp', 'cobol', undefined]) {
      const ranked = rankSnippets(all, vendor);
      assert.deepEqual(ids(ranked), all.map((s) => s.id), String(vendor));
      assert.ok(ranked.every((r) => r.recommended === undefined));
    }
  });

  it('does not recommend a JWT snippet that cannot be rendered for the vendor', () => {
    // react-native-jwt is Intercom's only: Zendesk has no React Native SDK of its own.
    const ranked = rankSnippets(listSnippets({ kind: 'client', scheme: 'jwt' }), 'zendesk');
    const rn = ranked.find((r) => r.snippet.id === 'react-native-jwt');
    assert.ok(rn);
    assert.equal(rn.recommended, undefined);
    assert.ok(ranked.find((r) => r.snippet.id === 'ios-swift-jwt')?.recommended);
  });
});
