/** Help Scout Beacon in secure mode: `Beacon('identify', { email, signature })`. */
import { defineVendor } from './types';

export const helpscout = defineVendor({
  facts: {
    id: 'helpscout', name: 'Help Scout Beacon', hashes: 'email', secretEncoding: 'utf8',
    hashField: 'signature', emailField: 'email',
    platforms: ['web'], envVar: 'HELPSCOUT_BEACON_SECRET', scheme: 'hmac',
  },
  label: 'Help Scout',
  idKeys: ['email'],
  proofKeys: ['signature'],
  calls: [
    {
      sdks: ['web'], example: "Beacon('identify', { email, signature })",
      shape: { kind: 'call', target: 'Beacon', leading: [['identify']], settingsArg: 1 },
      text: [{ needle: 'Beacon(', gate: 'Beacon(', then: /^\s{0,40}["']identify["']\s{0,40},\s{0,40}\{/, settings: 'object' }],
    },
  ],
  markers: ['Beacon('],
  needles: [{ needle: 'Beacon(', window: 'aco' }],
  samples: [
    { lang: 'js', code: "Beacon('identify', { name: user.name, email: user.email });", proven: false, engines: ['text', 'syntax'] },
    { lang: 'js', code: "Beacon('identify', { email: user.email, signature: beaconSignature });", proven: true, engines: ['text', 'syntax'] },
  ],
});
