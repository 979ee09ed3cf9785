/**
 * Zendesk messaging: no plain hash; a JWT (`external_id`, `scope: "user"`, header `kid`)
 * handed to the callback of `zE('messenger', 'loginUser', …)`.
 */
import { defineVendor } from './types';

export const zendesk = defineVendor({
  facts: {
    id: 'zendesk', name: 'Zendesk messaging', hashes: 'user_id', secretEncoding: 'utf8',
    hashField: 'jwt', userIdField: 'external_id', emailField: 'email',
    platforms: ['web', 'ios', 'android'], envVar: 'ZENDESK_MESSAGING_JWT_SECRET',
    jwt: { field: 'jwt', identifierClaim: 'external_id', requiredClaims: ['external_id', 'scope'], needsKid: true,
      fixedClaims: { scope: 'user' }, kidEnvVar: 'ZENDESK_MESSAGING_KEY_ID',
      // developer.zendesk.com, SDK authentication (iOS, Android): loginUser with the backend's JWT.
      // No React Native or Flutter SDK of Zendesk's own; community wrappers are left out.
      mobile: { call: 'loginUser', sdks: ['ios-swift', 'ios-objc', 'android-kotlin', 'android-java'] } },
    scheme: 'jwt-only',
    recommends: { scheme: 'jwt', why: 'Zendesk messaging authenticates users with a JWT only' },
  },
  label: 'Zendesk messaging',
  idKeys: [],
  proofKeys: ['jwt'],
  calls: [
    {
      sdks: ['web'], example: "zE('messenger', 'loginUser', (callback) => callback(jwt))", proof: { in: 'callback' },
      shape: { kind: 'call', target: 'zE', leading: [['messenger'], ['loginUser']] },
    },
    { sdks: ['ios-swift'], example: 'Zendesk.instance?.loginUser(with: jwt)', proof: { in: 'callback' } },
    { sdks: ['android-kotlin', 'android-java'], example: 'Zendesk.instance.loginUser(jwt, success, failure)', proof: { in: 'callback' } },
  ],
  packages: { cocoapods: ['ZendeskSDKMessaging'], gradle: ['zendesk.messaging:messaging-android'] },
  markers: ['zE(', 'zESettings'],
  needles: [],
  samples: [
    { lang: 'js', code: "zE('messenger', 'loginUser', (callback) => { callback(session.zendeskJwt); });", proven: true, engines: ['syntax'] },
  ],
});
