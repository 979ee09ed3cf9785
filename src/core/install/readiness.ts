/**
 * `readiness`: can identity verification be enforced for a vendor on a platform? Only when every
 * installation that identifies a user sends a hash and none computes it on the client; otherwise
 * enforcing logs those users out of the messenger (or, for a client-computed hash, the secret is
 * already public and enforcing proves nothing). Nor when some installations send an HMAC and
 * others a JWT: whichever scheme is enforced rejects the other's users.
 */
import { getVendor, PLATFORMS, VENDORS, type Platform, type VendorId } from '../vendors';
import type { Installation, PlatformScheme, Readiness } from './types';

/**
 * One reason of a verdict with what it is about: `installation` when it names one place (its
 * `text` then starts with that place's `file:line`), so a view can show it under that place;
 * `short` is the same reason without any `file:line` a view already shows as a row.
 */
export interface ReadinessReason {
  readonly text: string;
  readonly short: string;
  readonly installation?: Installation;
}

/** A verdict with its reasons tied to the installations they name (the editor's view shows them so). */
export interface ReadinessDetail {
  readonly readiness: Readiness;
  readonly reasons: readonly ReadinessReason[];
}

/** Locations named per scheme in a mix; the rest are counted. */
const MIX_SHOWN = 3;

/** Shown for every mobile platform: enforcing cuts off app versions already in users' hands. */
export const MOBILE_REMINDER = 'App versions already released without the hash stop working once verification is enforced: release the version that sends the hash first, and enforce when most users have updated.';

/** One verdict per vendor and platform that has installations, in vendor then platform order. */
export function readiness(installations: readonly Installation[]): Readiness[] {
  return readinessDetails(installations).map((d) => d.readiness);
}

/** `readiness` with each reason tied to the installation it names. */
export function readinessDetails(installations: readonly Installation[]): ReadinessDetail[] {
  const groups = new Map<string, Installation[]>();
  for (const i of installations) {
    const key = `${i.vendor}/${i.platform}`;
    groups.set(key, [...(groups.get(key) ?? []), i]);
  }
  const out: ReadinessDetail[] = [];
  for (const vendor of VENDORS) {
    for (const platform of PLATFORMS) {
      const group = groups.get(`${vendor.id}/${platform}`);
      if (group) out.push(verdict(vendor.id, platform, group));
    }
  }
  return out;
}

/** The order `idv check` and the editor list installations in: file, line, then platform. */
export function compareInstallations(a: Installation, b: Installation): number {
  return (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) || a.line - b.line || PLATFORMS.indexOf(a.platform) - PLATFORMS.indexOf(b.platform);
}

function verdict(vendorId: VendorId, platform: Platform, group: readonly Installation[]): ReadinessDetail {
  const vendor = getVendor(vendorId);
  const scheme = schemeOf(group);
  // The proof the platform's other installations send is the one a call without it lacks.
  const field = scheme === 'jwt'
    ? (platform === 'web' ? vendor.jwt?.field : vendor.jwt?.mobile?.call) ?? vendor.hashField
    : platform === 'web' ? vendor.hashField : 'setUserHash';
  const where = (i: Installation) => `${i.file}:${i.line}`;
  // Files that only set the hash: on mobile the login may live in another file of the app.
  const setters = group.filter((i) => i.identifiers.length === 0 && i.sendsHash);
  const reasons: ReadinessReason[] = [];
  // A reason about one installation starts with its place; a view shows it under that place.
  const about = (i: Installation, rest: string) => reasons.push({ text: `${where(i)} ${rest}`, short: rest.charAt(0).toUpperCase() + rest.slice(1), installation: i });
  const general = (text: string, short = text) => reasons.push({ text, short });
  let ready = true;
  for (const i of group) {
    if (i.identifiers.length === 0 && !i.sendsHash) continue; // anonymous visitor: nothing to prove
    if (i.unresolved) {
      // Not a known gap, as missing-user-hash does not report it either; but one to look at.
      about(i, `builds its settings partly where this file does not show (a spread or a variable): check that they carry ${field}.`);
      continue;
    }
    if (!i.sendsHash) {
      const elsewhere = platform !== 'web' ? setters.find((s) => s.file !== i.file) : undefined;
      if (elsewhere) {
        about(i, `logs the user in without ${field} in the same file; ${where(elsewhere)} sets it: make sure that runs before this login.`);
        continue;
      }
      ready = false;
      about(i, `sends ${i.identifiers.join(', ')} without ${field}.`);
    } else if (i.hashSource === 'client') {
      ready = false;
      about(i, `computes the hash on the client, so the secret ships with it: compute it on the server and rotate the secret.`);
    } else if (i.hashSource === 'unknown' && i.identifiers.length > 0) {
      about(i, `sends a hash whose origin is not visible here: check that the server computes it.`);
    }
  }
  if (scheme === 'mixed') {
    // Enforcing either scheme rejects the users of the installations that send the other.
    ready = false;
    const list = (s: 'hmac' | 'jwt') => {
      const at = group.filter((i) => i.scheme === s).map(where);
      return at.length > MIX_SHOWN ? `${at.slice(0, MIX_SHOWN).join(', ')} and ${at.length - MIX_SHOWN} more` : at.join(', ');
    };
    const prefer = vendor.recommends?.scheme === 'jwt' ? 'JWT' : 'one scheme';
    const why = `enforcing either scheme rejects the users of the other; move every installation to ${prefer} before enforcing.`;
    // Without the places for a view, whose rows already say which scheme each one sends.
    general(`Mixes HMAC (${list('hmac')}) and JWT (${list('jwt')}): ${why}`, `Mixes HMAC and JWT: ${why}`);
  }
  if (!group.some((i) => i.identifiers.length > 0 || i.sendsHash)) {
    general('No installation identifies a user; anonymous visitors are not affected by enforcement.');
  }
  if (platform !== 'web') general(MOBILE_REMINDER);
  const notes: string[] = [];
  if ((scheme === 'hmac' || scheme === 'mixed') && vendor.recommends?.scheme === 'jwt' && vendor.jwt) {
    notes.push(`${vendor.recommends.why}: migrate ${platform === 'web' ? vendor.hashField : 'setUserHash'} to ${(platform === 'web' ? vendor.jwt.field : vendor.jwt.mobile?.call) ?? vendor.jwt.field} (server first, then the clients; enforce last).`);
  }
  return { readiness: { vendor: vendorId, platform, ready, scheme, reasons: reasons.map((r) => r.text), notes }, reasons };
}

/** The proof the group's installations send: one scheme, both, or none at all. */
function schemeOf(group: readonly Installation[]): PlatformScheme {
  const used = new Set(group.map((i) => i.scheme).filter((s) => s !== 'none'));
  if (used.size === 0) return 'none';
  return used.size > 1 ? 'mixed' : used.has('jwt') ? 'jwt' : 'hmac';
}
