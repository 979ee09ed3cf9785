/**
 * Intercom, the reference case: web settings and boot calls carry `user_hash` (or the newer
 * `intercom_user_jwt`); the mobile SDKs log the user in with one call and take the hash in
 * another (`setUserHash` / `setUserJwt`), which must come first.
 */
import { defineVendor, type ClientCall } from './types';

/** Mobile logins: the proof is a setter call of its own somewhere in the file. */
const SEPARATE = { in: 'separate' } as const;
/** Names whose presence in a mobile file means the hash or JWT is handed over. */
const MOBILE_PROOF = ['setUserHash', 'setUserJwt', 'SetUserHash', 'SetUserJwt', 'userHash', 'user_hash', 'UserJwt', 'userJwt'];

/** A mobile login the text engine finds by name, called on Intercom. */
function login(sdks: ClientCall['sdks'], example: string, needles: readonly string[], shape?: ClientCall['shape']): ClientCall {
  return {
    sdks, example, proof: SEPARATE, proofKeys: MOBILE_PROOF,
    text: needles.map((needle) => ({ needle, gate: 'Intercom', settings: 'file' as const })),
    ...(shape ? { shape } : {}),
  };
}

export const intercom = defineVendor({
  facts: {
    id: 'intercom', name: 'Intercom', hashes: 'user_id_or_email', secretEncoding: 'utf8',
    hashField: 'user_hash', userIdField: 'user_id', emailField: 'email',
    platforms: ['web', 'ios', 'android'], envVar: 'INTERCOM_IDENTITY_VERIFICATION_SECRET',
    jwt: {
      field: 'intercom_user_jwt', identifierClaim: 'user_id', requiredClaims: ['user_id'],
      // intercom-react-native README: "This should be called before any user login takes place."
      mobile: {
        call: 'setUserJwt',
        sdks: ['ios-swift', 'ios-objc', 'android-kotlin', 'android-java', 'react-native', 'flutter'],
        since: {
          'ios-swift': 'Intercom iOS SDK 18.2', 'ios-objc': 'Intercom iOS SDK 18.2',
          'android-kotlin': 'Intercom Android SDK 15.16', 'android-java': 'Intercom Android SDK 15.16', flutter: 'intercom_flutter 9.3.1',
        },
      },
    },
    scheme: 'hmac+jwt',
    // "Messenger Security": the HMAC user_hash "will continue to work, but is considered deprecated".
    recommends: { scheme: 'jwt', why: 'Intercom calls user_hash deprecated and recommends Messenger Security (JWT)' },
  },
  label: 'Intercom',
  idKeys: ['user_id', 'email', 'userId'],
  proofKeys: ['user_hash', 'intercom_user_jwt', 'userHash', 'userJwt', 'intercomUserJwt'],
  calls: [
    {
      sdks: ['web'], example: 'window.intercomSettings = { app_id, user_id, user_hash }',
      shape: { kind: 'assignment', target: 'intercomSettings' },
      text: [{ needle: 'intercomSettings', gate: 'Settings', then: /^\s{0,40}=\s{0,40}\{/, settings: 'object' }],
    },
    {
      sdks: ['web'], example: "Intercom('boot', { app_id, user_id, user_hash })",
      shape: { kind: 'call', target: 'Intercom', leading: [['boot', 'update']], settingsArg: 1 },
      text: [{ needle: 'Intercom(', gate: 'Intercom', then: /^\s{0,40}["'](?:boot|update)["']\s{0,40},\s{0,40}\{/, settings: 'object' }],
    },
    {
      // @intercom/messenger-js-sdk and older wrappers take the settings as the only argument.
      sdks: ['web'], example: 'Intercom({ app_id, user_id, user_hash })',
      shape: { kind: 'call', target: 'Intercom', settingsArg: 0 },
      text: [{ needle: 'Intercom(', gate: 'Intercom', then: /^\s{0,40}\{/, settings: 'object' }],
    },
    {
      // react-use-intercom (`const { boot } = useIntercom()`); the text engine's `boot(` also
      // covers vue-intercom's `this.$intercom.boot`.
      sdks: ['web'], example: 'const { boot } = useIntercom(); boot({ userId, userHash })',
      shape: { kind: 'call', target: 'useIntercom().boot', settingsArg: 0 },
      text: [{ needle: 'boot(', gate: 'boot(', then: /^\s{0,40}\{/, settings: 'object' }],
    },
    { sdks: ['web'], example: 'useIntercom().update({ … })', shape: { kind: 'call', target: 'useIntercom().update', settingsArg: 0 } },
    { sdks: ['web'], example: 'this.$intercom.boot({ … })', shape: { kind: 'call', target: '$intercom.boot', settingsArg: 0 } },
    { sdks: ['web'], example: 'this.$intercom.update({ … })', shape: { kind: 'call', target: '$intercom.update', settingsArg: 0 } },
    // React Native, Capacitor and Cordova: the login carries the identity, the proof comes in
    // a call of its own. The text engine finds the same names in every mobile language.
    login(['react-native', 'capacitor', 'ios-objc'], 'Intercom.loginUserWithUserAttributes({ userId })', ['loginUserWithUserAttributes(', 'loginUserWithUserAttributes:'],
      { kind: 'call', target: 'Intercom.loginUserWithUserAttributes', settingsArg: 0 }),
    { sdks: ['cordova'], example: 'intercom.loginUserWithUserAttributes({ userId })', proof: SEPARATE, proofKeys: MOBILE_PROOF,
      shape: { kind: 'call', target: 'intercom.loginUserWithUserAttributes', settingsArg: 0 } },
    login(['react-native', 'cordova', 'flutter', 'android-kotlin', 'android-java'], 'Intercom.client().registerIdentifiedUser(registration) (legacy)', ['registerIdentifiedUser('],
      { kind: 'call', target: 'Intercom.registerIdentifiedUser', settingsArg: 0 }),
    { sdks: ['cordova'], example: 'intercom.registerIdentifiedUser({ userId })', proof: SEPARATE, proofKeys: MOBILE_PROOF,
      shape: { kind: 'call', target: 'intercom.registerIdentifiedUser', settingsArg: 0 } },
    login(['ios-swift', 'react-native'], 'Intercom.loginUser(with: attributes)', ['loginUser('],
      { kind: 'call', target: 'Intercom.loginUser', settingsArg: 0 }),
    // Android (Java as parsed: `Intercom.client().x()` is the path Intercom.client.x), Flutter, Kotlin.
    login(['android-kotlin', 'android-java', 'flutter'], 'Intercom.client().loginIdentifiedUser(Registration.create().withUserId(id))', ['loginIdentifiedUser('],
      { kind: 'call', target: 'Intercom.client.loginIdentifiedUser' }),
    { sdks: ['android-java'], example: 'Intercom.client().registerIdentifiedUser(registration)', proof: SEPARATE, proofKeys: MOBILE_PROOF,
      shape: { kind: 'call', target: 'Intercom.client.registerIdentifiedUser' } },
    // Legacy iOS: Swift `registerUser(withUserId:)` / `registerUser(withEmail:)`, Objective-C
    // `[Intercom registerUserWithUserId:]` / `[Intercom registerUserWithEmail:]`.
    login(['ios-swift', 'ios-objc'], '[Intercom registerUserWithUserId:userId]', ['registerUserWithUserId', 'registerUserWithEmail', 'registerUser(']),
    // Xamarin / .NET MAUI bindings capitalise the Android names.
    login(['xamarin'], 'Intercom.Client().RegisterIdentifiedUser(Registration.Create().WithUserId(id))', ['RegisterIdentifiedUser(', 'LoginIdentifiedUser(']),
    { sdks: ['react-native', 'capacitor', 'ios-swift'], example: 'Intercom.setUserHash(hash)', role: 'proof', shape: { kind: 'call', target: 'Intercom.setUserHash' } },
    { sdks: ['react-native', 'ios-swift'], example: 'Intercom.setUserJwt(jwt)', role: 'proof', shape: { kind: 'call', target: 'Intercom.setUserJwt' } },
    { sdks: ['cordova'], example: 'intercom.setUserHash(hash)', role: 'proof', shape: { kind: 'call', target: 'intercom.setUserHash' } },
    { sdks: ['android-java'], example: 'Intercom.client().setUserHash(hash)', role: 'proof', shape: { kind: 'call', target: 'Intercom.client.setUserHash' } },
    { sdks: ['android-java'], example: 'Intercom.client().setUserJwt(jwt)', role: 'proof', shape: { kind: 'call', target: 'Intercom.client.setUserJwt' } },
    { sdks: ['ios-swift', 'android-kotlin', 'flutter', 'react-native'], example: 'Intercom.loginUnidentifiedUser()', role: 'anonymous' },
  ],
  packages: {
    npm: ['@intercom/messenger-js-sdk', 'react-use-intercom', '@intercom/intercom-react-native', '@capacitor-community/intercom', 'cordova-plugin-intercom'],
    cocoapods: ['Intercom'], pub: ['intercom_flutter'], gradle: ['io.intercom.android:intercom-sdk'],
  },
  markers: ['intercomSettings', 'Intercom(', 'Intercom.', 'intercom_user_jwt', 'user_hash', '@intercom/', 'react-use-intercom'],
  // `Intercom` through `rco` (80 hits in 14 MB of node_modules; its `Int` would stop at every Int32Array).
  needles: [{ needle: 'Intercom', window: 'rco' }, { needle: 'intercomSettings', window: 'rco' }, { needle: '$intercom', window: '$in' }],
  samples: [
    { lang: 'js', code: "window.intercomSettings = { app_id: 'a1', user_id: user.id };", proven: false, engines: ['text', 'syntax'] },
    { lang: 'js', code: "window.intercomSettings = { app_id: 'a1', user_id: user.id, user_hash: props.userHash };", proven: true, engines: ['text', 'syntax'] },
    { lang: 'js', code: "Intercom('boot', { app_id: 'a1', email: user.email });", proven: false, engines: ['text', 'syntax'] },
    { lang: 'ts', code: "Intercom('boot', { app_id: 'a1', user_id: id, intercom_user_jwt: token });", proven: true, engines: ['text', 'syntax'] },
    { lang: 'tsx', code: 'const { boot } = useIntercom();\nboot({ userId: user.id });', proven: false, engines: ['text', 'syntax'] },
    { lang: 'ts', code: "import Intercom from '@intercom/intercom-react-native';\nIntercom.loginUserWithUserAttributes({ userId: user.id });", proven: false, engines: ['text', 'syntax'] },
    { lang: 'ts', code: "import Intercom from '@intercom/intercom-react-native';\nawait Intercom.setUserHash(hash);\nIntercom.loginUserWithUserAttributes({ userId: user.id });", proven: true, engines: ['text', 'syntax'] },
    { lang: 'swift', code: 'Intercom.loginUser(with: attributes) { _ in }', proven: false, engines: ['text'] },
    { lang: 'swift', code: 'Intercom.setUserHash(hash)\nIntercom.loginUser(with: attributes) { _ in }', proven: true, engines: ['text'] },
    { lang: 'swift', code: 'Intercom.registerUser(withEmail: session.email)', proven: false, engines: ['text'] },
    { lang: 'm', code: '[Intercom registerUserWithUserId: userId];', proven: false, engines: ['text'] },
    { lang: 'm', code: '[Intercom setUserHash:hash];\n[Intercom registerUserWithUserId:userId];', proven: true, engines: ['text'] },
    { lang: 'kt', code: 'Intercom.client().loginIdentifiedUser(Registration.create().withUserId(id))', proven: false, engines: ['text'] },
    { lang: 'java', code: 'class A { void f() { Intercom.client().loginIdentifiedUser(Registration.create().withUserId(id)); } }', proven: false, engines: ['text', 'syntax'] },
    { lang: 'java', code: 'class A { void f() { Intercom.client().setUserHash(hash);\nIntercom.client().loginIdentifiedUser(registration); } }', proven: true, engines: ['text', 'syntax'] },
    { lang: 'dart', code: 'await Intercom.instance.loginIdentifiedUser(userId: user.id);', proven: false, engines: ['text'] },
    { lang: 'dart', code: 'await Intercom.instance.setUserHash(hash);\nawait Intercom.instance.loginIdentifiedUser(userId: user.id);', proven: true, engines: ['text'] },
    { lang: 'cs', code: 'Intercom.Client().RegisterIdentifiedUser(Registration.Create().WithUserId(userId));', proven: false, engines: ['text'] },
    { lang: 'cs', code: 'Intercom.Client().SetUserHash(hash);\nIntercom.Client().RegisterIdentifiedUser(Registration.Create().WithUserId(userId));', proven: true, engines: ['text'] },
  ],
});
