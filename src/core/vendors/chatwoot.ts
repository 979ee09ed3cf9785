/** Chatwoot: `setUser(identifier, { …, identifier_hash })`, an HMAC of the identifier per inbox. */
import { defineVendor } from './types';

export const chatwoot = defineVendor({
  facts: {
    id: 'chatwoot', name: 'Chatwoot', hashes: 'user_id', secretEncoding: 'utf8',
    hashField: 'identifier_hash', userIdField: 'identifier', emailField: 'email',
    platforms: ['web'], envVar: 'CHATWOOT_HMAC_TOKEN', scheme: 'hmac',
  },
  label: 'Chatwoot',
  idKeys: ['email', 'name', 'identifier'],
  proofKeys: ['identifier_hash'],
  calls: [
    {
      sdks: ['web'], example: 'window.$chatwoot.setUser(identifier, { email, name, identifier_hash })',
      shape: { kind: 'call', target: '$chatwoot.setUser', settingsArg: 1 },
      text: [{ needle: '$chatwoot.setUser(', gate: '$chatwoot', settings: 'object' }],
    },
  ],
  packages: { npm: ['@chatwoot/react-native-widget'], pub: ['chatwoot_sdk'] },
  markers: ['$chatwoot', 'chatwootSDK', 'identifier_hash'],
  needles: [{ needle: '$chatwoot', window: 'woo' }],
  samples: [
    { lang: 'js', code: 'window.$chatwoot.setUser(user.id, { email: user.email, name: user.name });', proven: false, engines: ['text', 'syntax'] },
    { lang: 'js', code: 'window.$chatwoot.setUser(user.id, { email: user.email, identifier_hash: user.chatwootHash });', proven: true, engines: ['text', 'syntax'] },
  ],
});
