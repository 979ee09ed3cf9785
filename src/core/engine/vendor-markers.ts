/**
 * Which messenger a file talks to, from the markers each vendor file lists (imports, globals,
 * field names). The hardcoded-secret and identifier-mismatch rules read it.
 */
import { VENDOR_MARKERS, VENDORS, type Vendor } from '../vendors';
import type { Doc } from './doc';

export { VENDOR_MARKERS };

/** The vendor the document talks to: the first whose marker occurs. */
export function vendorOf(doc: Doc): Vendor | undefined {
  for (const vendor of VENDORS) if (VENDOR_MARKERS[vendor.id].some((m) => doc.has(m))) return vendor;
  return undefined;
}
