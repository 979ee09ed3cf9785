/**
 * The messenger calls that tell a vendor who the user is, as one table read by the
 * missing-user-hash rule and by the installation check (src/core/install), so that a new
 * spelling is taught to both at once. The table is derived from the vendor files
 * (src/core/vendors): each entry says where the call's settings are and which keys carry
 * identifiers and the hash; `readCall` locates the settings of one hit.
 */
import { IDENTIFY_CALL_SPECS, vendorDefinition, type IdentifyCallSpec } from '../vendors';
import { callArguments, matchBracket } from './calls';

/** A call that identifies a user, how to find its settings, and the keys that prove identity. */
export type IdentifyCall = IdentifyCallSpec;

/** Every identify call the engine knows, derived from the vendor files (src/core/vendors), vendor by vendor. */
export const IDENTIFY_CALLS: readonly IdentifyCall[] = IDENTIFY_CALL_SPECS;

/** Mobile SDKs take the hash in a separate call; any of these in the file counts (Intercom's, from its file). */
export const MOBILE_INTERCOM_HASH: readonly string[] = [...new Set(vendorDefinition('intercom').calls.filter((c) => c.proof?.in === 'separate').flatMap((c) => c.proofKeys ?? []))];

/**
 * Whether the method named at `hit` is called on the Intercom SDK: `Intercom.x`,
 * `Intercom.client().x`, `Intercom.instance.x`, Objective-C's `[Intercom x`.
 */
export function onIntercom(text: string, hit: number): boolean {
  return /ntercom[\w.()]{0,30}\s{0,3}$/.test(text.slice(Math.max(0, hit - 40), hit));
}

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
    return onIntercom(text, hit) ? { kind: 'file' } : undefined;
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
