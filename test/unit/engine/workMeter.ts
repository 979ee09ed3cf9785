/**
 * Counts the work the engine does instead of timing it, so linear-time checks hold on a machine
 * busy with other jobs (timed ratios failed there: "2x the input took 4.05x the time"). Every
 * string primitive the engine scans with, and every regular-expression execution, is wrapped
 * to add the characters it moves over; `RegExp.prototype.exec` is what `test`, `match`,
 * `replace`, `split` and `matchAll` call for a regex, so one wrapper covers them. Backtracking
 * inside one execution is not visible here: `regexBacktracks.test.ts` bounds it with V8's own
 * counter in a child process.
 */

type Fn = (...args: never[]) => unknown;

/** Runs `fn` with the meter on; resolves to the characters visited. Not reentrant. */
export function countWork(fn: () => void): number {
  let work = 0;
  const S = String.prototype as unknown as Record<string, Fn>;
  const R = RegExp.prototype as unknown as Record<string, Fn>;
  const saved: [Record<string, Fn>, string, Fn][] = [];
  const wrap = (proto: Record<string, Fn>, name: string, cost: (self: string & RegExp, args: unknown[], result: unknown) => number) => {
    const original = proto[name] as Fn;
    saved.push([proto, name, original]);
    proto[name] = function (this: string & RegExp, ...args: unknown[]) {
      const result = (original as (...a: unknown[]) => unknown).apply(this, args);
      work += cost(this, args, result);
      return result;
    };
  };
  const len = (s: unknown) => String(s).length;
  const scanned = (self: string, args: unknown[], result: unknown) => {
    const from = Math.max(0, Number(args[1] ?? 0) | 0);
    return 1 + (typeof result === 'number' && result >= 0 ? result - from + len(args[0]) : Math.max(0, len(self) - from));
  };
  wrap(S, 'indexOf', scanned);
  wrap(S, 'lastIndexOf', (self) => 1 + len(self));
  wrap(S, 'includes', (self, args, result) => 1 + (result ? len(args[0]) : len(self)));
  for (const name of ['startsWith', 'endsWith']) wrap(S, name, (_self, args) => 1 + len(args[0]));
  for (const name of ['slice', 'substring', 'substr', 'toLowerCase', 'toUpperCase', 'trim', 'trimStart', 'trimEnd', 'normalize']) wrap(S, name, (_self, _args, result) => 1 + len(result));
  for (const name of ['charCodeAt', 'charAt', 'codePointAt', 'at']) wrap(S, name, () => 1);
  wrap(S, 'split', (self) => 1 + len(self));
  const exec = R.exec as Fn;
  saved.push([R, 'exec', exec]);
  R.exec = function (this: RegExp, input: unknown) {
    const from = this.global || this.sticky ? this.lastIndex : 0;
    const m = (exec as (s: unknown) => RegExpExecArray | null).call(this, input);
    const length = String(input).length;
    work += 1 + (m ? Math.max(0, m.index + m[0].length - from) : Math.max(0, length - Math.min(from, length)));
    return m;
  };
  try {
    fn();
  } finally {
    for (const [proto, name, original] of saved.reverse()) proto[name] = original;
  }
  return work;
}
