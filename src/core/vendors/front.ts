/** Front Chat: `FrontChat('init', { email, userHash })`, an HMAC of the email. */
import { defineVendor } from './types';

export const front = defineVendor({
  facts: {
    id: 'front', name: 'Front Chat', hashes: 'email', secretEncoding: 'utf8',
    hashField: 'userHash', emailField: 'email',
    platforms: ['web'], envVar: 'FRONT_CHAT_VERIFICATION_SECRET', scheme: 'hmac',
  },
  label: 'Front Chat',
  idKeys: ['email', 'userId'],
  proofKeys: ['userHash'],
  calls: [
    {
      sdks: ['web'], example: "FrontChat('init', { chatId, useDefaultLauncher, email, userHash })",
      shape: { kind: 'call', target: 'FrontChat', leading: [['init']], settingsArg: 1 },
      text: [{ needle: 'FrontChat(', gate: 'FrontChat(', then: /^\s{0,40}["']init["']\s{0,40},\s{0,40}\{/, settings: 'object' }],
    },
  ],
  markers: ['FrontChat('],
  needles: [{ needle: 'FrontChat(', window: 'tCh' }],
  samples: [
    { lang: 'js', code: "FrontChat('init', { chatId: 'c1', email: user.email });", proven: false, engines: ['text', 'syntax'] },
    { lang: 'js', code: "FrontChat('init', { chatId: 'c1', email: user.email, userHash: frontHash });", proven: true, engines: ['text', 'syntax'] },
  ],
});
