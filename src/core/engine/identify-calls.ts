/**
 * The messenger calls that tell a vendor who the user is, as one table read by the
 * missing-user-hash rule and by the installation check (src/core/install), so that a new
 * spelling is taught to both at once. Each entry says where the call's settings are and which
 * keys carry identifiers and the hash; `readCall` locates the settings of one hit.
 */
import type { VendorId } from '../vendors';
import { callArguments, matchBracket } from './calls';

/** A call that identifies a user, how to find its settings, and the keys that prove identity. */
export interface IdentifyCall {
  readonly vendor: VendorId;
  /** The vendor as the rule's message names it. */
  readonly label: string;
  readonly needle: string;
  /** A cheaper needle (rare first character) that must occur before `needle` is searched for. */
  readonly gate: string;
  /** Text that must follow the needle (ignoring spaces and quotes) for the call to count. */
  readonly then?: RegExp;
  /** `object`: the first `{` after the needle; `args`: the argument list; `file`: mobile SDK calls. */
  readonly settings: 'object' | 'args' | 'file';
  readonly idKeys: readonly string[];
  readonly hashKeys: readonly string[];
  /** For `args`: the call identifies with at least this many arguments and needs one more. */
  readonly minArgsWithHash?: number;
}

/** `["set", "user:email", …]`: Crisp's identify command. */
const CRISP_SET_EMAIL = /^\s{0,40}\[\s{0,40}["']set["']\s{0,40},\s{0,40}["']user:email["']/;
const INTERCOM_HASH = ['user_hash', 'intercom_user_jwt', 'userHash', 'userJwt', 'intercomUserJwt'];
const INTERCOM_IDS = ['user_id', 'email', 'userId'];
/** Mobile SDKs take the hash in a separate call; any of these in the file counts. */
export const MOBILE_INTERCOM_HASH = ['setUserHash', 'setUserJwt', 'userHash', 'user_hash', 'UserJwt', 'userJwt'];

/** Every identify call the engine knows, web first, then Intercom's mobile logins. */
export const IDENTIFY_CALLS: readonly IdentifyCall[] = [
  { vendor: 'intercom', label: 'Intercom', needle: 'intercomSettings', gate: 'Settings', then: /^\s{0,40}=\s{0,40}\{/, settings: 'object', idKeys: INTERCOM_IDS, hashKeys: INTERCOM_HASH },
  { vendor: 'intercom', label: 'Intercom', needle: 'Intercom(', gate: 'Intercom', then: /^\s{0,40}["'](?:boot|update)["']\s{0,40},\s{0,40}\{/, settings: 'object', idKeys: INTERCOM_IDS, hashKeys: INTERCOM_HASH },
  { vendor: 'intercom', label: 'Intercom', needle: 'Intercom(', gate: 'Intercom', then: /^\s{0,40}\{/, settings: 'object', idKeys: INTERCOM_IDS, hashKeys: INTERCOM_HASH },
  { vendor: 'intercom', label: 'Intercom', needle: 'boot(', gate: 'boot(', then: /^\s{0,40}\{/, settings: 'object', idKeys: INTERCOM_IDS, hashKeys: INTERCOM_HASH },
  { vendor: 'intercom', label: 'Intercom', needle: 'loginUser(', gate: 'Intercom', settings: 'file', idKeys: [], hashKeys: MOBILE_INTERCOM_HASH },
  { vendor: 'intercom', label: 'Intercom', needle: 'loginIdentifiedUser(', gate: 'Intercom', settings: 'file', idKeys: [], hashKeys: MOBILE_INTERCOM_HASH },
  { vendor: 'intercom', label: 'Intercom', needle: 'registerIdentifiedUser(', gate: 'Intercom', settings: 'file', idKeys: [], hashKeys: MOBILE_INTERCOM_HASH },
  { vendor: 'intercom', label: 'Intercom', needle: 'loginUserWithUserAttributes(', gate: 'Intercom', settings: 'file', idKeys: [], hashKeys: MOBILE_INTERCOM_HASH },
  { vendor: 'intercom', label: 'Intercom', needle: 'registerUserWithUserId', gate: 'Intercom', settings: 'file', idKeys: [], hashKeys: MOBILE_INTERCOM_HASH },
  { vendor: 'intercom', label: 'Intercom', needle: 'loginUserWithUserAttributes:', gate: 'Intercom', settings: 'file', idKeys: [], hashKeys: MOBILE_INTERCOM_HASH },
  { vendor: 'crisp', label: 'Crisp', needle: '$crisp.push(', gate: '$crisp', then: CRISP_SET_EMAIL, settings: 'args', idKeys: [], hashKeys: [], minArgsWithHash: 2 },
  { vendor: 'crisp', label: 'Crisp', needle: '$crisp?.push(', gate: '$crisp', then: CRISP_SET_EMAIL, settings: 'args', idKeys: [], hashKeys: [], minArgsWithHash: 2 },
  // react-native-crisp-chat-sdk: setUserEmail(email, signature), a bare import.
  { vendor: 'crisp', label: 'Crisp', needle: 'setUserEmail(', gate: 'crisp-chat-sdk', settings: 'args', idKeys: [], hashKeys: [], minArgsWithHash: 2 },
  // crisp-sdk-web: Crisp.user.setEmail(email, signature).
  { vendor: 'crisp', label: 'Crisp', needle: 'Crisp.user.setEmail(', gate: 'Crisp.user', settings: 'args', idKeys: [], hashKeys: [], minArgsWithHash: 2 },
  { vendor: 'chatwoot', label: 'Chatwoot', needle: '$chatwoot.setUser(', gate: '$chatwoot', settings: 'object', idKeys: ['email', 'name', 'identifier'], hashKeys: ['identifier_hash'] },
  { vendor: 'helpscout', label: 'Help Scout', needle: 'Beacon(', gate: 'Beacon(', then: /^\s{0,40}["']identify["']\s{0,40},\s{0,40}\{/, settings: 'object', idKeys: ['email'], hashKeys: ['signature'] },
  { vendor: 'tawkto', label: 'tawk.to', needle: 'Tawk_API.login(', gate: 'Tawk_API', settings: 'object', idKeys: ['userId', 'email'], hashKeys: ['hash'] },
  { vendor: 'tawkto', label: 'tawk.to', needle: 'Tawk_API.visitor', gate: 'Tawk_API', then: /^\s{0,40}=\s{0,40}\{/, settings: 'object', idKeys: ['email'], hashKeys: ['hash'] },
  { vendor: 'tawkto', label: 'tawk.to', needle: 'Tawk_API.setAttributes(', gate: 'Tawk_API', then: /^\s{0,40}\{/, settings: 'object', idKeys: ['email'], hashKeys: ['hash'] },
  { vendor: 'front', label: 'Front Chat', needle: 'FrontChat(', gate: 'FrontChat(', then: /^\s{0,40}["']init["']\s{0,40},\s{0,40}\{/, settings: 'object', idKeys: ['email', 'userId'], hashKeys: ['userHash'] },
  { vendor: 'pylon', label: 'Pylon', needle: 'chat_settings', gate: '_settings', then: /^\s{0,40}[=:]\s{0,40}\{/, settings: 'object', idKeys: ['email'], hashKeys: ['email_hash'] },
  { vendor: 'plain', label: 'Plain', needle: 'customerDetails', gate: 'Details', then: /^\s{0,40}:\s{0,40}\{/, settings: 'object', idKeys: ['email'], hashKeys: ['emailHash', 'jwt'] },
  { vendor: 'gleap', label: 'Gleap', needle: 'Gleap.identify(', gate: 'Gleap.', settings: 'args', idKeys: [], hashKeys: [], minArgsWithHash: 3 },
  { vendor: 'featurebase', label: 'Featurebase', needle: 'Featurebase(', gate: 'Featurebase(', then: /^\s{0,40}["']identify["']\s{0,40},\s{0,40}\{/, settings: 'object', idKeys: ['email', 'userId'], hashKeys: ['userHash', 'featurebaseJwt', 'jwtToken'] },
];

/** Where the settings of one call are. */
export type CallSite =
  | { readonly kind: 'object'; readonly open: number; readonly span: string; readonly then: string }
  | { readonly kind: 'args'; readonly open: number; readonly args: readonly { text: string; start: number }[] }
  | { readonly kind: 'file' };

/**
 * The settings of `call` at offset `hit`, or undefined when the text there is not really that
 * call (a `boot(` that is not Intercom's, a `loginUser(` on another SDK, a `then` that does not
 * follow). `path` helps decide whether a bare `boot(` belongs to Intercom.
 */
export function readCall(text: string, path: string, call: IdentifyCall, hit: number): CallSite | undefined {
  const afterNeedle = hit + call.needle.length;
  if (call.needle === 'boot(' && (/[\w$]/.test(text.charAt(hit - 1)) || !/intercom/i.test(path + text.slice(0, 5000)))) return undefined;
  if (call.settings === 'file') {
    // Only the Intercom SDK's own login (`Intercom.loginUser(`, `Intercom.instance.loginIdentifiedUser(`).
    return /ntercom[\w.()]{0,30}\s{0,3}$/.test(text.slice(Math.max(0, hit - 40), hit)) ? { kind: 'file' } : undefined;
  }
  const then = call.then?.exec(text.slice(afterNeedle, afterNeedle + 200));
  if (call.then && !then) return undefined;
  if (call.settings === 'args') {
    const open = call.needle.endsWith('(') ? afterNeedle - 1 : -1;
    return open < 0 ? undefined : { kind: 'args', open, args: callArguments(text, open) };
  }
  const open = text.indexOf('{', afterNeedle + (then ? then[0].length - 1 : 0));
  if (open < 0 || open - afterNeedle > 200) return undefined;
  return { kind: 'object', open, span: text.slice(open, matchBracket(text, open)), then: then?.[0] ?? '' };
}

/**
 * For `args` calls (Crisp, Gleap): whether the arguments carry the hash, or undefined when they
 * cannot be judged (spread arguments, a Crisp value that is not there).
 */
export function argsHash(text: string, call: IdentifyCall, args: readonly { text: string; start: number }[]): { readonly hash?: { text: string; start: number } } | undefined {
  const min = call.minArgsWithHash ?? 0;
  if (call.vendor === 'crisp' && call.needle.includes('push')) {
    // $crisp.push(["set", "user:email", [email, signature]]): the array inside holds the signature.
    const inner = args[0] ? callArguments(text, args[0].start) : [];
    const value = inner[2];
    if (!value) return undefined;
    const pair = value.text.startsWith('[') ? callArguments(text, value.start) : [];
    return pair.length >= min ? { hash: pair[min - 1] } : {};
  }
  if (args.length === 0 || args.some((a) => a.text.startsWith('...'))) return undefined;
  return args.length >= min ? { hash: args[min - 1] } : {};
}

/** Whether the file assigns one of the hash keys outside the literal (`settings.user_hash = …`). */
export function hashAssignedElsewhere(has: (needle: string) => boolean, call: IdentifyCall): boolean {
  return call.hashKeys.some((k) => has(`.${k}`) || has(`["${k}"]`) || has(`['${k}']`));
}
