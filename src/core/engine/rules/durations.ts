/**
 * How long a token lives, read from how code spells it: `expiresIn: '1h'` or `3600`, jose's
 * `setExpirationTime('2h')`, `Math.floor(Date.now() / 1000) + 60 * 60`, Python's
 * `now + timedelta(days=30)`, Ruby's `30.days.from_now.to_i`, PHP's `time() + 3600`, Go's
 * `time.Now().Add(24 * time.Hour)`. Undefined when the spelling is not one of those: the rule
 * then says nothing about the length. Every reader is a bounded regex over a short text.
 */

const UNIT_SECONDS: Readonly<Record<string, number>> = {
  ms: 0.001, s: 1, sec: 1, secs: 1, second: 1, seconds: 1, m: 60, min: 60, mins: 60, minute: 60, minutes: 60,
  h: 3600, hr: 3600, hrs: 3600, hour: 3600, hours: 3600, d: 86400, day: 86400, days: 86400,
  w: 604800, week: 604800, weeks: 604800, y: 31557600, yr: 31557600, yrs: 31557600, year: 31557600, years: 31557600,
};

/** A vercel/ms string (`'1h'`, `"30 days"`) or a bare number of seconds. */
const MS_STRING = /^["'`]?\s*(\d{1,9}(?:\.\d{1,6})?)\s*([a-z]{1,7})?\s*["'`]?$/i;
/** `timedelta(days=30, hours=1)`. */
const TIMEDELTA = /timedelta\(([^()]{1,120})\)/;
/** Ruby `30.days`, Go `24 * time.Hour` and `time.Hour * 24`, products of numbers. */
const GO_UNITS: Readonly<Record<string, number>> = { Nanosecond: 1e-9, Microsecond: 1e-6, Millisecond: 0.001, Second: 1, Minute: 60, Hour: 3600 };

/** Seconds the text spells as a duration, or undefined. */
export function durationSeconds(raw: string): number | undefined {
  const text = raw.trim();
  if (text.length === 0 || text.length > 200) return undefined;
  const ms = MS_STRING.exec(text);
  if (ms) {
    const unit = (ms[2] ?? 's').toLowerCase();
    const factor = UNIT_SECONDS[unit];
    // A bare number in a string is milliseconds to vercel/ms, seconds to jsonwebtoken's number.
    if (factor === undefined) return undefined;
    const quoted = /^["'`]/.test(text);
    return Number(ms[1]) * (ms[2] === undefined && quoted ? 0.001 : factor);
  }
  const delta = TIMEDELTA.exec(text);
  if (delta) {
    let total = 0;
    for (const part of (delta[1] as string).split(',')) {
      const kv = /^\s*(weeks|days|hours|minutes|seconds)\s*=\s*(\d{1,9}(?:\.\d{1,6})?)\s*$/.exec(part);
      if (!kv) return undefined;
      total += Number(kv[2]) * (UNIT_SECONDS[kv[1] as string] as number);
    }
    return total;
  }
  return product(text);
}

/**
 * The seconds an expiry expression adds to "now": the part after its last top-level `+`
 * (`Date.now() / 1000 + 3600`, `time() + 60 * 60`), Ruby's `N.unit.from_now`, or Go's
 * `Now().Add(d)`; undefined when it is not spelled that way.
 */
export function expirySeconds(raw: string): number | undefined {
  const text = raw.trim();
  if (text.length > 300) return undefined;
  // `30.days.from_now`, `(Time.now + 1.hour).to_i`.
  const ruby = /(\d{1,9})\.(seconds?|minutes?|hours?|days?|weeks?|years?)\.from_now/.exec(text) ?? /\+\s*(\d{1,9})\.(seconds?|minutes?|hours?|days?|weeks?|years?)\b/.exec(text);
  if (ruby) return Number(ruby[1]) * (UNIT_SECONDS[ruby[2] as string] as number);
  const goAdd = /Now\(\)\.Add\(([^()]{1,120})\)/.exec(text);
  if (goAdd) return product(goAdd[1] as string);
  const delta = TIMEDELTA.exec(text);
  if (delta) return durationSeconds(delta[0]);
  const plus = topLevelPlus(text);
  return plus < 0 ? undefined : product(text.slice(plus + 1).replace(/\)+\s*$/, ''));
}

/** `60 * 60 * 24`, `24 * time.Hour`, `30.days`, `(3600)`: a product of numbers and units. */
function product(raw: string): number | undefined {
  const text = raw.trim().replace(/^\(+|\)+$/g, '');
  if (!/^[\w.\s*]{1,120}$/.test(text)) return undefined;
  let total = 1;
  for (const factor of text.split('*')) {
    const f = factor.trim();
    const go = /^time\.(\w+)$/.exec(f);
    const ruby = /^(\d{1,9})\.(seconds?|minutes?|hours?|days?|weeks?|years?)$/.exec(f);
    if (/^\d{1,12}(?:\.\d{1,6})?$/.test(f)) total *= Number(f);
    else if (go && GO_UNITS[go[1] as string] !== undefined) total *= GO_UNITS[go[1] as string] as number;
    else if (ruby) total *= Number(ruby[1]) * (UNIT_SECONDS[ruby[2] as string] as number);
    else return undefined;
  }
  return total;
}

/** The offset of the last `+` outside brackets, or -1. */
function topLevelPlus(text: string): number {
  let depth = 0;
  let last = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charAt(i);
    if (c === '(' || c === '[') depth++;
    else if (c === ')' || c === ']') depth--;
    else if (c === '+' && depth === 0) last = i;
  }
  return last;
}
