/**
 * missing-user-hash decided on syntax facts: for each messenger call the syntax layer found
 * (through aliases, optional chaining, settings built in a variable, spreads and
 * `settings.x = …` assignments), whether it tells the vendor who the user is without the proof.
 * Where each call carries its proof is vendor data (src/core/vendors, judgeCalls); this file
 * adds what only the whole file shows: a proof assigned away from the settings, a mobile setter
 * the syntax layer cannot see, and a Crisp value that plainly holds a single email.
 */
import type { FileFacts, MessengerCall, Span } from '../../syntax/index';
import { judgeCalls, vendorDefinition, type CallVerdict } from '../../vendors/index';
import { MOBILE_INTERCOM_HASH } from '../identify-calls';

/** What a call does for identity verification (`proof`: it only hands over the hash). */
export type Verdict = CallVerdict;

export interface JudgedCall {
  readonly call: MessengerCall;
  readonly verdict: Verdict;
  /** The vendor as messages name it, and the field that carries its proof. */
  readonly label: string;
  readonly hashKey: string;
}

/**
 * The calls of `facts` that install a messenger, judged, as missing-user-hash and the
 * installation check both count them: a call in one arm of an `if … else` or a conditional
 * whose other arm sends the proof (a wrapper handing the proof over when it has one) is left
 * out, and one settings object read by several calls with one verdict counts once, at the first.
 */
export function installedCalls(facts: FileFacts, text: string, has: (needle: string) => boolean): JudgedCall[] {
  const judged = judgeFile(facts, has);
  const proven = judged.filter((j) => j.verdict === 'proven').map((j) => j.call);
  const seen = new Set<string>();
  return judged.filter(({ call, verdict }) => {
    if (verdict === 'missing' && proven.some((p) => p.shape === call.shape && otherBranch(text, p, call))) return false;
    if (!call.settings) return true;
    const key = `${call.settings.start}:${call.settings.end}:${verdict}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Whether `a` and `b` are the two branches of one `if … else` or of a conditional expression. */
function otherBranch(text: string, a: Span, b: Span): boolean {
  const [first, second] = a.start < b.start ? [a, b] : [b, a];
  if (second.start - first.end > OTHER_BRANCH_GAP || second.start < first.end) return false;
  const between = text.slice(first.end, second.start);
  // `if … else`, Ruby's elsif, Python's elif, and the two arms of `cond ? a : b`.
  return /\b(?:else|elsif|elif)\b/.test(between) || /^\s*:\s*$/.test(between);
}

/** How far apart two branches' calls may be: a line or two of `} else {` and a condition. */
const OTHER_BRANCH_GAP = 200;

/** `email`, `user.email`, `mail`, `emailAddress`: a name that holds one address. */
const EMAIL_NAME = /(?:^|[._])e?mail(?:_?address)?$/i;

/** Every messenger call in `facts`, judged; `has` answers whether a needle occurs in the file. */
export function judgeFile(facts: FileFacts, has: (needle: string) => boolean): JudgedCall[] {
  const verdicts = judgeCalls(facts.messengerCalls);
  return facts.messengerCalls.map((call, i) => {
    const facts = vendorDefinition(call.vendor).facts;
    return { call, verdict: refine(call, verdicts[i] ?? 'unknown', has), label: facts.name, hashKey: facts.hashField };
  });
}

function refine(call: MessengerCall, verdict: Verdict, has: (needle: string) => boolean): Verdict {
  if (verdict === 'unknown' && call.vendor === 'crisp') return crispValue(call) ?? verdict;
  if (verdict !== 'missing') return verdict;
  // A mobile login whose hash is set in a way the shapes do not spell (a wrapper's setter).
  if (call.fields.length === 0 && call.vendor === 'intercom' && MOBILE_INTERCOM_HASH.some((k) => has(k))) return 'unknown';
  // `settings.user_hash = …` or `settings["user_hash"] = …` on some other path of the object.
  const hashField = vendorDefinition(call.vendor).facts.hashField;
  if (call.fields.length > 0 && (has(`.${hashField}`) || has(`["${hashField}"]`) || has(`['${hashField}']`))) return 'unknown';
  return verdict;
}

/**
 * `$crisp.push(["set", "user:email", value])` where value is no array: one email written out
 * (`user.email`, a string) has no room for the signature; a variable named for an email holds
 * one; any other variable may hold `[email, signature]` and stays unknown.
 */
function crispValue(call: MessengerCall): Verdict | undefined {
  for (const arg of call.args) {
    const items = arg.items;
    if (!items || items[0]?.value !== 'set' || items[1]?.value !== 'user:email') continue;
    const value = items[2];
    if (!value || value.kind === 'array') return undefined;
    return value.kind !== 'identifier' || EMAIL_NAME.test(value.path ?? value.text) ? 'missing' : undefined;
  }
  return undefined;
}
