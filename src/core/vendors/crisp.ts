/** Crisp: the email is identified together with its signature, an HMAC of the email. */
import { defineVendor } from './types';

/** `["set", "user:email", …]`: Crisp's identify command. */
const SET_EMAIL = /^\s{0,40}\[\s{0,40}["']set["']\s{0,40},\s{0,40}["']user:email["']/;
/** The signature is the second argument: `setEmail(email, signature)`. */
const SECOND_ARG = { in: 'arg', index: 1 } as const;

export const crisp = defineVendor({
  facts: {
    id: 'crisp', name: 'Crisp', hashes: 'email', secretEncoding: 'utf8',
    hashField: 'signature', emailField: 'user:email',
    platforms: ['web'], envVar: 'CRISP_VERIFY_SECRET', scheme: 'hmac',
  },
  label: 'Crisp',
  idKeys: [],
  proofKeys: [],
  calls: [
    {
      sdks: ['web'], example: '$crisp.push(["set", "user:email", [email, signature]])', proof: { in: 'pair', index: 1 },
      shape: { kind: 'call', target: '$crisp.push', arrayPrefix: ['set', 'user:email'] },
      text: [
        { needle: '$crisp.push(', gate: '$crisp', then: SET_EMAIL, settings: 'args' },
        { needle: '$crisp?.push(', gate: '$crisp', then: SET_EMAIL, settings: 'args' },
      ],
    },
    {
      sdks: ['web'], example: 'Crisp.user.setEmail(email, signature) (crisp-sdk-web)', proof: SECOND_ARG,
      shape: { kind: 'call', target: 'Crisp.user.setEmail' },
      text: [{ needle: 'Crisp.user.setEmail(', gate: 'Crisp.user', settings: 'args' }],
    },
    {
      sdks: ['react-native'], example: "setUserEmail(email, signature) from 'react-native-crisp-chat-sdk'", proof: SECOND_ARG,
      shape: { kind: 'call', target: 'setUserEmail', module: 'react-native-crisp-chat-sdk' },
      text: [{ needle: 'setUserEmail(', gate: 'crisp-chat-sdk', settings: 'args' }],
    },
    {
      // Crisp's own React Native / Expo SDK (crisp-sdk-react-native, also published as
      // expo-crisp-sdk): `setUserEmail(email, signature?)`, the signature optional.
      sdks: ['react-native'], example: "setUserEmail(email, signature) from 'crisp-sdk-react-native'", proof: SECOND_ARG,
      shape: { kind: 'call', target: 'setUserEmail', module: 'crisp-sdk-react-native' },
      text: [{ needle: 'setUserEmail(', gate: 'crisp-sdk-react-native', settings: 'args' }],
    },
    {
      sdks: ['react-native'], example: "setUserEmail(email, signature) from 'expo-crisp-sdk'", proof: SECOND_ARG,
      shape: { kind: 'call', target: 'setUserEmail', module: 'expo-crisp-sdk' },
      text: [{ needle: 'setUserEmail(', gate: 'expo-crisp-sdk', settings: 'args' }],
    },
    {
      // The Android SDK (im.crisp.client): `Crisp.setUserEmail(email, signature)`.
      sdks: ['android-kotlin', 'android-java'], example: 'Crisp.setUserEmail(email, signature)', proof: SECOND_ARG,
      shape: { kind: 'call', target: 'Crisp.setUserEmail' },
      text: [{ needle: 'Crisp.setUserEmail(', gate: 'Crisp.set', settings: 'args' }],
    },
  ],
  packages: { npm: ['crisp-sdk-web', 'react-native-crisp-chat-sdk'], cocoapods: ['Crisp'], pub: ['crisp_chat'], gradle: ['im.crisp:crisp-sdk'] },
  markers: ['$crisp', 'CRISP_WEBSITE_ID'],
  needles: [
    { needle: 'Crisp.user', window: 'p.u' }, { needle: 'crisp-chat-sdk', window: 't-s' }, { needle: '$crisp', window: '$cr' },
    { needle: 'Crisp.set', window: 'p.s' }, { needle: 'crisp-sdk', window: 'p-s' },
  ],
  samples: [
    { lang: 'js', code: '$crisp.push(["set", "user:email", [user.email]]);', proven: false, engines: ['text', 'syntax'] },
    { lang: 'js', code: '$crisp.push(["set", "user:email", [user.email, signature]]);', proven: true, engines: ['text', 'syntax'] },
    { lang: 'ts', code: 'Crisp.user.setEmail(user.email);', proven: false, engines: ['text', 'syntax'] },
    { lang: 'ts', code: 'Crisp.user.setEmail(user.email, props.signature);', proven: true, engines: ['text', 'syntax'] },
    { lang: 'ts', code: "import { setUserEmail } from 'react-native-crisp-chat-sdk';\nsetUserEmail(user.email);", proven: false, engines: ['text', 'syntax'] },
    { lang: 'ts', code: "import { setUserEmail } from 'crisp-sdk-react-native';\nsetUserEmail(account.email);", proven: false, engines: ['text', 'syntax'] },
    { lang: 'ts', code: "import { setUserEmail } from 'expo-crisp-sdk';\nsetUserEmail(account.email, account.crispSignature);", proven: true, engines: ['text', 'syntax'] },
    { lang: 'kt', code: 'Crisp.setUserEmail(user.email)', proven: false, engines: ['text'] },
    { lang: 'kt', code: 'Crisp.setUserEmail(user.email, signature)', proven: true, engines: ['text'] },
    { lang: 'java', code: 'class A { void f() { Crisp.setUserEmail(user.getEmail()); } }', proven: false, engines: ['text', 'syntax'] },
  ],
});
