/** Plain: `Plain.init({ customerDetails: { email, emailHash } })`, an HMAC of the email. */
import { defineVendor } from './types';

export const plain = defineVendor({
  facts: {
    id: 'plain', name: 'Plain', hashes: 'email', secretEncoding: 'utf8',
    hashField: 'emailHash', emailField: 'email',
    platforms: ['web'], envVar: 'PLAIN_CHAT_SECRET', scheme: 'hmac',
  },
  label: 'Plain',
  idKeys: ['email'],
  proofKeys: ['emailHash', 'jwt'],
  calls: [
    {
      sdks: ['web'], example: 'Plain.init({ appId, customerDetails: { email, emailHash } })',
      shape: { kind: 'property', target: 'customerDetails' },
      text: [{ needle: 'customerDetails', gate: 'Details', then: /^\s{0,40}:\s{0,40}\{/, settings: 'object' }],
    },
    { sdks: ['web'], example: 'options.customerDetails = { email, emailHash }', shape: { kind: 'assignment', target: 'customerDetails' } },
  ],
  markers: ['Plain.init', 'customerDetails'],
  needles: [{ needle: 'customerDetails', window: 'rDe' }],
  samples: [
    { lang: 'js', code: "Plain.init({ appId: 'x', customerDetails: { email: user.email, fullName: user.name } });", proven: false, engines: ['text', 'syntax'] },
    { lang: 'js', code: "Plain.init({ appId: 'x', customerDetails: { email: user.email, emailHash: plainHash } });", proven: true, engines: ['text', 'syntax'] },
  ],
});
