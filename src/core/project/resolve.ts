/**
 * Import specifiers to project paths, without reading a tsconfig: relative paths, and the
 * `@/`, `~/` and SvelteKit `$lib/` aliases tried against `src/` and then the folder itself, from
 * the project root down to the importer's folder. A specifier that matches no module of the
 * project is left unresolved: a package, or an alias configured otherwise.
 */

const EXTENSIONS = ['.ts', '.tsx', '.js', '.jsx', '.mjs', '.cjs', '.mts', '.cts'];
const INDEX = EXTENSIONS.map((e) => `/index${e}`);
const EXPLICIT = /\.[cm]?[jt]sx?$/;

/** Resolves specifiers against a fixed set of module paths. */
export class Resolver {
  constructor(private readonly paths: ReadonlySet<string>) {}

  /** The project path `source`, imported from `importer`, names; undefined for packages and misses. */
  resolve(importer: string, source: string): string | undefined {
    if (source.startsWith('./') || source.startsWith('../') || source === '.' || source === '..') {
      return this.file(join(dirOf(importer), source));
    }
    const alias = /^(?:@|~|\$lib)\//.exec(source);
    if (!alias) return undefined;
    const rest = source.slice(alias[0].length);
    const lib = alias[0] === '$lib/';
    // From the root down: `apps/web/src/lib/x` for `@/lib/x` imported in apps/web/src/app/page.tsx.
    const dirs = ancestors(dirOf(importer));
    for (const dir of dirs) {
      const candidates = lib ? [join(dir, `src/lib/${rest}`)] : [join(dir, `src/${rest}`), join(dir, rest)];
      for (const c of candidates) {
        const hit = this.file(c);
        if (hit) return hit;
      }
    }
    return undefined;
  }

  private file(base: string): string | undefined {
    if (base.startsWith('../')) return undefined;
    if (EXPLICIT.test(base)) {
      if (this.paths.has(base)) return base;
      // TypeScript's ESM style: `./x.js` names `x.ts`.
      const stem = base.replace(/\.[cm]?jsx?$/, '');
      if (stem !== base) for (const e of ['.ts', '.tsx', '.mts', '.cts']) if (this.paths.has(stem + e)) return stem + e;
    }
    for (const e of EXTENSIONS) if (this.paths.has(base + e)) return base + e;
    for (const i of INDEX) if (this.paths.has(base + i)) return base + i;
    return undefined;
  }
}

function dirOf(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash < 0 ? '' : path.slice(0, slash);
}

/** `''`, `a`, `a/b` for `a/b`: the root first. */
function ancestors(dir: string): string[] {
  const out = [''];
  if (dir === '') return out;
  const parts = dir.split('/');
  for (let i = 1; i <= parts.length; i++) out.push(parts.slice(0, i).join('/'));
  return out;
}

/** Posix join with `.` and `..` folded; a result above the root starts with `../`. */
export function join(dir: string, rel: string): string {
  const out: string[] = [];
  let above = 0;
  for (const part of `${dir}/${rel}`.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (out.length > 0) out.pop();
      else above++;
    } else out.push(part);
  }
  return '../'.repeat(above) + out.join('/');
}
