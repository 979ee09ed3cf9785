/**
 * The dependencies a project's manifests declare, per package manager. Each reader is a few
 * lines of tolerant text matching: a manifest that does not parse gives what could be read,
 * never an error, since the picker only ranks and pre-fills with it.
 */
import type { Ecosystem } from '../vendors';

/** A manifest's file name and the package manager it belongs to. */
const MANIFESTS: Readonly<Record<string, Ecosystem>> = {
  'package.json': 'npm', Gemfile: 'gem', 'requirements.txt': 'pypi', 'pyproject.toml': 'pypi', 'composer.json': 'composer',
  'go.mod': 'go', 'build.gradle': 'gradle', 'build.gradle.kts': 'gradle', Podfile: 'cocoapods', 'pubspec.yaml': 'pub',
};

/** Lock files name the package manager; their contents are not needed. */
export const LOCK_FILES: Readonly<Record<string, 'npm' | 'yarn' | 'pnpm' | 'bun'>> = {
  'package-lock.json': 'npm', 'yarn.lock': 'yarn', 'pnpm-lock.yaml': 'pnpm', 'bun.lockb': 'bun', 'bun.lock': 'bun',
};

/**
 * Manifests below the root belong to nested projects (a monorepo's apps, which the host reads
 * as projects of their own), except the native folders of a mobile app: `ios/Podfile`,
 * `android/app/build.gradle`.
 */
const NATIVE_FOLDER = /^(?:ios|android)\/(?:app\/)?(?:Podfile|build\.gradle(?:\.kts)?)$/;

const baseName = (path: string): string => path.slice(path.lastIndexOf('/') + 1);

/** The package manager of a manifest path, when it is one the model reads. */
export function manifestEcosystem(path: string): Ecosystem | undefined {
  return !path.includes('/') || NATIVE_FOLDER.test(path) ? MANIFESTS[baseName(path)] : undefined;
}

/** One dependency declared by a manifest. */
export interface Dependency {
  readonly ecosystem: Ecosystem;
  readonly name: string;
  /** The version as written (package.json), for the auth helper's major version. */
  readonly version?: string;
  readonly manifest: string;
}

/** Every dependency `text` (the manifest at `path`) declares. */
export function readManifest(path: string, text: string): Dependency[] {
  const ecosystem = manifestEcosystem(path);
  if (!ecosystem) return [];
  const dep = (name: string, version?: string): Dependency => ({ ecosystem, name, manifest: path, ...(version !== undefined ? { version } : {}) });
  const all = (pattern: RegExp, group = 1) => [...text.matchAll(pattern)].map((m) => dep(m[group] ?? ''));
  switch (baseName(path)) {
    case 'package.json': return jsonSections(text, ['dependencies', 'devDependencies', 'peerDependencies']).map(([n, v]) => dep(n, v));
    case 'composer.json': return jsonSections(text, ['require', 'require-dev']).map(([n, v]) => dep(n, v));
    case 'Gemfile': return all(/^\s*gem\s+["']([^"']+)["']/gm);
    case 'requirements.txt': return all(/^\s*([A-Za-z0-9][A-Za-z0-9._-]*)/gm).map((d) => ({ ...d, name: d.name.toLowerCase() }));
    case 'pyproject.toml': return pyproject(text).map((n) => dep(n));
    case 'go.mod': return all(/^\s*(?:require\s+)?([a-z0-9.-]+\.[a-z]+\/[^\s]+)\s+v\d/gm);
    case 'Podfile': return all(/^\s*pod\s+["']([^"'/]+)/gm);
    case 'pubspec.yaml': return all(/^ {2}([a-z_][a-z0-9_]*):/gm);
    default: return [
      // Gradle: 'group:artifact:version' coordinates and plugin ids.
      ...all(/["']([\w.-]+:[\w.-]+)(?::[^"']*)?["']/g),
      ...all(/\bid\s*\(?\s*["']([\w.-]+)["']/g),
    ];
  }
}

function jsonSections(text: string, sections: readonly string[]): [string, string][] {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return [];
  }
  if (typeof json !== 'object' || json === null) return [];
  return sections.flatMap((s) => {
    const deps = (json as Record<string, unknown>)[s];
    return typeof deps === 'object' && deps !== null ? Object.entries(deps).map(([n, v]): [string, string] => [n, String(v)]) : [];
  });
}

/** PEP 621 `dependencies = ["django>=4"]` strings and Poetry's `[tool.poetry.dependencies]` keys. */
function pyproject(text: string): string[] {
  const names: string[] = [];
  let inDeps = false;
  for (const line of text.split('\n')) {
    const header = /^\s*\[([^\]]+)\]/.exec(line);
    if (header) inDeps = /dependencies/.test(header[1] ?? '');
    const key = inDeps ? /^\s*([A-Za-z0-9][A-Za-z0-9._-]*)\s*=/.exec(line) : null;
    if (key?.[1] && key[1] !== 'python') names.push(key[1]);
    for (const m of line.matchAll(/["']([A-Za-z0-9][A-Za-z0-9._-]*)\s*(?:\[[^\]]*\])?\s*(?:[<>=!~;]|["'])/g)) names.push(m[1] ?? '');
  }
  return names.map((n) => n.toLowerCase());
}
