/** Where a hit or a skip is, written one way for every host. */
import type { LeakHit, LeakLocation } from './types';

/**
 * `dist/app.apk!/res/values/strings.xml`: the path as the host shows it, then each archive
 * entry on the way, as Java and Android tools write a location inside an archive.
 */
export function leakLocationText(location: LeakLocation, displayPath: string): string {
  return `${displayPath}${(location.entry ?? []).map((e) => `!/${e.replace(/^\/+/, '')}`).join('')}`;
}

/** `:12:5` in text, ` (byte 1234)` elsewhere: where in the file, entry or blob the hit is. */
export function leakPositionText(hit: LeakHit): string {
  return hit.line !== undefined ? `:${hit.line}:${hit.column ?? 1}` : ` (byte ${hit.offset})`;
}
