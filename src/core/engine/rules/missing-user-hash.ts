/** missing-user-hash: a messenger call identifies a user but sends no hash, signature or JWT. */
import { hasKey } from '../calls';
import type { Doc } from '../doc';
import type { FileFacts, SentField } from '../../syntax/index';
import { vendorDefinition, type VendorId } from '../../vendors/index';
import { code, fitted } from '../message';
import { addProofField } from './addProofField';
import { argsHash, hashAssignedElsewhere, IDENTIFY_CALLS, readCall, type IdentifyCall } from '../identify-calls';
import { MESSENGER_TOPIC } from '../topics';
import { proofAfterLogin, updateDropsJwt } from './intercomSequence';
import { installedCalls } from './proofOnFacts';
import type { RawFinding, Rule } from './rule';

export const missingUserHash: Rule = {
  meta: {
    id: 'missing-user-hash',
    defaultSeverity: 'warning',
    description: 'A messenger boot, identify or login call identifies a user but sends no hash, signature or JWT.',
    fixable: true,
    docs: {
      what: 'A call that tells the messenger who the user is, without the proof: `window.intercomSettings` or `Intercom(\'boot\', …)` with `user_id` or `email` and no `user_hash` / `intercom_user_jwt`, Intercom mobile `loginUser` without `setUserHash`/`setUserJwt`, Crisp `user:email` without a signature, Chatwoot `setUser` without `identifier_hash`, Help Scout `Beacon(\'identify\')` without `signature`, tawk.to without `hash`, Front without `userHash`, Pylon without `email_hash`, Plain without `emailHash`, Gleap `identify` without the hash argument, Featurebase without `userHash` or a JWT. Also two cases of order: an Intercom mobile `setUserHash` / `setUserJwt` called after `loginUser`, `loginUserWithUserAttributes`, `loginIdentifiedUser` or `registerIdentifiedUser` in the same block (Swift, Objective-C, Kotlin, Java, Dart, React Native, Xamarin C#), and, in a file whose `boot` sends `intercom_user_jwt`, an `Intercom(\'update\', …)` or react-use-intercom `update({…})` that names the user without it.',
      why: 'Until every call carries the hash, verification cannot be enforced, and while it is not enforced anyone can open the messenger as any user by typing their email into the settings. Once it is enforced, calls without a hash fail and the messenger stops working for those users. The mobile SDKs read the hash or JWT when the user logs in, so one set afterwards is too late and the login is rejected; an update without the JWT that boot sent is rejected too.',
      fix: 'Compute the hash on the server for the logged-in user and pass it in the same call (`user_hash: …`, `signature: …`, `identifier_hash: …`); on mobile, call `setUserHash` / `setUserJwt` before logging the user in; in a single-page app, pass the same `intercom_user_jwt` in every `update` that names the user. The quick fix adds the field to a settings object written out, wired to a value named for it on the object the user id comes from (`user_id: user.id` gets `user_hash: user.userHash`; the JWT field when the file already sends one), for the server to provide; the editor offers the server snippet that computes it beside it. Settings passed as a variable or spread are not checked, and a setter in another function than the login is not paired with it.',
      suppress: '`idv-disable-next-line missing-user-hash` on the line before the call, or `idv-disable-line missing-user-hash` on its first line. Turn the rule off in `.idvrc.json` for projects that only use anonymous visitors.',
    },
  },
  check(doc) {
    if (!MESSENGER_TOPIC.some((n) => doc.has(n))) return [];
    // Order within the file: read from the text alike in every host (most mobile languages
    // have no grammar here). A JWT dropped from an update replaces the general finding there.
    const dropped = updateDropsJwt(doc);
    const perCall = (doc.facts ? onFacts(doc) : onText(doc)).filter((f) => !dropped.some((d) => d.start < f.end && f.start < d.end));
    return [...perCall, ...dropped, ...proofAfterLogin(doc)].sort((a, b) => a.start - b.start);
  },
};

/** The rule on the text alone: each identify call of the table, judged on its own settings. */
function onText(doc: Doc): RawFinding[] {
  const out: RawFinding[] = [];
  for (const call of IDENTIFY_CALLS) {
    if (!doc.has(call.gate) || !doc.has(call.needle)) continue;
    for (const hit of doc.offsets(call.needle)) {
      if (isMissing(doc, call, hit)) {
        out.push({ start: hit, end: hit + call.needle.length, ...said(call.vendor, call.label, call.hashKeys[0] ?? vendorDefinition(call.vendor).facts.hashField, undefined) });
      }
    }
  }
  return out;
}

/**
 * The fact (which call, which identifier, which field is missing) as the message; what the
 * vendor hashes and what follows from a missing hash as the detail.
 */
function said(vendorId: VendorId, label: string, hashKey: string, id: SentField | undefined): { message: string; detail: string } {
  const vendor = vendorDefinition(vendorId).facts;
  const message = id?.name !== undefined
    ? fitted(`${label} gets ${id.name} but no ${hashKey}`, `${label} identifies the user without ${hashKey}`)
    : fitted(`${label} identifies the user without ${hashKey}`, `${label} call without ${hashKey}`);
  const sent = id?.name !== undefined ? ` with ${code(id.name)}${id.value.text.length <= 60 ? ` (${code(id.value.text)})` : ''}` : '';
  const hashed = vendor.hashes === 'email' ? 'the email' : vendor.hashes === 'user_id' ? 'the user id' : 'the user id when one is sent, else the email';
  const detail = `This call tells ${label} who the user is${sent} but sends no ${code(hashKey)}, the proof the server computes (an HMAC of ${hashed}${vendor.jwt ? `, or a signed JWT in ${code(vendor.jwt.field)}` : ''}). `
    + 'While verification is not enforced anyone can open the messenger as this user; once it is, this call fails. '
    + 'Compute the proof on the server for the logged-in user and pass it in this call.';
  return { message, detail };
}

/**
 * The rule on syntax facts, over the calls the installation check counts too (installedCalls:
 * a wrapper's arm without the proof is not reported, a settings object read by several calls
 * is reported once).
 */
function onFacts(doc: Doc): RawFinding[] {
  const out: RawFinding[] = [];
  for (const { call, verdict, label, hashKey } of installedCalls(doc.facts as FileFacts, doc.text, (n) => doc.has(n))) {
    if (verdict !== 'missing') continue;
    // The call's first line: a whole multi-line settings object would bury the editor in red.
    const lineEnd = doc.text.indexOf('\n', call.start);
    const end = lineEnd > call.start && lineEnd < call.end ? lineEnd : call.end;
    const id = call.fields.find((f) => f.name !== undefined && vendorDefinition(call.vendor).idKeys.includes(f.name));
    const fix = addProofField(doc.text, doc.facts as FileFacts, call);
    out.push({
      start: call.start, end, ...said(call.vendor, label, fix?.field ?? hashKey, id),
      ...(fix ? { suggestions: [fix.suggestion], data: { vendor: call.vendor, scheme: fix.scheme, field: fix.field } } : { data: { vendor: call.vendor } }),
    });
  }
  return out;
}

function isMissing(doc: Doc, call: IdentifyCall, hit: number): boolean {
  const site = readCall(doc.text, doc.path, call, hit);
  if (!site) return false;
  if (site.kind === 'file') return !call.hashKeys.some((k) => doc.has(k));
  if (site.kind === 'args') {
    const judged = argsHash(doc.text, call, site.args);
    return judged !== undefined && judged.hash === undefined;
  }
  const { span } = site;
  // Spread or computed settings may carry the hash; only literal objects are judged.
  if (span.includes('...') || span.includes('**')) return false;
  if (!call.idKeys.some((k) => span.includes(k) && hasKey(span, k))) return false;
  if (call.hashKeys.some((k) => span.includes(k)) || /jwt/i.test(span)) return false;
  // A hash assigned later (`window.intercomSettings.user_hash = …`) also counts.
  return !hashAssignedElsewhere((n) => doc.has(n), call);
}
