/**
 * Files not worth linting, with a reason the editor can show: binaries, lock files, checksum
 * lists, minified bundles and files over the size limit.
 */
import { basename } from './lang';

/** Default size limit; `maxFileSizeBytes` in `.idvrc.json` overrides it. */
export const DEFAULT_MAX_FILE_SIZE = 2 * 1024 * 1024;

const LOCK_FILES = new Set([
  // `.package-lock.json` is npm's hidden copy inside node_modules.
  'package-lock.json', '.package-lock.json', 'npm-shrinkwrap.json', 'yarn.lock', 'pnpm-lock.yaml', 'bun.lockb', 'bun.lock',
  'gemfile.lock', 'composer.lock', 'cargo.lock', 'poetry.lock', 'pipfile.lock', 'uv.lock', 'go.sum',
  'podfile.lock', 'pubspec.lock', 'mix.lock', 'packages.lock.json', 'flake.lock', 'gradle.lockfile', 'package.resolved',
]);
const CHECKSUMS = /^(?:sha(?:1|256|512)?sums?(?:256)?(?:\.txt)?|checksums?(?:\.txt)?|.*\.(?:sha1|sha256|sha512|md5|sig|asc))$/;
const BINARY_EXTENSIONS = new Set([
  'png', 'jpg', 'jpeg', 'gif', 'webp', 'ico', 'icns', 'bmp', 'tif', 'tiff', 'psd', 'pdf', 'zip', 'gz', 'tgz', 'bz2',
  'xz', '7z', 'rar', 'jar', 'war', 'aar', 'apk', 'ipa', 'class', 'dex', 'so', 'dylib', 'dll', 'exe', 'o', 'a', 'lib',
  'wasm', 'pyc', 'pyo', 'woff', 'woff2', 'ttf', 'otf', 'eot', 'mp3', 'mp4', 'mov', 'avi', 'webm', 'wav', 'ogg',
  'flac', 'sqlite', 'db', 'bin', 'dat', 'keystore', 'jks', 'p12', 'pfx', 'der', 'node',
]);
/** How much of a file the minified check samples; one newline per this many bytes is normal. */
const SAMPLE = 4096;
const MAX_AVERAGE_LINE = 1000;

/**
 * Why `path` should not be linted, or undefined to lint it. `firstBytes` (the start of the
 * file, a few KB) lets the check see binary content and minified code when the name does not.
 */
export function shouldSkip(path: string, sizeBytes: number, firstBytes?: Uint8Array, maxBytes = DEFAULT_MAX_FILE_SIZE): string | undefined {
  const name = basename(path).toLowerCase();
  if (LOCK_FILES.has(name) || name.endsWith('.lock')) return 'lock file';
  if (CHECKSUMS.test(name)) return 'checksum file';
  const dot = name.lastIndexOf('.');
  if (dot >= 0 && BINARY_EXTENSIONS.has(name.slice(dot + 1))) return 'binary file';
  if (/\.min\.(?:js|mjs|cjs|css)$|\.map$/.test(name)) return 'minified file';
  if (sizeBytes > maxBytes) return `larger than ${formatSize(maxBytes)}`;
  if (firstBytes) {
    const sample = firstBytes.subarray(0, SAMPLE);
    if (sample.includes(0)) return 'binary file';
    if (sample.length >= SAMPLE) {
      // A plain loop that stops at the few newlines needed: code has them within a few hundred
      // bytes, and each native Buffer indexOf call costs more than that loop.
      let newlines = 0;
      const needed = sample.length / MAX_AVERAGE_LINE;
      for (let i = 0; i < sample.length && newlines < needed; i++) if (sample[i] === 10) newlines++;
      if (newlines < needed) return 'minified file (very long lines)';
    }
  }
  return undefined;
}

function formatSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB` : `${Math.round(bytes / 1024)} KB`;
}
