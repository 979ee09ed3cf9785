/** Builds the project model from what the host read; and the answers the picker asks of it. */
import { VENDOR_DEFINITIONS, VENDORS, type Vendor, type VendorId } from '../vendors';
import { atAliasOf, AUTH_CANDIDATES, findAuth, importSpecifier } from './auth';
import { findFrameworks } from './frameworks';
import { LOCK_FILES, manifestEcosystem, readManifest } from './manifests';
import type { SdkUse, WorkspaceInput, WorkspaceModel } from './types';

const ALIAS_FILES = ['tsconfig.json', 'jsconfig.json'];

/** Of the project's paths, those whose text the model needs: manifests, path aliases, auth modules. */
export function filesToRead(paths: readonly string[]): string[] {
  return paths.filter((p) => manifestEcosystem(p) !== undefined || ALIAS_FILES.includes(p) || AUTH_CANDIDATES.includes(p));
}

/** The project model of one project. */
export function describeWorkspace(input: WorkspaceInput): WorkspaceModel {
  const deps = [...input.texts].flatMap(([path, text]) => readManifest(path, text));
  const { frameworks, layout } = findFrameworks(deps, input.paths);
  const sdks: SdkUse[] = [];
  for (const d of deps) {
    for (const v of VENDOR_DEFINITIONS) {
      if (v.packages?.[d.ecosystem]?.includes(d.name) && !sdks.some((s) => s.package === d.name)) sdks.push({ vendor: v.facts.id, package: d.name, manifest: d.manifest });
    }
  }
  const envReads = input.envReads ?? [];
  const vendors: VendorId[] = [...new Set([
    ...sdks.map((s) => s.vendor),
    ...VENDORS.filter((v) => envReads.some((e) => secretLike(e.name, v))).map((v) => v.id),
  ])];
  const alias = ALIAS_FILES.map((f) => input.texts.get(f)).find((t) => t !== undefined);
  const atAlias = alias === undefined ? undefined : atAliasOf(alias);
  const auth = findAuth(input.texts, deps);
  const lock = input.paths.find((p) => LOCK_FILES[p] !== undefined);
  return {
    frameworks, sdks, vendors, envReads,
    layout: { ...layout, ...(atAlias !== undefined ? { atAlias } : {}) },
    ...(auth ? { auth } : {}),
    ...(lock ? { packageManager: LOCK_FILES[lock] } : {}),
  };
}

const PUBLIC_PREFIX = /^(?:NEXT_PUBLIC|REACT_APP|VITE|EXPO_PUBLIC|PUBLIC|NUXT_PUBLIC|GATSBY)_/;
const SECRET_WORD = /(?:^|_)(?:SECRET|HMAC|IDENTITY|VERIFICATION|HASH|SIGNING|JWT)(?:_|$)/;

/** The vendor's name as environment variables spell it: `INTERCOM`, `HELPSCOUT`, `TAWK`. */
function vendorWords(vendor: Vendor): string[] {
  const words = [vendor.id.toUpperCase(), vendor.name.toUpperCase().replace(/[^A-Z]/g, '')];
  return [...new Set([...words, ...words.map((w) => w.replace(/TO$/, ''))])];
}

/** A server-side name that holds this vendor's secret, by its words. */
function secretLike(name: string, vendor: Vendor): boolean {
  if (PUBLIC_PREFIX.test(name)) return false;
  return name === vendor.envVar || (vendorWords(vendor).some((w) => name.split('_').includes(w)) && SECRET_WORD.test(name));
}

/**
 * The environment variable the project's code already reads the vendor's secret from: the
 * vendor's conventional name when it is read, else the secret-like name read most often.
 */
export function secretEnvVar(model: WorkspaceModel, vendor: Vendor): string | undefined {
  const counts = new Map<string, number>();
  for (const e of model.envReads) if (secretLike(e.name, vendor)) counts.set(e.name, (counts.get(e.name) ?? 0) + 1);
  if (counts.has(vendor.envVar)) return vendor.envVar;
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
}

/** The imports and the user expression a snippet written to project path `from` uses, when the model found the auth module. */
export function authFor(model: WorkspaceModel, from: string): { imports: string[]; user: string } | undefined {
  const auth = model.auth;
  if (!auth) return undefined;
  return {
    imports: [...auth.packageImports, `import { ${auth.names.join(', ')} } from '${importSpecifier(auth.file, from, model.layout.atAlias)}';`],
    user: auth.user,
  };
}
