/**
 * missing-user-hash decided on syntax facts: for each messenger call the syntax layer found
 * (through aliases, optional chaining, settings built in a variable, spreads and
 * `settings.x = …` assignments), whether it tells the vendor who the user is without the proof.
 * The keys that carry an identifier and the proof come from the same identify-call table the
 * text scanner reads, so both paths judge a call by the same vendor knowledge.
 */
import type { Expr, FileFacts, MessengerCall } from '../../syntax/index';
import { MESSENGER_SHAPES } from '../../messenger-calls';
import type { VendorId } from '../../vendors';
import { IDENTIFY_CALLS, MOBILE_INTERCOM_HASH } from '../identify-calls';

/** What a call does for identity verification. */
export type Verdict = 'missing' | 'proven' | 'anonymous' | 'unknown';

interface VendorKeys {
  readonly label: string;
  readonly idKeys: ReadonlySet<string>;
  readonly hashKeys: ReadonlySet<string>;
}

/** Per vendor: its label and every key that carries an identifier or the proof. */
const KEYS: ReadonlyMap<VendorId, VendorKeys> = (() => {
  const out = new Map<VendorId, { label: string; idKeys: Set<string>; hashKeys: Set<string> }>();
  for (const call of IDENTIFY_CALLS) {
    const entry = out.get(call.vendor) ?? { label: call.label, idKeys: new Set<string>(), hashKeys: new Set<string>() };
    for (const k of call.idKeys) entry.idKeys.add(k);
    for (const k of call.hashKeys) entry.hashKeys.add(k);
    out.set(call.vendor, entry);
  }
  return out;
})();

/** Shapes that hand over the proof alone (`Intercom.setUserHash`), by their `kind target` key. */
const PROOF_SHAPES: ReadonlySet<string> = new Set(MESSENGER_SHAPES.filter((s) => s.role === 'proof').map((s) => `${s.kind} ${s.target}`));

/** Mobile logins (React Native, Capacitor, Cordova): the proof comes in a call of its own. */
const MOBILE_LOGIN = /(?:^|\.)(?:loginUser|loginUserWithUserAttributes|registerIdentifiedUser|loginIdentifiedUser)$/;

/** Crisp's calls whose second argument is the signature. */
const CRISP_EMAIL_SETTERS = /(?:^|\.)(?:setEmail|setUserEmail)$/;

export interface JudgedCall {
  readonly call: MessengerCall;
  readonly verdict: Verdict;
  /** The vendor as messages name it, and the field that carries its proof. */
  readonly label: string;
  readonly hashKey: string;
}

/** Every identify call in `facts` (calls that only hand over the proof left out), judged. */
export function judgeCalls(facts: FileFacts, has: (needle: string) => boolean): JudgedCall[] {
  const out: JudgedCall[] = [];
  const fileHasProofCall = facts.messengerCalls.some((c) => PROOF_SHAPES.has(c.shape));
  const mobileProof = () => fileHasProofCall || MOBILE_INTERCOM_HASH.some((k) => has(k));
  for (const call of facts.messengerCalls) {
    const keys = KEYS.get(call.vendor);
    if (!keys || PROOF_SHAPES.has(call.shape)) continue;
    out.push({ call, verdict: verdict(call, keys, mobileProof, has), label: keys.label, hashKey: [...keys.hashKeys][0] ?? 'the signature' });
  }
  return out;
}

/** Whether one call identifies a user, and with or without the proof. */
export function verdict(call: MessengerCall, keys: VendorKeys, mobileProof: () => boolean, has: (needle: string) => boolean): Verdict {
  const target = call.target;
  if (call.vendor === 'intercom' && MOBILE_LOGIN.test(target)) return mobileProof() ? 'proven' : 'missing';
  if (call.vendor === 'crisp') return crispVerdict(call);
  if (call.vendor === 'gleap') return positional(call.args, 3);
  // Settings objects: judged by their keys.
  const names = new Set<string>();
  for (const f of call.fields) if (f.name !== undefined && !f.spread) names.add(f.name);
  if ([...names].some((n) => keys.hashKeys.has(n) || /jwt/i.test(n))) return 'proven';
  if (call.open) return 'unknown';
  if (![...names].some((n) => keys.idKeys.has(n))) return call.settings ? 'anonymous' : 'unknown';
  // `settings["user_hash"] = …` or a hash set on another path of the same object.
  if ([...keys.hashKeys].some((k) => has(`.${k}`) || has(`["${k}"]`) || has(`['${k}']`))) return 'unknown';
  return 'missing';
}

/** `$crisp.push(["set", "user:email", [email, signature]])`, `Crisp.user.setEmail(email, signature)`. */
function crispVerdict(call: MessengerCall): Verdict {
  if (CRISP_EMAIL_SETTERS.test(call.target)) return positional(call.args, 2);
  for (const arg of call.args) {
    const items = arg.items;
    if (!items || items[0]?.value !== 'set' || items[1]?.value !== 'user:email') continue;
    const value = items[2];
    if (!value) return 'unknown';
    if (value.kind === 'array') return positional(value.items ?? [], 2);
    // One email written out: no room for the signature. A variable named for an email holds
    // one; any other variable may hold `[email, signature]`.
    return value.kind !== 'identifier' || EMAIL_NAME.test(value.path ?? value.text) ? 'missing' : 'unknown';
  }
  return 'unknown';
}

/** `email`, `user.email`, `mail`, `emailAddress`: a name that holds one address. */
const EMAIL_NAME = /(?:^|[._])e?mail(?:_?address)?$/i;

/** A call whose proof is its `count`-th positional argument. */
function positional(args: readonly Expr[], count: number): Verdict {
  if (args.length === 0 || args.some((a) => a.text.startsWith('...'))) return 'unknown';
  return args.length >= count ? 'proven' : 'missing';
}
