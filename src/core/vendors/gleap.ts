/**
 * Gleap: the user hash (an HMAC of the user id as a string) is the third argument of the web
 * and React Native `identify` and of the iOS and Flutter `identifyContact`.
 */
import { defineVendor } from './types';

const THIRD_ARG = { in: 'arg', index: 2 } as const;

export const gleap = defineVendor({
  facts: {
    id: 'gleap', name: 'Gleap', hashes: 'user_id', secretEncoding: 'utf8',
    hashField: 'userHash', userIdField: 'userId', emailField: 'email',
    platforms: ['web', 'ios', 'android'], envVar: 'GLEAP_IDENTITY_SECRET', scheme: 'hmac',
  },
  label: 'Gleap',
  idKeys: [],
  proofKeys: [],
  calls: [
    {
      sdks: ['web', 'react-native'], example: 'Gleap.identify(userId, { name, email }, userHash)', proof: THIRD_ARG,
      shape: { kind: 'call', target: 'Gleap.identify', settingsArg: 1 },
      text: [{ needle: 'Gleap.identify(', gate: 'Gleap.', settings: 'args' }],
    },
    {
      // Swift `Gleap.identifyContact("id", andData: props, andUserHash: hash)`; Flutter
      // `Gleap.identifyContact(userId: id, userProperties: props, userHash: hash)`.
      sdks: ['ios-swift', 'flutter'], example: 'Gleap.identifyContact(userId, andData: props, andUserHash: hash)', proof: THIRD_ARG,
      text: [{ needle: 'Gleap.identifyContact(', gate: 'Gleap.', settings: 'args' }],
    },
    {
      // Android takes the hash inside the properties (`props.setHash(hash)`), which neither
      // engine follows yet: known here, detected nowhere.
      sdks: ['android-java', 'android-kotlin'], example: 'Gleap.getInstance().identifyContact(userId, props) with props.setHash(hash)', proof: { in: 'separate' },
    },
  ],
  packages: { npm: ['gleap', 'react-native-gleapsdk'], cocoapods: ['Gleap'], pub: ['gleap_sdk'] },
  markers: ['Gleap.'],
  needles: [{ needle: 'Gleap.', window: 'Gle' }],
  samples: [
    { lang: 'js', code: 'Gleap.identify(String(user.id), { name: user.name, email: user.email });', proven: false, engines: ['text', 'syntax'] },
    { lang: 'js', code: 'Gleap.identify(String(user.id), { email: user.email }, gleapHash);', proven: true, engines: ['text', 'syntax'] },
    { lang: 'swift', code: 'Gleap.identifyContact(user.id, andData: props)', proven: false, engines: ['text'] },
    { lang: 'swift', code: 'Gleap.identifyContact(user.id, andData: props, andUserHash: hash)', proven: true, engines: ['text'] },
    { lang: 'dart', code: 'await Gleap.identifyContact(userId: uid, userProperties: GleapUserProperty(email: email));', proven: false, engines: ['text'] },
    { lang: 'dart', code: 'await Gleap.identifyContact(userId: uid, userProperties: props, userHash: hash);', proven: true, engines: ['text'] },
    { lang: 'java', code: 'class A { void f() { Gleap.getInstance().identifyContact(userId, props); } }', proven: false, engines: [] },
  ],
});
