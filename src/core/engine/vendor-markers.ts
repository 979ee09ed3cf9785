/**
 * Strings that show which messenger a file talks to. Kept beside the engine rather than in
 * vendors.ts because they describe client API spellings the rules search for, not the vendor's
 * facts; the Record type makes adding a vendor without markers a compile error.
 */
import { VENDORS, type Vendor, type VendorId } from '../vendors';
import type { Doc } from './doc';

export const VENDOR_MARKERS: Readonly<Record<VendorId, readonly string[]>> = {
  intercom: ['intercomSettings', 'Intercom(', 'Intercom.', 'intercom_user_jwt', 'user_hash', '@intercom/', 'react-use-intercom'],
  crisp: ['$crisp', 'CRISP_WEBSITE_ID'],
  chatwoot: ['$chatwoot', 'chatwootSDK', 'identifier_hash'],
  helpscout: ['Beacon('],
  tawkto: ['Tawk_API'],
  front: ['FrontChat('],
  pylon: ['chat_settings', 'email_hash'],
  plain: ['Plain.init', 'customerDetails'],
  gleap: ['Gleap.'],
  featurebase: ['Featurebase(', 'featurebaseJwt'],
  novu: ['subscriberHash', '@novu/', 'NovuProvider'],
  zendesk: ['zE(', 'zESettings'],
};

/** The vendor the document talks to: the first whose marker occurs. */
export function vendorOf(doc: Doc): Vendor | undefined {
  for (const vendor of VENDORS) if (VENDOR_MARKERS[vendor.id].some((m) => doc.has(m))) return vendor;
  return undefined;
}
