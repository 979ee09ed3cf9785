/**
 * `secretNamePatterns` from `.idvrc.json`: extra names that hold a secret, as globs matched
 * case-insensitively against a whole name (picomatch syntax: `*`, `?`, `[...]`, `{a,b}`,
 * extglobs such as `@(a|b)`). One compiled form serves both places that need it: the rules ask
 * `matches(name)`, and the pre-filter searches the text for `needles`, literal runs that every
 * matching name contains (case-insensitively), so a file without them is skipped safely.
 */
import picomatch from 'picomatch';

export interface NamePatterns {
  /** Whether `name` matches one of the patterns, ignoring case. */
  readonly matches: (name: string) => boolean;
  /** Lowercase strings of which every matching name contains at least one. */
  readonly needles: readonly string[];
  /** Whether one of the needles occurs in `text`, ignoring case. */
  occursIn(text: string): boolean;
  /** Offsets of needle occurrences in `text`, ignoring case, ascending, at most `max`. */
  offsetsIn(text: string, max: number): number[];
  /** One message per pattern that cannot be used, naming the pattern. */
  readonly errors: readonly string[];
}

/** The shortest literal run a pattern must hold to be searched for cheaply. */
export const MIN_NEEDLE = 3;

const cache = new WeakMap<readonly string[], NamePatterns>();

/** Compiles the patterns once per array (configs are frozen and reused for every file). */
export function compileNamePatterns(patterns: readonly string[]): NamePatterns {
  const cached = cache.get(patterns);
  if (cached) return cached;
  const errors: string[] = [];
  const needles = new Set<string>();
  const usable: string[] = [];
  for (const p of patterns) {
    const shown = JSON.stringify(p.length > 60 ? `${p.slice(0, 57)}...` : p);
    if (p.startsWith('!')) {
      errors.push(`${shown}: negated patterns are not supported (they would call almost every name a secret)`);
      continue;
    }
    try {
      picomatch.makeRe(p, { nocase: true, dot: true });
    } catch (error) {
      errors.push(`${shown} is not a valid glob (${(error as Error).message})`);
      continue;
    }
    const required = requiredLiterals(p);
    if (required === undefined) {
      errors.push(`${shown} has no run of ${MIN_NEEDLE} or more plain characters that every match contains (such as _PEPPER in *_PEPPER)`);
      continue;
    }
    for (const n of required) needles.add(n.toLowerCase());
    usable.push(p);
  }
  const isMatch = usable.length === 0 ? () => false : picomatch(usable, { nocase: true, dot: true });
  const list = [...needles];
  const search = list.length === 0 ? undefined : new RegExp(list.map(escapeRegExp).join('|'), 'gi');
  const compiled: NamePatterns = {
    matches: (name) => name.length <= 200 && isMatch(name),
    needles: list,
    errors,
    occursIn(text) {
      if (!search) return false;
      search.lastIndex = 0;
      return search.test(text);
    },
    offsetsIn(text, max) {
      const out: number[] = [];
      if (!search) return out;
      search.lastIndex = 0;
      for (let m = search.exec(text); m && out.length < max; m = search.exec(text)) out.push(m.index);
      return out;
    },
  };
  cache.set(patterns, compiled);
  return compiled;
}

/**
 * Strings of which every name matched by `glob` contains one: its longest plain run outside
 * wildcards and groups, else the alternatives of a brace or extglob group when each has one.
 * Undefined when no such set exists (`*`, `?_*`).
 */
export function requiredLiterals(glob: string): string[] | undefined {
  const { runs, groups } = split(glob);
  const best = runs.sort((a, b) => b.length - a.length)[0];
  if (best !== undefined && best.length >= MIN_NEEDLE) return [best];
  for (const alternatives of groups) {
    const sets = alternatives.map(requiredLiterals);
    if (sets.every((s): s is string[] => s !== undefined)) return sets.flat();
  }
  return undefined;
}

/** The plain runs at the top level of `glob`, and the alternatives of each `{a,b}` or `@(a|b)` group. */
function split(glob: string): { runs: string[]; groups: string[][] } {
  const runs: string[] = [];
  const groups: string[][] = [];
  let run = '';
  const flush = () => {
    if (run !== '') runs.push(run);
    run = '';
  };
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i] as string;
    if (c === '\\' && i + 1 < glob.length) {
      run += glob[++i];
    } else if (c === '{' || c === '(' || ('@!+*?'.includes(c) && glob[i + 1] === '(')) {
      flush();
      const open = c === '{' ? '{' : '(';
      const start = c === '{' || c === '(' ? i : i + 1;
      const end = matching(glob, start, open, open === '{' ? '}' : ')');
      if (end < 0) return { runs: [], groups: [] };
      // Only `{a,b}` and `@(a|b)` / `(a|b)` must match one alternative; `!(..)`, `*(..)`, `?(..)`, `+(..)` need not.
      const alternatives = alternativesOf(glob.slice(start + 1, end), open === '{' ? ',' : '|');
      // `{1..3}` is a range and `{abc}` no choice at all: neither gives a required literal.
      if ((c === '{' && alternatives.length > 1) || c === '@' || c === '(') groups.push(alternatives);
      i = end;
    } else if (c === '[') {
      flush();
      const end = glob.indexOf(']', i + 2);
      if (end < 0) return { runs: [], groups: [] };
      i = end;
    } else if (c === '*' || c === '?' || c === '/') {
      flush();
    } else {
      run += c;
    }
  }
  flush();
  return { runs, groups };
}

/** The index of the bracket closing the one at `start`, counting nesting; -1 when unclosed. */
function matching(glob: string, start: number, open: string, close: string): number {
  let depth = 0;
  for (let i = start; i < glob.length; i++) {
    const c = glob[i];
    if (c === '\\') i++;
    else if (c === open) depth++;
    else if (c === close && --depth === 0) return i;
  }
  return -1;
}

/** `a,b{c,d},e` → [`a`, `b{c,d}`, `e`]: separators at the top level only. */
function alternativesOf(body: string, separator: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let from = 0;
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c === '\\') i++;
    else if (c === '{' || c === '(') depth++;
    else if (c === '}' || c === ')') depth--;
    else if (c === separator && depth === 0) {
      out.push(body.slice(from, i));
      from = i + 1;
    }
  }
  out.push(body.slice(from));
  return out;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
