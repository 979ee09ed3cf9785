/**
 * Colour for text output on a terminal. Decided once per run from the io, never from `process`,
 * so tests drive every case in-process. The order follows the conventions tools share:
 * `--no-color` always wins; `FORCE_COLOR` (Node's rule: any value but `0` or `false`) turns colour
 * on even for a pipe, ahead of `NO_COLOR` as in Node itself; `NO_COLOR` with a value turns it off
 * (https://no-color.org); otherwise colour when standard output is a terminal that is not `dumb`.
 */
import type { Severity } from '../../core/engine/index';
import type { CliIo } from '../io';

/** Wraps parts of a line in colour, or returns them unchanged when colour is off. */
export interface Palette {
  readonly enabled: boolean;
  severity(severity: Severity, text?: string): string;
  /** File paths and locations: dimmed, so the message stands out. */
  path(text: string): string;
  rule(text: string): string;
  good(text: string): string;
  bad(text: string): string;
  strong(text: string): string;
}

/** Whether text written to `io.stdout` should be coloured. */
export function colorEnabled(io: Pick<CliIo, 'env' | 'stdoutIsTTY' | 'noColor'>): boolean {
  if (io.noColor === true) return false;
  const force = io.env.FORCE_COLOR;
  if (force !== undefined) return force !== '0' && force !== 'false';
  if ((io.env.NO_COLOR ?? '') !== '') return false;
  return io.stdoutIsTTY === true && io.env.TERM !== 'dumb';
}

// Each colour is closed by its own reset code (39 colour, 22 dim/bold) so that nesting is safe.
const sgr = (open: number, close: number) => (text: string) => `\u001b[${open}m${text}\u001b[${close}m`;
const red = sgr(31, 39);
const yellow = sgr(33, 39);
const green = sgr(32, 39);
const blue = sgr(34, 39);
const cyan = sgr(36, 39);
const dim = sgr(2, 22);
const bold = sgr(1, 22);
const SEVERITY: Readonly<Record<Severity, (text: string) => string>> = { error: (t) => bold(red(t)), warning: yellow, info: blue };
const same = (text: string) => text;

/** The palette for `io`'s standard output. */
export function paletteFor(io: Pick<CliIo, 'env' | 'stdoutIsTTY' | 'noColor'>): Palette {
  return colorEnabled(io) ? COLOR : PLAIN;
}

export const PLAIN: Palette = { enabled: false, severity: (s, t = s) => t, path: same, rule: same, good: same, bad: same, strong: same };
const COLOR: Palette = { enabled: true, severity: (s, t = s) => SEVERITY[s](t), path: dim, rule: cyan, good: green, bad: (t) => bold(red(t)), strong: bold };
