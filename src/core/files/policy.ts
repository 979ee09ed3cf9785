/**
 * Which files a scan reads, decided once for `idv scan`, `idv check`, Scan Workspace, Check
 * Installation and the live linter. Anything not read is a `Skip` with a reason the user is shown:
 * a scanner that says "nothing found" about a file it did not read cannot be trusted.
 */

/** Why a file (or folder) was not read, or was read only in part. */
export type SkipKind =
  | 'lock-file' | 'checksum-file' | 'binary' | 'source-map' | 'too-large' | 'ignored'
  | 'symlink' | 'not-regular' | 'outside-root' | 'unreadable' | 'excluded-folder'
  /** An archive entry over a size or nesting bound (zip bombs): `idv find-secret`. */
  | 'archive-limit';

export interface Skip {
  readonly kind: SkipKind;
  /** One line for people: what the file is and, where one exists, how to have it read. */
  readonly reason: string;
}

/** Short labels for counts such as "3 files not checked (2 binary, 1 over 2 MB)". */
export const SKIP_LABELS: Readonly<Record<SkipKind, string>> = {
  'lock-file': 'lock file', 'checksum-file': 'checksum list', binary: 'binary', 'source-map': 'source map',
  'too-large': 'too large', ignored: 'ignored by .idvrc.json', symlink: 'symbolic link', 'not-regular': 'not a regular file',
  'outside-root': 'outside the scanned folder', unreadable: 'unreadable', 'excluded-folder': 'dependency or build folder',
  'archive-limit': 'over an archive limit',
};

/** Default size limit; `maxFileSizeBytes` in `.idvrc.json` overrides it. */
export const DEFAULT_MAX_FILE_SIZE = 2 * 1024 * 1024;

/**
 * Folders never walked: dependencies, build output, VCS metadata, caches. One list for the CLI
 * walk and the editor's findFiles exclude (`excludedFolderGlob`); each one skipped is reported.
 */
export const SKIPPED_FOLDERS: ReadonlySet<string> = new Set([
  'node_modules', 'bower_components', 'jspm_packages', 'dist', 'build', 'out', '.git', '.hg', '.svn', '.next', '.nuxt',
  '.output', '.svelte-kit', '.vercel', '.netlify', '.turbo', '.cache', '.parcel-cache', 'coverage', '.nyc_output',
  'vendor', 'Pods', 'DerivedData', '.dart_tool', '.gradle', 'target', '__pycache__', '.venv', 'venv', '.tox',
  '.mypy_cache', '.pytest_cache', '.vscode-test', '.idea', 'obj',
]);

/** `**\/{node_modules,...}/**` for VS Code's findFiles. */
export function excludedFolderGlob(): string {
  return `**/{${[...SKIPPED_FOLDERS].join(',')}}/**`;
}

/** The first skipped folder on a relative posix path (`a/node_modules/b.js` → `a/node_modules`). */
export function skippedFolderOf(relPosix: string): string | undefined {
  const parts = relPosix.split('/');
  for (let i = 0; i < parts.length - 1; i++) if (SKIPPED_FOLDERS.has(parts[i] ?? '')) return parts.slice(0, i + 1).join('/');
  return undefined;
}

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

/**
 * Why a file is not worth opening, judged by its name alone: lock files and checksum lists
 * (hashes everywhere, never a secret's name), binary formats, and source maps (they repeat the
 * sources, which are scanned themselves). Undefined: open it.
 */
export function skipByName(path: string): Skip | undefined {
  const slash = path.lastIndexOf('/');
  const name = path.slice(slash + 1).toLowerCase();
  if (LOCK_FILES.has(name) || name.endsWith('.lock')) return { kind: 'lock-file', reason: 'lock file (dependency hashes, no secrets by name)' };
  if (CHECKSUMS.test(name)) return { kind: 'checksum-file', reason: 'checksum or signature list' };
  const dot = name.lastIndexOf('.');
  const ext = dot >= 0 ? name.slice(dot + 1) : '';
  if (BINARY_EXTENSIONS.has(ext)) return { kind: 'binary', reason: `binary file (.${ext})` };
  if (ext === 'map') return { kind: 'source-map', reason: 'source map (the sources it maps are scanned themselves)' };
  return undefined;
}

/** The skip for a file over the size limit, naming the setting that raises it. */
export function tooLarge(maxBytes: number): Skip {
  return { kind: 'too-large', reason: `over ${formatSize(maxBytes)} (raise "maxFileSizeBytes" in .idvrc.json to read it)` };
}

/** `2 MB`, `512 KB`, `17 bytes`. */
export function formatSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;
  return bytes >= 1024 ? `${Math.round(bytes / 1024)} KB` : `${bytes} bytes`;
}
