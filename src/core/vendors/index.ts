/**
 * Everything the project knows about each messenger, one file per vendor, and the tables
 * derived from those files: the vendor facts, the syntax layer's call shapes, the text
 * engine's identify calls, the pre-filter's needles and the markers that say which vendor a
 * file talks to. Adding a vendor is one new file and one line in DEFINITIONS. Enter this
 * folder only through this file (fenced in eslint.config.mjs).
 */
import { chatwoot } from './chatwoot';
import { crisp } from './crisp';
import { featurebase } from './featurebase';
import { front } from './front';
import { gleap } from './gleap';
import { helpscout } from './helpscout';
import { intercom } from './intercom';
import { novu } from './novu';
import { plain } from './plain';
import { pylon } from './pylon';
import { tawkto } from './tawkto';
import { identifyCalls, markers, messengerNeedles, shapes, type IdentifyCallSpec as IdentifyCallSpecOf, type MessengerShape as MessengerShapeOf } from './derived';
import { judge, type CallFacts, type CallVerdict } from './proof';
import type { Platform, PrefilterNeedle, ProofScheme, VendorDefinition, VendorFacts } from './types';
import { zendesk } from './zendesk';

/** Every vendor, in the order pickers, tables and the engine list them. */
const DEFINITIONS = [intercom, crisp, chatwoot, helpscout, tawkto, front, pylon, plain, gleap, featurebase, novu, zendesk] as const;

/** The id of a known vendor, computed from the vendor files. */
export type VendorId = (typeof DEFINITIONS)[number]['facts']['id'];
/** The facts about one messenger. */
export type Vendor = VendorFacts<VendorId>;
/** One way of writing a messenger call, as the syntax layer matches it in a tree. */
export type MessengerShape = MessengerShapeOf<VendorId>;
/** One identify call as the text engine finds it. */
export type IdentifyCallSpec = IdentifyCallSpecOf<VendorId>;

export type { ClientCall, ClientSdk, Ecosystem, Engine, HashedIdentifier, Platform, PrefilterNeedle, ProofPlace, ProofScheme, Sample, SampleLang, SecretEncoding, ShapeSpec, TextSpec, VendorDefinition, VendorPackages } from './types';
export { CLIENT_SDKS } from './types';
export type { CallFacts, CallVerdict } from './proof';

/** Every vendor's file, for the derived tables, the README and the sample tests. */
export const VENDOR_DEFINITIONS: readonly VendorDefinition<VendorId>[] = DEFINITIONS;

export const PLATFORMS: readonly Platform[] = ['web', 'ios', 'android'];

export const VENDORS: readonly Vendor[] = DEFINITIONS.map((d) => d.facts);

const BY_ID = new Map<string, Vendor>(VENDORS.map((v) => [v.id, v]));
const DEFINITION_BY_ID = new Map<string, VendorDefinition<VendorId>>(VENDOR_DEFINITIONS.map((d) => [d.facts.id, d]));

/** The vendor with this id, or undefined. Accepts a few spellings users type (`tawk.to`, `help-scout`). */
export function findVendor(id: string): Vendor | undefined {
  return BY_ID.get(id.toLowerCase().replace(/[^a-z]/g, ''));
}

/** The vendor with this id; throws with the list of known ids otherwise. */
export function getVendor(id: string): Vendor {
  const vendor = findVendor(id);
  if (!vendor) {
    throw new Error(`Unknown vendor "${id}". Known vendors: ${VENDORS.map((v) => v.id).join(', ')}.`);
  }
  return vendor;
}

/** The whole file of a vendor: its calls, needles and samples as well as its facts. */
export function vendorDefinition(id: VendorId): VendorDefinition<VendorId> {
  const found = DEFINITION_BY_ID.get(id);
  if (!found) throw new Error(`Unknown vendor "${id}".`);
  return found;
}

/** The syntax layer's shapes, every vendor's in turn, in the order matching tries them. */
export const MESSENGER_SHAPES: readonly MessengerShape[] = shapes(VENDOR_DEFINITIONS);

/** The text engine's identify calls (missing-user-hash and the installation check). */
export const IDENTIFY_CALL_SPECS: readonly IdentifyCallSpec[] = identifyCalls(VENDOR_DEFINITIONS);

/** The pre-filter's needles for messenger client code, every vendor's, without repeats. */
export const MESSENGER_NEEDLES: readonly PrefilterNeedle[] = messengerNeedles(VENDOR_DEFINITIONS);

/** Strings that show which messenger a file talks to, by vendor. */
export const VENDOR_MARKERS: Readonly<Record<VendorId, readonly string[]>> = markers(VENDOR_DEFINITIONS);

/**
 * Whether each messenger call of one file (syntax-layer facts) sends its proof, judged from
 * where the vendor files say each call carries it.
 */
export function judgeCalls(calls: readonly CallFacts[]): CallVerdict[] {
  return judge(VENDOR_DEFINITIONS, calls);
}

/**
 * The settings keys a call of `shape` (`call Intercom`, as the syntax layer names it) carries
 * its proof in, or undefined when it carries it elsewhere (an argument, a separate setter, a
 * callback): what a fix may add to the call's settings.
 */
export function proofFieldsOf(id: VendorId, shape: string): readonly string[] | undefined {
  const definition = vendorDefinition(id);
  const client = definition.calls.find((c) => c.shape && `${c.shape.kind} ${c.shape.target}` === shape);
  if (!client || (client.role ?? 'identify') !== 'identify' || (client.proof ?? { in: 'fields' }).in !== 'fields') return undefined;
  return client.proofKeys ?? definition.proofKeys;
}

/**
 * The scheme a proof field or call carries (`user_hash`, `setUserHash` → hmac; `intercom_user_jwt`,
 * `setUserJwt`, `featurebaseJwt` → jwt), read from the vendor's file: a vendor with one scheme
 * has that one whatever the name (Zendesk's callback, Crisp's signature); otherwise the names
 * its `jwt` facts give (field, mobile call) and any proof key that says JWT are JWT, and every
 * other proof, or one whose name is not known, is the HMAC hash (`hashField`).
 */
export function proofScheme(id: VendorId, name: string | undefined): ProofScheme {
  const facts = vendorDefinition(id).facts;
  if (facts.scheme !== 'hmac+jwt') return facts.scheme === 'jwt-only' ? 'jwt' : 'hmac';
  if (name === undefined || !facts.jwt) return 'hmac';
  const jwtNames = [facts.jwt.field, facts.jwt.mobile?.call].filter((n): n is string => n !== undefined).map((n) => n.toLowerCase());
  const lower = name.toLowerCase();
  // The last segment of a call's path (`Intercom.client.setUserJwt`), compared case-blind for Xamarin's SetUserJwt.
  const last = lower.slice(lower.lastIndexOf('.') + 1);
  return jwtNames.includes(last) || /jwt/.test(last) ? 'jwt' : 'hmac';
}
