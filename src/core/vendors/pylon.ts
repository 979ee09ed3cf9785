/** Pylon: `window.pylon.chat_settings.email_hash`; the secret is hex and is decoded to bytes first. */
import { defineVendor } from './types';

export const pylon = defineVendor({
  facts: {
    id: 'pylon', name: 'Pylon', hashes: 'email', secretEncoding: 'hex',
    hashField: 'email_hash', emailField: 'email',
    platforms: ['web'], envVar: 'PYLON_IDENTITY_SECRET', scheme: 'hmac',
  },
  label: 'Pylon',
  idKeys: ['email'],
  proofKeys: ['email_hash'],
  calls: [
    {
      sdks: ['web'], example: 'window.pylon = { chat_settings: { app_id, email, name, email_hash } }',
      shape: { kind: 'property', target: 'chat_settings' },
      text: [{ needle: 'chat_settings', gate: '_settings', then: /^\s{0,40}[=:]\s{0,40}\{/, settings: 'object' }],
    },
    { sdks: ['web'], example: 'window.pylon.chat_settings = { … }', shape: { kind: 'assignment', target: 'chat_settings' } },
  ],
  markers: ['chat_settings', 'email_hash'],
  needles: [{ needle: 'chat_settings', window: 'at_' }],
  samples: [
    { lang: 'js', code: "window.pylon = { chat_settings: { app_id: 'p1', email: user.email, name: user.name } };", proven: false, engines: ['text', 'syntax'] },
    { lang: 'js', code: "window.pylon = { chat_settings: { app_id: 'p1', email: user.email, email_hash: pylonHash } };", proven: true, engines: ['text', 'syntax'] },
  ],
});
