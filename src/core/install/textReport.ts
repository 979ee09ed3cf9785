/**
 * The installation check as text: what `idv check --format text` prints and what the editor's
 * "Copy Report" copies, one formatter so the two never differ.
 */
import { getVendor, type Platform } from '../vendors';
import type { Installation, PlatformScheme, Readiness } from './types';

/** What the check found: the shape `idv check --format json` prints and the editor's view holds. */
export interface CheckReport {
  readonly installations: readonly Installation[];
  readonly readiness: readonly Readiness[];
}

const PLATFORM_NAMES: Readonly<Record<Platform, string>> = { web: 'web', ios: 'iOS', android: 'Android' };
const SCHEME_NAMES: Readonly<Record<Exclude<PlatformScheme, 'none'>, string>> = { hmac: 'HMAC', jwt: 'JWT', mixed: 'HMAC and JWT mixed' };

/** A table of installations, then one verdict per vendor and platform with its reasons. */
export function formatCheckText(report: CheckReport): string {
  if (report.installations.length === 0) return 'No messenger installations found.\n';
  const rows = [['LOCATION', 'VENDOR', 'PLATFORM', 'IDENTIFIERS', 'HASH', 'SCHEME', 'SOURCE'], ...report.installations.map((i) => [
    `${i.file}:${i.line}`, i.vendor, i.platform, i.identifiers.length > 0 ? i.identifiers.join(', ') : '(anonymous)',
    i.sendsHash ? 'sent' : i.unresolved ? 'unread' : 'missing', i.scheme === 'none' ? '-' : i.scheme, i.sendsHash ? i.hashSource : '-',
  ])];
  const widths = rows[0]?.map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length))) ?? [];
  const table = rows.map((r) => r.map((cell, c) => (c === r.length - 1 ? cell : cell.padEnd(widths[c] ?? 0))).join('  ')).join('\n');
  const verdicts = report.readiness.map((r) => {
    const scheme = r.scheme === 'none' ? '' : ` (${SCHEME_NAMES[r.scheme]})`;
    const head = `${getVendor(r.vendor).name} on ${PLATFORM_NAMES[r.platform]}${scheme}: ${r.ready ? 'ready to enforce' : 'NOT ready to enforce'}`;
    return [head, ...r.reasons.map((reason) => `  - ${reason}`), ...r.notes.map((note) => `  - note: ${note}`)].join('\n');
  });
  return `${table}\n\n${verdicts.join('\n')}\n`;
}
