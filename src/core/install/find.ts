/**
 * `findInstallations`: every messenger installation site in one file, with the platform it ships
 * to, what it sends and where its hash comes from. Pure and linear like the lint engine: files
 * that mention no messenger cost a few indexOf calls. With a facts source, files in a parsed
 * language are read from their syntax facts, as missing-user-hash reads them; other files (and
 * synchronous callers without grammars) by the text scanners.
 */
import { classifyFile } from '../engine/classify';
import { createDoc } from '../engine/doc';
import { DEFAULT_CONFIG, lint, type FactsSource } from '../engine/index';
import { isTestPath, langOf } from '../engine/lang';
import type { ResolvedConfig, RuleId, SeveritySetting, Side } from '../engine/types';
import { PLATFORMS, proofScheme } from '../vendors';
import { mobileSites } from './mobile';
import { platformsOf } from './platform';
import type { Site } from './site';
import { IDENTIFY_CALLS } from '../engine/identify-calls';
import { MESSENGER_TOPIC } from '../engine/topics';
import { factsFor, type FileFacts } from '../syntax/index';
import { computedOnClient, factSites } from './facts';
import { hashSource, type ComputedOnClient } from './source';
import type { Installation } from './types';
import { novuSites, webSites } from './web';

/**
 * Needles one of which every detected call contains: the gate of every identify call the rule
 * knows (one table, identify-calls.ts, so a call taught to missing-user-hash is found here too),
 * plus the two vendors read here only (Zendesk's zE, Novu's components); 'ntercom' covers the
 * mobile SDKs' both spellings.
 */
const TOPIC = [...new Set([...IDENTIFY_CALLS.map((c) => c.gate), 'ntercom', 'zE(', '@novu/'])];

/** Options for findInstallations. */
export interface FindOptions {
  /** The project's `.idvrc.json`: its client and server globs decide which files are client code. */
  readonly config?: ResolvedConfig;
  /**
   * The syntax layer, as `lint` takes it: files in a parsed language whose grammar is loaded
   * are read from their facts, so the check names the calls `idv scan` names.
   */
  readonly syntax?: FactsSource;
}

/**
 * Every installation in `text`. `path` (posix, relative to the project root) is reported as
 * each installation's `file` and, with `languageId` (VS Code's), decides language and platform.
 * Sorted by line, then platform.
 */
export function findInstallations(text: string, path: string, languageId?: string, options: FindOptions = {}): Installation[] {
  const config = options.config ?? DEFAULT_CONFIG;
  const lang = langOf(path, languageId);
  const doc = createDoc(text, { path, lang, side: () => classifyFile(path, text, config), committed: true, testFile: isTestPath(path), config });
  if (!TOPIC.some((n) => doc.has(n)) && !MESSENGER_TOPIC.some((n) => doc.has(n))) return [];
  const platforms = platformsOf(lang, doc.side, text);
  if (!platforms.web && platforms.mobile.length === 0) return [];
  const facts = factsOf(text, path, languageId, options.syntax);
  const mobile = platforms.mobile.length > 0;
  const sites: Site[] = facts
    // Novu's components have no shape in the syntax layer: its text reader stays.
    ? [...factSites(doc, facts, mobile), ...(platforms.web ? novuSites(doc) : [])]
    : [...(platforms.web ? webSites(doc) : []), ...(mobile ? mobileSites(doc) : [])];
  if (sites.length === 0) return [];

  const client: ComputedOnClient = facts ? computedOnClient(doc, facts.crypto) : fileComputesOnClient(text, path, languageId, config, doc.side);
  const out: Installation[] = [];
  for (const site of sites) {
    const line = doc.positionAt(site.offset).line + 1;
    const source = hashSource(doc, site, client);
    const scheme = site.sendsHash ? proofScheme(site.vendor, site.proofName) : 'none';
    // Built key by key: this order is the JSON contract of `idv check --format json`.
    for (const platform of site.mobile ? platforms.mobile : ['web' as const]) {
      out.push({
        file: path, line, vendor: site.vendor, platform, identifiers: site.identifiers, sendsHash: site.sendsHash, hashSource: source, scheme,
        ...(site.unresolved ? { unresolved: true as const } : {}),
      });
    }
  }
  return out.sort((a, b) => a.line - b.line || PLATFORMS.indexOf(a.platform) - PLATFORMS.indexOf(b.platform) || (a.vendor < b.vendor ? -1 : a.vendor > b.vendor ? 1 : 0));
}

/**
 * The file's facts (its own language's, and its script blocks' for templates and PHP views),
 * when the grammars are loaded in `syntax`; undefined sends it to the text scanners. The same
 * facts lint reads, so the check and the rules agree.
 */
function factsOf(text: string, path: string, languageId: string | undefined, syntax: FactsSource | undefined): FileFacts | undefined {
  if (!syntax) return undefined;
  try {
    return factsFor(text, path, languageId, syntax);
  } catch {
    // A grammar that fails on this text: the text scanners decide, as in lint.
    return undefined;
  }
}

/**
 * For files without facts: whether the engine's client-side-hmac rule fires on the file (asked once, when a hash is sent), the one definition of "computes
 * an HMAC or signs a JWT in client code", reused rather than re-typed. A file the classifier
 * cannot place is client code here, because it calls a messenger's browser or app API; a server
 * component stays server code. Suppression comments are honoured.
 */
function fileComputesOnClient(text: string, path: string, languageId: string | undefined, config: ResolvedConfig, side: Side): ComputedOnClient {
  let answer: boolean | undefined;
  return () => {
    if (answer === undefined) {
      const rules = Object.fromEntries(Object.keys(config.rules).map((id) => [id, id === 'client-side-hmac' ? 'error' : 'off'])) as Record<RuleId, SeveritySetting>;
      const context = { path, committed: true, config: { ...config, rules }, side: side === 'unknown' ? 'client' as const : side };
      answer = lint(text, languageId !== undefined ? { ...context, languageId } : context).length > 0;
    }
    return answer;
  };
}
