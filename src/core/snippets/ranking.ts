/**
 * The order the snippet picker offers snippets in: for a vendor that recommends one scheme
 * (Intercom and Featurebase recommend JWT, Zendesk messaging has nothing else), that scheme's
 * snippets come first, each with a line saying why. Everything else keeps catalogue order.
 * The recommendation and its reason live in the vendor files.
 */
import { findVendor } from '../vendors';
import type { SnippetInfo } from './catalogue';

export interface RankedSnippet {
  readonly snippet: SnippetInfo;
  /** Why this snippet is the one to use for the vendor (`Recommended: …`), when it is. */
  readonly recommended?: string;
}

/**
 * `snippets` with those of the scheme `vendorId` recommends first, in their original order
 * otherwise (a stable partition). An unknown vendor, or one without a recommendation, changes
 * nothing. Only snippets that can be rendered for the vendor count as recommended.
 */
export function rankSnippets(snippets: readonly SnippetInfo[], vendorId: string | undefined): RankedSnippet[] {
  const vendor = vendorId === undefined ? undefined : findVendor(vendorId);
  const recommends = vendor?.recommends;
  const ranked: RankedSnippet[] = snippets.map((snippet) =>
    (vendor && recommends && snippet.scheme === recommends.scheme && snippet.vendors.includes(vendor.id)
      ? { snippet, recommended: `Recommended: ${recommends.why}` }
      : { snippet }));
  return [...ranked.filter((r) => r.recommended !== undefined), ...ranked.filter((r) => r.recommended === undefined)];
}
