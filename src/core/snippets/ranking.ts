/**
 * The order the snippet picker offers snippets in. The project's own frameworks first (a
 * Next.js project gets the Next.js route handler before Express), in the order the project
 * model lists them; within that, for a vendor that recommends one scheme (Intercom and
 * Featurebase recommend JWT, Zendesk messaging has nothing else), that scheme's snippets
 * first, each with a line saying why. Everything else keeps catalogue order. The
 * recommendation and its reason live in the vendor files, the frameworks in placement.ts.
 */
import { findVendor } from '../vendors';
import type { FrameworkId } from '../workspace';
import type { SnippetInfo } from './catalogue';
import { snippetFrameworks } from './placement';

export interface RankedSnippet {
  readonly snippet: SnippetInfo;
  /** Why this snippet is the one to use for the vendor (`Recommended: …`), when it is. */
  readonly recommended?: string;
  /** The project's framework this snippet is written for, when it is one. */
  readonly fits?: FrameworkId;
}

/**
 * `snippets` with those written for one of `frameworks` first (in that order), then within
 * each part those of the scheme `vendorId` recommends, in their original order otherwise (a
 * stable sort). An unknown vendor, or one without a recommendation, changes nothing there.
 * Only snippets that can be rendered for the vendor count as recommended.
 */
export function rankSnippets(snippets: readonly SnippetInfo[], vendorId: string | undefined, frameworks: readonly FrameworkId[] = []): RankedSnippet[] {
  const vendor = vendorId === undefined ? undefined : findVendor(vendorId);
  const recommends = vendor?.recommends;
  const ranked = snippets.map((snippet, index) => {
    const fits = frameworks.find((f) => snippetFrameworks(snippet.id).includes(f));
    const recommended = vendor && recommends && snippet.scheme === recommends.scheme && snippet.vendors.includes(vendor.id) ? `Recommended: ${recommends.why}` : undefined;
    const entry: RankedSnippet = { snippet, ...(recommended ? { recommended } : {}), ...(fits ? { fits } : {}) };
    return { entry, key: [fits === undefined ? frameworks.length : frameworks.indexOf(fits), recommended ? 0 : 1, index] as const };
  });
  ranked.sort((a, b) => a.key[0] - b.key[0] || a.key[1] - b.key[1] || a.key[2] - b.key[2]);
  return ranked.map((r) => r.entry);
}
