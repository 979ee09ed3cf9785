import * as assert from 'node:assert/strict';
import { listSnippets, renderSnippet } from '../../src/core/snippets/catalogue';
import { getVendor } from '../../src/core/vendors';

const MOBILE_LANGUAGES = new Set(['swift', 'objective-c', 'kotlin', 'java', 'dart']);
const isMobile = (s: { id: string; language: string }) => MOBILE_LANGUAGES.has(s.language) || s.id.startsWith('react-native');

const clientJwt = () => listSnippets({ kind: 'client', scheme: 'jwt' })
  .flatMap((s) => s.vendors.map((vendor) => ({ s, vendor, text: renderSnippet(s.id, { vendor }).text })));

/** Where a login call of any Intercom SDK starts (Swift, Objective-C, Android, React Native, Flutter). */
const INTERCOM_LOGIN = /\bloginUser\(with:|\bloginUserWithUserAttributes\b|\bloginIdentifiedUser\(/;
/** Signing or hashing on the client, or a secret read: none of it belongs in client code. */
const SIGNING = /jwt\.sign|jsonwebtoken|SignJWT|\bjose\b|JWT\.encode|jwt\.encode|Jwts\.builder|JWT\.create|HS256|createHmac|HmacSHA256|CryptoJS|crypto\.subtle|CCHmac|javax\.crypto|package:crypto|\bHmac\b/i;
const SECRET_READ = /process\.env|import\.meta\.env|System\.getenv|BuildConfig\.\w*SECRET|Bundle\.main\.object|dotenv|\b\w*_SECRET\b/;

describe('client JWT snippets', () => {
  it('has a JWT client snippet for web frameworks and every mobile SDK the vendor files list', () => {
    const ids = new Set(listSnippets({ kind: 'client', scheme: 'jwt' }).map((s) => s.id));
    for (const id of ['web-jwt', 'react-jwt', 'nextjs-client-jwt', 'vue-jwt', 'ios-swift-jwt', 'ios-objc-jwt', 'android-kotlin-jwt', 'android-java-jwt', 'react-native-jwt', 'flutter-jwt']) {
      assert.ok(ids.has(id), id);
    }
    for (const [id, sdk] of [['ios-swift-jwt', 'ios-swift'], ['ios-objc-jwt', 'ios-objc'], ['android-kotlin-jwt', 'android-kotlin'], ['android-java-jwt', 'android-java'], ['react-native-jwt', 'react-native'], ['flutter-jwt', 'flutter']] as const) {
      const vendors = listSnippets().find((s) => s.id === id)?.vendors ?? [];
      assert.deepEqual([...vendors].sort(), ['intercom', 'zendesk'].filter((v) => getVendor(v).jwt?.mobile?.sdks.includes(sdk)).sort(), id);
    }
  });

  it('calls Intercom\'s setUserJwt before the login, on every mobile SDK, with the fetched token', () => {
    const intercom = clientJwt().filter(({ s, vendor }) => isMobile(s) && vendor === 'intercom');
    assert.equal(intercom.length, 6);
    for (const { s, text } of intercom) {
      // The call, not the comment that names it: `setUserJwt(jwt)`, `[Intercom setUserJwt:jwt]`.
      const set = text.search(/\bsetUserJwt[(:]/);
      const login = text.search(INTERCOM_LOGIN);
      assert.ok(set > 0, `${s.id}: no setUserJwt`);
      assert.ok(login > 0, `${s.id}: no login call`);
      assert.ok(set < login, `${s.id}: setUserJwt comes after the login`);
      assert.equal(text.match(/\bsetUserJwt[(:]/g)?.length, 1, `${s.id}: one setUserJwt call`);
      // The token comes from the app's backend, under the field the server snippets answer with.
      const asked = text.search(/\/api\/messenger\/jwt/);
      const read = text.search(/intercom_user_jwt/);
      assert.ok(asked > 0 && asked < set, `${s.id}: asks the backend before setting the token`);
      assert.ok(read > asked && read < text.indexOf('\n', set), `${s.id}: sets the intercom_user_jwt the backend answered`);
      // Attributes the token signs stay out of the login: it carries the user id only.
      assert.doesNotMatch(text.slice(login), /email/i, `${s.id}: the login repeats the email in clear`);
      assert.doesNotMatch(text, /setUserHash|user_hash|userHash/, `${s.id}: mixes in the HMAC scheme`);
    }
  });

  it('hands Zendesk\'s token to loginUser itself, on iOS and Android', () => {
    const zendesk = clientJwt().filter(({ s, vendor }) => isMobile(s) && vendor === 'zendesk');
    assert.equal(zendesk.length, 4);
    for (const { s, text } of zendesk) {
      assert.match(text, /Zendesk[\w.?() \]]*\s*[.\s]loginUser(With:jwt|\(with: jwt\)|\(\s*jwt\b|\(\s*\n\s*jwt = jwt)/, s.id);
      assert.match(text, /"jwt"/, `${s.id}: reads the jwt field from the backend`);
      assert.doesNotMatch(text, /setUserJwt|userId/, s.id);
    }
  });

  it('never signs, hashes or reads a secret in any client snippet, HMAC or JWT', () => {
    for (const s of listSnippets({ kind: 'client' })) {
      for (const vendor of s.vendors) {
        const { text } = renderSnippet(s.id, { vendor });
        assert.doesNotMatch(text, SIGNING, `${s.id}/${vendor} signs or hashes on the client`);
        assert.doesNotMatch(text, SECRET_READ, `${s.id}/${vendor} reads a secret`);
      }
    }
  });

  it('passes the token in the vendor file\'s field on the web, with no identity in clear beside it', () => {
    for (const { s, vendor, text } of clientJwt().filter(({ s }) => !isMobile(s))) {
      const field = getVendor(vendor).jwt?.field ?? '';
      assert.ok(text.includes(`${field}: body.${field}`) || text.includes(`callback(body.${field})`), `${s.id}/${vendor}`);
      assert.match(text, /fetch\('\/api\/messenger\/jwt'/, `${s.id}/${vendor} fetches from the app's own server`);
      assert.doesNotMatch(text, /user_id|userId|email/, `${s.id}/${vendor} sends identity in clear`);
    }
  });
});
