/**
 * tawk.to: `Tawk_API.login({ userId, hash })` or a visitor object with `hash`. Its own docs
 * compute the hash in the browser, which is the mistake the client-side-hmac rule flags.
 */
import { defineVendor } from './types';

export const tawkto = defineVendor({
  facts: {
    id: 'tawkto', name: 'tawk.to', hashes: 'user_id_or_email', secretEncoding: 'utf8',
    hashField: 'hash', userIdField: 'userId', emailField: 'email',
    platforms: ['web'], envVar: 'TAWK_API_KEY', scheme: 'hmac',
  },
  label: 'tawk.to',
  idKeys: ['email'],
  proofKeys: ['hash'],
  calls: [
    {
      sdks: ['web'], example: 'Tawk_API.login({ userId, email, hash }, callback)', idKeys: ['userId', 'email'],
      shape: { kind: 'call', target: 'Tawk_API.login', settingsArg: 0 },
      text: [{ needle: 'Tawk_API.login(', gate: 'Tawk_API', settings: 'object' }],
    },
    {
      sdks: ['web'], example: 'Tawk_API.visitor = { name, email, hash }',
      shape: { kind: 'assignment', target: 'Tawk_API.visitor' },
      text: [{ needle: 'Tawk_API.visitor', gate: 'Tawk_API', then: /^\s{0,40}=\s{0,40}\{/, settings: 'object' }],
    },
    {
      sdks: ['web'], example: 'Tawk_API.setAttributes({ name, email, hash }, callback)',
      shape: { kind: 'call', target: 'Tawk_API.setAttributes', settingsArg: 0 },
      text: [{ needle: 'Tawk_API.setAttributes(', gate: 'Tawk_API', then: /^\s{0,40}\{/, settings: 'object' }],
    },
  ],
  packages: { npm: ['@tawk.to/tawk-messenger-react', '@tawk.to/tawk-messenger-vue'] },
  markers: ['Tawk_API'],
  // Searched together with TAWK_API_KEY in one pass for `_API` (engine/topics.ts).
  needles: [{ needle: 'Tawk_API', window: 'Taw' }],
  samples: [
    { lang: 'js', code: 'Tawk_API.login({ userId: user.id, email: user.email }, () => {});', proven: false, engines: ['text', 'syntax'] },
    { lang: 'js', code: 'Tawk_API.login({ userId: user.id, hash: window.TAWK_HASH }, () => {});', proven: true, engines: ['text', 'syntax'] },
    { lang: 'js', code: 'Tawk_API.visitor = { name: user.name, email: user.email };', proven: false, engines: ['text', 'syntax'] },
  ],
});
