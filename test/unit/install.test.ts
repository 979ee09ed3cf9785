import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { countWork } from './engine/workMeter';
import { loadAllGrammars, syntax } from './engine/helpers';
import { compareInstallations, findInstallations, MOBILE_REMINDER, readiness, readinessDetails, type Installation } from '../../src/core/install/index';
import { proofScheme, VENDOR_DEFINITIONS } from '../../src/core/vendors/index';

const FIXTURES = join(__dirname, '..', '..', '..', 'test', 'fixtures', 'install');

/** Every installation of a fixture project under test/fixtures/install/, read with syntax facts, and the verdicts. */
function project(dir: string): { installations: Installation[]; verdicts: ReturnType<typeof readiness> } {
  const root = join(FIXTURES, dir);
  const walk = (d: string): string[] => readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(d, e.name)) : [join(d, e.name)]));
  const installations = walk(root).sort().flatMap((abs) => findInstallations(readFileSync(abs, 'utf8'), relative(root, abs).split(sep).join('/'), undefined, { syntax }));
  return { installations, verdicts: readiness(installations) };
}

/** The installations of one snippet without the file name, which every case would repeat. */
function found(path: string, text: string): Omit<Installation, 'file'>[] {
  return findInstallations(text, path).map(({ file, ...rest }) => {
    assert.equal(file, path);
    return rest;
  });
}

function one(path: string, text: string): Omit<Installation, 'file'> {
  const all = found(path, text);
  assert.equal(all.length, 1, JSON.stringify(all));
  return all[0] as Omit<Installation, 'file'>;
}

describe('install: web', () => {
  it('Intercom settings with a server-rendered hash (ERB)', () => {
    const text = '<script>\nwindow.intercomSettings = { app_id: "x", user_id: <%= current_user.id %>, user_hash: "<%= intercom_hash(current_user) %>" };\n</script>';
    assert.deepEqual(one('app/views/layouts/application.html.erb', text), { line: 2, vendor: 'intercom', platform: 'web', identifiers: ['user_id'], sendsHash: true, hashSource: 'server', scheme: 'hmac' });
  });

  it('Blade @json and Jinja {{ }} values come from the server', () => {
    assert.equal(one('resources/views/app.blade.php', "window.intercomSettings = { app_id: 'x', email: @json($email), user_hash: @json($hash) };").hashSource, 'server');
    assert.equal(one('templates/base.html', "Intercom('boot', { app_id: 'x', email: '{{ user.email }}', user_hash: '{{ user_hash }}' });").hashSource, 'server');
  });

  it('a boot without a hash, and a hash key left empty, send none', () => {
    assert.deepEqual(one('public/boot.js', "window.intercomSettings = { app_id: 'x', user_id: u.id, email: u.email };"), { line: 1, vendor: 'intercom', platform: 'web', identifiers: ['user_id', 'email'], sendsHash: false, hashSource: 'unknown', scheme: 'none' });
    assert.equal(one('public/boot.js', "Intercom('boot', { app_id: 'x', user_id: u.id, user_hash: undefined });").sendsHash, false);
  });

  it('a hash assigned after the literal counts, traced back to a fetch', () => {
    const text = "const me = await (await fetch('/api/me')).json();\nwindow.intercomSettings = { app_id: 'x', user_id: me.id };\nwindow.intercomSettings.user_hash = me.user_hash;";
    assert.deepEqual(one('public/boot.js', text), { line: 2, vendor: 'intercom', platform: 'web', identifiers: ['user_id'], sendsHash: true, hashSource: 'server', scheme: 'hmac' });
  });

  it('a hash computed in the browser is client, even where the path says nothing', () => {
    const text = "import CryptoJS from 'crypto-js';\nconst hash = CryptoJS.HmacSHA256(user.id, key).toString();\nIntercom({ app_id: 'x', user_id: user.id, user_hash: hash });";
    assert.equal(one('src/components/Chat.tsx', text).hashSource, 'client');
    assert.equal(one('lib/chat.js', text).hashSource, 'client');
  });

  it('anonymous boots are installations with no identifiers; updates without identity are not', () => {
    const all = found('public/boot.js', "Intercom('boot', { app_id: 'x' });\nIntercom('update', { last_request_at: 1 });\nIntercom('update', { email: e });");
    assert.deepEqual(all.map((i) => [i.line, i.identifiers, i.sendsHash]), [[1, [], false], [3, ['email'], false]]);
  });

  it('props from getServerSideProps and server components are server values', () => {
    const page = "import { useIntercom } from 'react-use-intercom';\nexport default function Page({ userId, userHash }) {\n  const { boot } = useIntercom();\n  boot({ userId, userHash });\n}\nexport async function getServerSideProps() { return { props: {} }; }";
    assert.deepEqual(one('pages/index.tsx', page), { line: 4, vendor: 'intercom', platform: 'web', identifiers: ['user_id'], sendsHash: true, hashSource: 'server', scheme: 'hmac' });
    const component = "'use client';\nimport { useIntercom } from 'react-use-intercom';\nexport function Chat({ userId, userHash }) { useIntercom().boot({ userId, userHash }); }";
    assert.equal(one('components/Chat.tsx', component).hashSource, 'unknown', 'a client component cannot see where its props come from');
    const server = "import Intercom from '@intercom/messenger-js-sdk';\nexport default async function Page() {\n  const hash = await userHash();\n  Intercom({ app_id: 'x', user_id: '1', user_hash: hash });\n}";
    assert.equal(one('app/dashboard/page.tsx', server).hashSource, 'server');
  });

  const vendors: [string, string, string, Partial<Installation>][] = [
    ['crisp', 'src/crisp.js', "const { signature } = await fetch('/api/crisp').then((r) => r.json());\n$crisp.push(['set', 'user:email', [user.email, signature]]);", { line: 2, identifiers: ['email'], sendsHash: true, hashSource: 'server' }],
    ['crisp', 'src/crisp.js', "$crisp.push(['set', 'user:email', [user.email]]);", { identifiers: ['email'], sendsHash: false }],
    ['chatwoot', 'src/cw.js', 'window.$chatwoot.setUser(user.id, { email: user.email, identifier_hash: user.identifierHash });', { identifiers: ['user_id', 'email'], sendsHash: true, scheme: 'hmac' }],
    ['chatwoot', 'src/cw.js', 'window.$chatwoot.setUser(user.id, { name: user.name });', { identifiers: ['user_id'], sendsHash: false }],
    ['helpscout', 'src/beacon.js', "Beacon('identify', { email: user.email, signature: response.signature });", { identifiers: ['email'], sendsHash: true, hashSource: 'server' }],
    ['tawkto', 'src/tawk.js', "Tawk_API.login({ userId: u.id, hash: CryptoJS.HmacSHA256(u.id, 'k').toString() }, () => {});", { identifiers: ['user_id'], sendsHash: true, hashSource: 'client' }],
    ['front', 'src/front.js', "FrontChat('init', { chatId: 'x', email: u.email, userHash: window.__USER__.frontHash });", { identifiers: ['email'], sendsHash: true, hashSource: 'server' }],
    ['pylon', 'src/pylon.js', "window.pylon = { chat_settings: { app_id: 'x', email: u.email, email_hash: u.emailHash } };", { identifiers: ['email'], sendsHash: true, hashSource: 'unknown' }],
    ['plain', 'src/plain.js', "Plain.init({ appId: 'x', customerDetails: { email: u.email } });", { identifiers: ['email'], sendsHash: false }],
    ['gleap', 'src/gleap.js', 'Gleap.identify(String(u.id), { email: u.email }, u.gleapHash);', { identifiers: ['user_id', 'email'], sendsHash: true }],
    ['gleap', 'src/gleap.js', 'Gleap.identify(String(u.id), { name: u.name });', { identifiers: ['user_id'], sendsHash: false }],
    ['featurebase', 'src/fb.js', "Featurebase('identify', { organization: 'x', email: u.email, userId: u.id, featurebaseJwt: jwt });", { identifiers: ['user_id', 'email'], sendsHash: true, scheme: 'jwt' }],
    ['novu', 'src/Bell.tsx', "import { Inbox } from '@novu/react';\nexport const Bell = ({ id, hash }) => <Inbox applicationIdentifier=\"x\" subscriberId={id} subscriberHash={hash} />;", { line: 2, identifiers: ['user_id'], sendsHash: true }],
    ['novu', 'src/Bell.tsx', "import { Inbox } from '@novu/react';\nexport const Bell = ({ id }) => <Inbox applicationIdentifier=\"x\" subscriber={id} />;", { identifiers: ['user_id'], sendsHash: false }],
    ['zendesk', 'src/zd.js', "zE('messenger', 'loginUser', function (callback) {\n  fetch('/api/zendesk-jwt').then((r) => r.text()).then((jwt) => callback(jwt));\n});", { identifiers: ['user_id'], sendsHash: true, hashSource: 'server', scheme: 'jwt' }],
    ['zendesk', 'src/zd.js', "zE('messenger', 'loginUser', (callback) => { callback(); });", { identifiers: ['user_id'], sendsHash: false, scheme: 'none' }],
  ];
  for (const [vendor, path, text, expected] of vendors) {
    it(`${vendor}: ${expected.sendsHash === true ? `sends the hash${expected.hashSource ? ` (${expected.hashSource})` : ''}` : 'identifies without the hash'}`, () => {
      const got = one(path, text);
      assert.equal(got.vendor, vendor);
      assert.equal(got.platform, 'web');
      for (const [key, value] of Object.entries(expected)) assert.deepEqual(got[key as keyof typeof got], value, key);
    });
  }

  it('files without a messenger, and server code, have no installations', () => {
    assert.deepEqual(found('src/util.js', 'export const add = (a, b) => a + b;'), []);
    assert.deepEqual(found('server/hash.js', "exports.hash = (id) => createHmac('sha256', process.env.INTERCOM_SECRET).update(id).digest('hex');"), []);
    assert.deepEqual(found('app/models/user.rb', "def intercom_settings = { user_id: id, user_hash: OpenSSL::HMAC.hexdigest('sha256', s, id) }"), []);
  });
});

describe('install: mobile', () => {
  it('iOS Swift: setUserHash from a decoded API response, then loginUser(with:)', () => {
    const text = 'import Intercom\nlet identity = try JSONDecoder().decode(Identity.self, from: data)\nIntercom.setUserHash(identity.userHash)\nlet attributes = ICMUserAttributes()\nattributes.userId = identity.userId\nIntercom.loginUser(with: attributes) { _ in }';
    assert.deepEqual(one('ios/App/Login.swift', text), { line: 6, vendor: 'intercom', platform: 'ios', identifiers: ['user_id'], sendsHash: true, hashSource: 'server', scheme: 'hmac' });
  });

  it('iOS Swift: without setUserHash the login sends no hash; CCHmac in the app is client', () => {
    assert.equal(one('ios/App/Login.swift', 'Intercom.loginUser(with: attributes) { _ in }').sendsHash, false);
    const hmac = 'import CommonCrypto\nCCHmac(CCHmacAlgorithm(kCCHmacAlgSHA256), key, key.count, id, id.count, &out)\nIntercom.setUserHash(hex(out))\nIntercom.registerUser(withUserId: "1")';
    assert.deepEqual(one('ios/App/Login.swift', hmac), { line: 4, vendor: 'intercom', platform: 'ios', identifiers: ['user_id'], sendsHash: true, hashSource: 'client', scheme: 'hmac' });
  });

  it('iOS Objective-C: [Intercom setUserHash:], registerUserWithUserId and anonymous logins', () => {
    const text = '#import <Intercom/Intercom.h>\n[Intercom setUserHash:hash];\n[Intercom registerUserWithUserId:@"1"];\n[Intercom loginUnidentifiedUser];';
    assert.deepEqual(found('ios/App/Login.m', text), [
      { line: 3, vendor: 'intercom', platform: 'ios', identifiers: ['user_id'], sendsHash: true, hashSource: 'unknown', scheme: 'hmac' },
      { line: 4, vendor: 'intercom', platform: 'ios', identifiers: [], sendsHash: false, hashSource: 'unknown', scheme: 'none' },
    ]);
  });

  it('Android Kotlin: Intercom.client().setUserHash from a Retrofit API, loginIdentifiedUser with a Registration', () => {
    const text = 'import io.intercom.android.sdk.Intercom\nval identity = api.intercomIdentity()\nIntercom.client().setUserHash(identity.userHash)\nval registration = Registration.create().withUserId(identity.userId)\nIntercom.client().loginIdentifiedUser(userAttributes = registration)';
    assert.deepEqual(one('android/app/src/main/java/com/x/Login.kt', text), { line: 5, vendor: 'intercom', platform: 'android', identifiers: ['user_id'], sendsHash: true, hashSource: 'server', scheme: 'hmac' });
  });

  it('Android Java: javax.crypto.Mac in the app is client; Kotlin on a server is no installation', () => {
    const java = 'import android.app.Activity;\nMac mac = Mac.getInstance("HmacSHA256");\nIntercom.client().setUserHash(hex(mac.doFinal(id.getBytes())));\nIntercom.client().registerIdentifiedUser(Registration.create().withEmail(email));';
    assert.deepEqual(one('app/src/main/java/com/x/Login.java', java), { line: 4, vendor: 'intercom', platform: 'android', identifiers: ['email'], sendsHash: true, hashSource: 'client', scheme: 'hmac' });
    assert.deepEqual(found('src/main/kotlin/Server.kt', 'import io.ktor.server.application.*\nfun f() = Intercom.client().setUserHash("x")'), []);
  });

  it('React Native: one installation per store', () => {
    const text = "import Intercom from '@intercom/intercom-react-native';\nconst { hash } = await api.get('/intercom');\nawait Intercom.setUserHash(hash);\nawait Intercom.loginUserWithUserAttributes({ email: user.email });";
    const expected = { line: 4, vendor: 'intercom', identifiers: ['email'], sendsHash: true, hashSource: 'server', scheme: 'hmac' } as const;
    assert.deepEqual(found('src/Chat.tsx', text), [{ ...expected, platform: 'ios' }, { ...expected, platform: 'android' }]);
  });

  it('Flutter: setUserHash from an http response; a login without it sends none', () => {
    const text = "import 'package:http/http.dart' as http;\nfinal res = await http.get(Uri.parse('https://x/me'));\nfinal data = jsonDecode(res.body);\nawait Intercom.instance.setUserHash(data['intercom_hash']);\nawait Intercom.instance.loginIdentifiedUser(email: data['email']);";
    assert.deepEqual(found('lib/login.dart', text).map((i) => [i.platform, i.line, i.sendsHash, i.hashSource]), [['ios', 5, true, 'server'], ['android', 5, true, 'server']]);
    const missing = found('lib/login.dart', "await Intercom.instance.loginIdentifiedUser(userId: id, email: email);");
    assert.deepEqual(missing.map((i) => [i.platform, i.identifiers, i.sendsHash]), [['ios', ['user_id', 'email'], false], ['android', ['user_id', 'email'], false]]);
  });

  it('a file that only sets the hash is reported so readiness can pair it with a login elsewhere', () => {
    assert.deepEqual(one('ios/App/Auth.swift', 'Intercom.setUserHash(token.intercomHash)'), { line: 1, vendor: 'intercom', platform: 'ios', identifiers: [], sendsHash: true, hashSource: 'unknown', scheme: 'hmac' });
  });

  it('another SDK\'s loginUser is not Intercom', () => {
    assert.deepEqual(found('ios/App/Auth.swift', 'import Intercom\nAuth.auth().loginUser(with: credentials)'), []);
  });
});

describe('install: readiness', () => {
  const INTERCOM_NOTE = 'Intercom calls user_hash deprecated and recommends Messenger Security (JWT): migrate user_hash to intercom_user_jwt (server first, then the clients; enforce last).';
  const at = (file: string, line: number, rest: Partial<Installation>): Installation => ({
    file, line, vendor: 'intercom', platform: 'web', identifiers: ['user_id'], sendsHash: true, hashSource: 'server',
    scheme: rest.sendsHash === false ? 'none' : 'hmac', ...rest,
  });

  it('a platform with one installation missing the hash is not ready, and says where', () => {
    const result = readiness([at('a.js', 1, {}), at('b.js', 7, { sendsHash: false, hashSource: 'unknown', identifiers: ['user_id', 'email'] })]);
    assert.deepEqual(result, [{ vendor: 'intercom', platform: 'web', ready: false, scheme: 'hmac', reasons: ['b.js:7 sends user_id, email without user_hash.'], notes: [INTERCOM_NOTE] }]);
  });

  it('every hash from the server: ready, with no reasons on the web', () => {
    assert.deepEqual(readiness([at('a.js', 1, {}), at('b.html', 2, {})]), [{ vendor: 'intercom', platform: 'web', ready: true, scheme: 'hmac', reasons: [], notes: [INTERCOM_NOTE] }]);
  });

  it('HMAC and JWT on one vendor and platform: not ready, naming where each is sent', () => {
    const [web] = readiness([at('web/boot.js', 2, {}), at('app/checkout.js', 5, { scheme: 'jwt' })]);
    assert.equal(web?.ready, false);
    assert.equal(web?.scheme, 'mixed');
    assert.deepEqual(web?.reasons, ['Mixes HMAC (web/boot.js:2) and JWT (app/checkout.js:5): enforcing either scheme rejects the users of the other; move every installation to JWT before enforcing.']);
    // Long lists are cut, with a count of the rest.
    const many = readiness([1, 2, 3, 4, 5].map((n) => at(`h${n}.js`, n, {})).concat(at('j.js', 9, { scheme: 'jwt' })))[0];
    assert.match(many?.reasons[0] ?? '', /^Mixes HMAC \(h1\.js:1, h2\.js:2, h3\.js:3 and 2 more\) and JWT \(j\.js:9\)/);
    // Platforms are judged apart: JWT on the web and HMAC on iOS is no mix.
    assert.deepEqual(readiness([at('a.js', 1, { scheme: 'jwt' }), at('L.swift', 2, { platform: 'ios' })]).map((r) => [r.platform, r.scheme, r.ready]), [['web', 'jwt', true], ['ios', 'hmac', true]]);
  });

  it('Intercom on HMAC gets a note that it recommends JWT, which leaves the platform ready', () => {
    const [hmac] = readiness([at('a.js', 1, {})]);
    assert.equal(hmac?.ready, true);
    assert.deepEqual(hmac?.reasons, []);
    assert.deepEqual(hmac?.notes, [INTERCOM_NOTE]);
    const [ios] = readiness([at('L.swift', 1, { platform: 'ios' })]);
    assert.deepEqual(ios?.notes, ['Intercom calls user_hash deprecated and recommends Messenger Security (JWT): migrate setUserHash to setUserJwt (server first, then the clients; enforce last).']);
    // JWT already, a vendor with HMAC only, and no proof at all: nothing to note.
    assert.deepEqual(readiness([at('a.js', 1, { scheme: 'jwt' })])[0]?.notes, []);
    assert.deepEqual(readiness([at('c.js', 1, { vendor: 'crisp' })])[0]?.notes, []);
    assert.deepEqual(readiness([at('a.js', 1, { sendsHash: false })])[0]?.notes, []);
  });

  it('ties each reason to the installation it names, and words it without the place for a view that shows the place as a row', () => {
    const boot = at('web/boot.js', 2, { sendsHash: false, hashSource: 'unknown', identifiers: ['user_id', 'email'] });
    const group = [boot, at('web/old.js', 1, {}), at('app/checkout.js', 5, { scheme: 'jwt' })];
    const [detail] = readinessDetails(group);
    assert.deepEqual(detail?.readiness, readiness(group)[0]);
    assert.deepEqual(detail?.reasons.map((r) => [r.installation?.file, r.short]), [
      ['web/boot.js', 'Sends user_id, email without user_hash.'],
      [undefined, 'Mixes HMAC and JWT: enforcing either scheme rejects the users of the other; move every installation to JWT before enforcing.'],
    ]);
    assert.deepEqual(detail?.reasons.map((r) => r.text), detail?.readiness.reasons);
    // The same order idv check prints: file, line, then platform.
    const flutter = [at('lib/a.dart', 3, { platform: 'android' }), at('lib/a.dart', 3, { platform: 'ios' }), at('a.js', 9, {})];
    assert.deepEqual([...flutter].sort(compareInstallations).map((i) => `${i.file}:${i.platform}`), ['a.js:web', 'lib/a.dart:ios', 'lib/a.dart:android']);
  });

  it('a call without the proof on a JWT platform is told to send the JWT', () => {
    const [web] = readiness([at('a.js', 1, { scheme: 'jwt' }), at('b.js', 4, { sendsHash: false, hashSource: 'unknown' })]);
    assert.deepEqual(web?.reasons, ['b.js:4 sends user_id without intercom_user_jwt.']);
    const [android] = readiness([at('A.kt', 1, { platform: 'android', scheme: 'jwt' }), at('B.kt', 4, { platform: 'android', sendsHash: false })]);
    assert.equal(android?.reasons[0], 'B.kt:4 sends user_id without setUserJwt.');
  });

  it('a client-computed hash blocks; an unknown origin is noted but does not', () => {
    const [client] = readiness([at('a.js', 3, { hashSource: 'client' })]);
    assert.equal(client?.ready, false);
    assert.match(client?.reasons[0] ?? '', /^a\.js:3 computes the hash on the client/);
    const [unknown] = readiness([at('a.js', 3, { hashSource: 'unknown' })]);
    assert.equal(unknown?.ready, true);
    assert.match(unknown?.reasons[0] ?? '', /^a\.js:3 sends a hash whose origin is not visible/);
  });

  it('anonymous installations need no hash', () => {
    const [r] = readiness([at('a.html', 1, { identifiers: [], sendsHash: false, hashSource: 'unknown' })]);
    assert.equal(r?.ready, true);
    assert.match(r?.reasons.join(' ') ?? '', /anonymous/);
  });

  it('mobile platforms always carry the release reminder, the web never', () => {
    const result = readiness([at('a.js', 1, {}), at('L.swift', 2, { platform: 'ios' }), at('L.kt', 3, { platform: 'android', sendsHash: false, hashSource: 'unknown' })]);
    assert.deepEqual(result.map((r) => [r.platform, r.ready, r.reasons.includes(MOBILE_REMINDER)]), [['web', true, false], ['ios', true, true], ['android', false, true]]);
    assert.match(MOBILE_REMINDER, /release the version that sends the hash first/);
  });

  it('a mobile login without a hash is covered by a setter in another file of the same platform', () => {
    const result = readiness([at('Login.swift', 9, { platform: 'ios', sendsHash: false, hashSource: 'unknown' }), at('Auth.swift', 4, { platform: 'ios', identifiers: [] })]);
    assert.equal(result[0]?.ready, true);
    assert.match(result[0]?.reasons[0] ?? '', /Login\.swift:9 .*Auth\.swift:4 sets it/);
    // The web has no separate setter: a web call without the hash stays a gap.
    assert.equal(readiness([at('a.js', 1, { sendsHash: false }), at('b.js', 1, { identifiers: [] })])[0]?.ready, false);
  });

  it('verdicts are grouped per vendor and platform in vendor, then platform order', () => {
    const result = readiness([at('c.js', 1, { vendor: 'crisp' }), at('x.kt', 1, { platform: 'android' }), at('a.js', 1, {})]);
    assert.deepEqual(result.map((r) => `${r.vendor}/${r.platform}`), ['intercom/web', 'intercom/android', 'crisp/web']);
  });
});

describe('install: on syntax facts', () => {
  before(async function () {
    this.timeout(60_000);
    await loadAllGrammars();
  });

  const onFacts = (path: string, text: string) => findInstallations(text, path, undefined, { syntax }).map(({ file: _file, ...rest }) => rest);

  it('judges the hash of each call by what it is built from, not by another function of the file', () => {
    const text = [
      "import CryptoJS from 'crypto-js';",
      'export function leaky(user) {',
      '  const hash = CryptoJS.HmacSHA256(user.id, KEY).toString();',
      "  Intercom('boot', { app_id: 'x', user_id: user.id, user_hash: hash });",
      '}',
      'export async function fetched(user) {',
      "  const hash = (await (await fetch('/api/intercom-hash')).json()).hash;",
      "  Intercom('boot', { app_id: 'x', user_id: user.id, user_hash: hash });",
      '}',
    ].join('\n');
    assert.deepEqual(onFacts('src/chat.js', text).map((i) => [i.line, i.hashSource]), [[4, 'client'], [8, 'server']]);
    // Without facts the text path still answers for the whole file.
    assert.deepEqual(found('src/chat.js', text).map((i) => [i.line, i.hashSource]), [[4, 'client'], [8, 'client']]);
  });

  it('settings spread from elsewhere are unresolved, and readiness asks to check them', () => {
    const all = onFacts('src/boot.js', "Intercom('boot', { ...serverSettings, app_id: 'x', user_id: user.id });");
    assert.deepEqual(all, [{ line: 1, vendor: 'intercom', platform: 'web', identifiers: ['user_id'], sendsHash: false, hashSource: 'unknown', scheme: 'none', unresolved: true }]);
    const [verdict] = readiness(all.map((i) => ({ ...i, file: 'src/boot.js' })));
    assert.equal(verdict?.ready, true);
    assert.match(verdict?.reasons[0] ?? '', /^src\/boot\.js:1 builds its settings partly where this file does not show .* user_hash\.$/);
  });

  it('a wrapper handing the signature over when it has one is one installation that sends it', () => {
    const text = 'package com.acme;\nimport im.crisp.client.Crisp;\nclass ChatBridge {\n  static void identify(String email, String signature) {\n    if (signature != null) Crisp.setUserEmail(email, signature);\n    else Crisp.setUserEmail(email);\n  }\n}';
    assert.deepEqual(onFacts('android/app/src/main/java/com/acme/ChatBridge.java', text).map((i) => [i.line, i.vendor, i.platform, i.sendsHash]), [[5, 'crisp', 'android', true]]);
  });

  it('reads calls the text scanner does not: an alias, optional chaining', () => {
    const text = "const ic = window.Intercom;\nic?.('boot', { app_id: 'x', email: user.email });";
    assert.deepEqual(onFacts('src/alias.js', text).map((i) => [i.line, i.identifiers, i.sendsHash]), [[2, ['email'], false]]);
  });
});

describe('install: schemes', () => {
  before(async function () {
    this.timeout(60_000);
    await loadAllGrammars();
  });

  /** The scheme of each call, read from text and from syntax facts: both must say the same. */
  const schemes = (path: string, text: string): string[] => {
    const fromText = findInstallations(text, path).map((i) => i.scheme);
    const fromFacts = findInstallations(text, path, undefined, { syntax }).map((i) => i.scheme);
    assert.deepEqual(fromFacts, fromText, `${path}: text and facts disagree`);
    return fromText;
  };

  it('every vendor file\'s proof names map to their scheme: the JWT field and mobile call to jwt, the hash field to hmac', () => {
    for (const { facts } of VENDOR_DEFINITIONS) {
      assert.equal(proofScheme(facts.id, facts.hashField), facts.scheme === 'jwt-only' ? 'jwt' : 'hmac', facts.id);
      if (facts.jwt) assert.equal(proofScheme(facts.id, facts.jwt.field), 'jwt', facts.id);
      if (facts.jwt?.mobile) assert.equal(proofScheme(facts.id, facts.jwt.mobile.call), 'jwt', facts.id);
    }
    assert.equal(proofScheme('intercom', 'setUserHash'), 'hmac');
    assert.equal(proofScheme('intercom', 'Intercom.client.SetUserJwt'), 'jwt');
    assert.equal(proofScheme('zendesk', undefined), 'jwt');
  });

  it('web: user_hash is hmac, intercom_user_jwt and featurebaseJwt are jwt, a call sending both counts as jwt', () => {
    assert.deepEqual(schemes('public/a.js', "window.intercomSettings = { app_id: 'x', user_id: me.id, user_hash: me.hash };"), ['hmac']);
    assert.deepEqual(schemes('public/a.js', "Intercom('boot', { app_id: 'x', user_id: me.id, intercom_user_jwt: me.jwt });"), ['jwt']);
    assert.deepEqual(schemes('public/a.js', "Intercom('boot', { app_id: 'x', user_id: me.id, user_hash: me.hash, intercom_user_jwt: me.jwt });"), ['jwt']);
    assert.deepEqual(schemes('public/a.js', "Intercom('boot', { app_id: 'x', user_id: me.id });"), ['none']);
    assert.deepEqual(schemes('src/fb.js', "Featurebase('identify', { organization: 'x', email: u.email, featurebaseJwt: me.jwt });"), ['jwt']);
    assert.deepEqual(schemes('src/fb.js', "Featurebase('identify', { organization: 'x', email: u.email, userHash: me.hash });"), ['hmac']);
    assert.deepEqual(schemes('src/crisp.js', "$crisp.push(['set', 'user:email', [me.email, me.signature]]);"), ['hmac']);
    assert.deepEqual(schemes('src/zd.js', "zE('messenger', 'loginUser', (cb) => { fetch('/api/zd').then((r) => r.text()).then((jwt) => cb(jwt)); });"), ['jwt']);
  });

  it('mobile: setUserHash is hmac, setUserJwt is jwt, on every reader', () => {
    assert.deepEqual(schemes('ios/App/L.swift', 'Intercom.setUserJwt(token)\nIntercom.loginUser(with: attributes) { _ in }'), ['jwt']);
    assert.deepEqual(schemes('ios/App/L.swift', 'Intercom.setUserHash(hash)\nIntercom.loginUser(with: attributes) { _ in }'), ['hmac']);
    const rn = "import Intercom from '@intercom/intercom-react-native';\nawait Intercom.setUserJwt(me.jwt);\nIntercom.loginUserWithUserAttributes({ userId: me.id });";
    assert.deepEqual(schemes('src/chat.ts', rn), ['jwt', 'jwt']);
    const java = 'class A { void f() { Intercom.client().setUserJwt(me.jwt);\nIntercom.client().loginIdentifiedUser(registration); } }';
    assert.deepEqual(schemes('app/src/main/java/com/x/A.java', java), ['jwt']);
  });

  it('fixture project half-way through the migration: web mixes both, iOS is HMAC with a note, Android is JWT', () => {
    const { installations, verdicts } = project('schemes/mixed');
    assert.deepEqual(installations.map((i) => [i.file, i.platform, i.scheme, i.hashSource]), [
      ['android/app/src/main/java/com/example/shop/ChatLogin.kt', 'android', 'jwt', 'server'],
      ['ios/App/ChatLogin.swift', 'ios', 'hmac', 'server'],
      ['web/src/boot.js', 'web', 'jwt', 'server'],
      ['web/src/legacy.js', 'web', 'hmac', 'server'],
    ]);
    assert.deepEqual(verdicts.map((r) => [r.platform, r.scheme, r.ready, r.notes.length]), [['web', 'mixed', false, 1], ['ios', 'hmac', true, 1], ['android', 'jwt', true, 0]]);
    assert.deepEqual(verdicts[0]?.reasons, ['Mixes HMAC (web/src/legacy.js:3) and JWT (web/src/boot.js:3): enforcing either scheme rejects the users of the other; move every installation to JWT before enforcing.']);
  });

  it('fixture project on JWT only: every platform ready, no notes', () => {
    const { installations, verdicts } = project('schemes/jwt-only');
    assert.ok(installations.length >= 4);
    assert.ok(installations.every((i) => i.scheme === 'jwt'), JSON.stringify(installations));
    assert.deepEqual(verdicts.map((r) => [r.vendor, r.platform, r.scheme, r.ready]), [
      ['intercom', 'web', 'jwt', true], ['intercom', 'ios', 'jwt', true], ['intercom', 'android', 'jwt', true], ['zendesk', 'web', 'jwt', true],
    ]);
    assert.ok(verdicts.every((r) => r.notes.length === 0 && !r.reasons.some((reason) => /Mixes/.test(reason))));
  });
});

describe('install: text', () => {
  it('a `// comment` after a setting does not hide the next key, nor end up in the hash', () => {
    const text = "<script>\nwindow.intercomSettings = {\n  app_id: 'x', // workspace\n  email: '{{ user.email }}', // the identifier\n  user_hash: '{{ user.intercom_hash }}' // computed by the view\n};\n</script>";
    assert.deepEqual(one('templates/base.html', text), { line: 2, vendor: 'intercom', platform: 'web', identifiers: ['email'], sendsHash: true, hashSource: 'server', scheme: 'hmac' });
  });
});

describe('install: cost', () => {
  it('stays linear on hostile input: unclosed settings and thousands of calls', () => {
    const hostile = [
      "window.intercomSettings = { user_id: '".repeat(20_000),
      'Intercom.setUserHash('.repeat(20_000),
      'Intercom.loginUser('.repeat(20_000),
      '$crisp.push([["set", "user:email", [['.repeat(10_000),
      "zE('messenger', 'loginUser', (".repeat(20_000),
      "'@novu/' <Inbox subscriberHash={".repeat(20_000),
      '.user_hash h = {h} (h) '.repeat(20_000),
    ].join('\n');
    // Work is counted, not timed (workMeter.ts): doubling the hostile input at most doubles it.
    const work = (text: string) => countWork(() => {
      for (const path of ['src/x.js', 'ios/x.swift', 'lib/x.dart']) assert.ok(findInstallations(text, path).length <= 2000);
    });
    const half = hostile.slice(0, hostile.length / 2);
    const ratio = work(hostile) / work(half);
    assert.ok(ratio < 2.5, `2x the input took ${ratio.toFixed(2)}x the work`);
  });
});
