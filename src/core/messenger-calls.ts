/**
 * The shapes of the web and JavaScript SDK calls that hand a messenger its settings or tell it
 * who the user is, as structured data for the syntax layer (src/core/syntax) to match against
 * trees. The text engine's identify-call table (engine/identify-calls.ts) spells the same calls
 * as needles; a unit test fails when a call there has no shape here, until the engine moves
 * onto syntax facts and both are derived from one table per vendor.
 */
import type { VendorId } from './vendors';

/** One way of writing a messenger call. */
export interface MessengerShape {
  readonly vendor: VendorId;
  /**
   * `call`: `target(...)`; `assignment`: `target = value`; `property`: `target: value` inside
   * an object literal.
   */
  readonly kind: 'call' | 'assignment' | 'property';
  /**
   * The callee or assigned name as a dotted path, compared with the last segments of the
   * written one after `window.`/`this.`, optional chaining and aliases are resolved
   * (`Intercom`, `$crisp.push`, `useIntercom().boot` for `const { boot } = useIntercom()`).
   */
  readonly target: string;
  /** Allowed values of the leading string arguments, position by position (`[['boot', 'update']]`). */
  readonly leading?: readonly (readonly string[])[];
  /**
   * For `$crisp.push`: the call counts when one argument is an array that starts with these
   * strings (several commands may be pushed in one call).
   */
  readonly arrayPrefix?: readonly string[];
  /** The argument that holds the settings object; assignments and properties use their value. */
  readonly settingsArg?: number;
  /** `identify` (the default): carries who the user is; `proof`: hands over the hash or JWT alone. */
  readonly role?: 'identify' | 'proof';
  /**
   * The call's first name must be imported (ES import or require) from this module: a bare
   * `setUserEmail(…)` is Crisp's only when it comes from Crisp's SDK.
   */
  readonly module?: string;
}

/** Every shape, in the order matching tries them. */
export const MESSENGER_SHAPES: readonly MessengerShape[] = [
  { vendor: 'intercom', kind: 'assignment', target: 'intercomSettings' },
  { vendor: 'intercom', kind: 'call', target: 'Intercom', leading: [['boot', 'update']], settingsArg: 1 },
  // @intercom/messenger-js-sdk and older wrappers take the settings as the only argument.
  { vendor: 'intercom', kind: 'call', target: 'Intercom', settingsArg: 0 },
  // react-use-intercom (`const { boot } = useIntercom()`) and vue-intercom (`this.$intercom.boot`).
  { vendor: 'intercom', kind: 'call', target: 'useIntercom().boot', settingsArg: 0 },
  { vendor: 'intercom', kind: 'call', target: 'useIntercom().update', settingsArg: 0 },
  { vendor: 'intercom', kind: 'call', target: '$intercom.boot', settingsArg: 0 },
  { vendor: 'intercom', kind: 'call', target: '$intercom.update', settingsArg: 0 },
  // React Native, Capacitor and Cordova SDKs: the login carries the identity, the hash or JWT
  // comes in a call of its own.
  { vendor: 'intercom', kind: 'call', target: 'Intercom.loginUserWithUserAttributes', settingsArg: 0 },
  { vendor: 'intercom', kind: 'call', target: 'Intercom.registerIdentifiedUser', settingsArg: 0 },
  { vendor: 'intercom', kind: 'call', target: 'Intercom.loginUser', settingsArg: 0 },
  { vendor: 'intercom', kind: 'call', target: 'intercom.loginUserWithUserAttributes', settingsArg: 0 },
  { vendor: 'intercom', kind: 'call', target: 'intercom.registerIdentifiedUser', settingsArg: 0 },
  { vendor: 'intercom', kind: 'call', target: 'Intercom.setUserHash', role: 'proof' },
  { vendor: 'intercom', kind: 'call', target: 'Intercom.setUserJwt', role: 'proof' },
  { vendor: 'intercom', kind: 'call', target: 'intercom.setUserHash', role: 'proof' },
  { vendor: 'crisp', kind: 'call', target: '$crisp.push', arrayPrefix: ['set', 'user:email'] },
  // crisp-sdk-web: `Crisp.user.setEmail(email, signature)`; the React Native SDK's bare import.
  { vendor: 'crisp', kind: 'call', target: 'Crisp.user.setEmail' },
  { vendor: 'crisp', kind: 'call', target: 'setUserEmail', module: 'react-native-crisp-chat-sdk' },
  { vendor: 'chatwoot', kind: 'call', target: '$chatwoot.setUser', settingsArg: 1 },
  { vendor: 'helpscout', kind: 'call', target: 'Beacon', leading: [['identify']], settingsArg: 1 },
  { vendor: 'tawkto', kind: 'call', target: 'Tawk_API.login', settingsArg: 0 },
  { vendor: 'tawkto', kind: 'call', target: 'Tawk_API.setAttributes', settingsArg: 0 },
  { vendor: 'tawkto', kind: 'assignment', target: 'Tawk_API.visitor' },
  { vendor: 'front', kind: 'call', target: 'FrontChat', leading: [['init']], settingsArg: 1 },
  { vendor: 'pylon', kind: 'assignment', target: 'chat_settings' },
  { vendor: 'pylon', kind: 'property', target: 'chat_settings' },
  { vendor: 'plain', kind: 'property', target: 'customerDetails' },
  { vendor: 'plain', kind: 'assignment', target: 'customerDetails' },
  { vendor: 'gleap', kind: 'call', target: 'Gleap.identify', settingsArg: 1 },
  { vendor: 'featurebase', kind: 'call', target: 'Featurebase', leading: [['identify']], settingsArg: 1 },
  { vendor: 'zendesk', kind: 'call', target: 'zE', leading: [['messenger'], ['loginUser']] },
];
