/** Featurebase: `Featurebase('identify', { …, userHash })`, or a JWT in secure installations. */
import { defineVendor } from './types';

export const featurebase = defineVendor({
  facts: {
    id: 'featurebase', name: 'Featurebase', hashes: 'user_id_or_email', secretEncoding: 'utf8',
    hashField: 'userHash', userIdField: 'userId', emailField: 'email',
    platforms: ['web'], envVar: 'FEATUREBASE_SECRET',
    jwt: { field: 'featurebaseJwt', identifierClaim: 'userId', requiredClaims: ['email'] },
    scheme: 'hmac+jwt',
    // help.featurebase.app "Secure your installation (required by default)": browser-sent ids are rejected.
    recommends: { scheme: 'jwt', why: 'Featurebase requires a JWT by default (secure installation); userHash is deprecated' },
  },
  label: 'Featurebase',
  idKeys: ['email', 'userId'],
  proofKeys: ['userHash', 'featurebaseJwt', 'jwtToken'],
  calls: [
    {
      sdks: ['web'], example: "Featurebase('identify', { organization, email, userId, userHash })",
      shape: { kind: 'call', target: 'Featurebase', leading: [['identify']], settingsArg: 1 },
      text: [{ needle: 'Featurebase(', gate: 'Featurebase(', then: /^\s{0,40}["']identify["']\s{0,40},\s{0,40}\{/, settings: 'object' }],
    },
  ],
  markers: ['Featurebase(', 'featurebaseJwt'],
  needles: [{ needle: 'Featurebase(', window: 'reb' }],
  samples: [
    { lang: 'js', code: "Featurebase('identify', { organization: 'acme', email: user.email, userId: user.id });", proven: false, engines: ['text', 'syntax'] },
    { lang: 'js', code: "Featurebase('identify', { organization: 'acme', email: user.email, featurebaseJwt: token });", proven: true, engines: ['text', 'syntax'] },
  ],
});
