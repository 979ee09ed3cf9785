/**
 * From a secret-sounding name to the literal assigned to it, across the syntaxes of the
 * languages and config formats the rules cover:
 *   NAME = "v"   NAME := "v"   NAME: Type = "v"   "name": "v"   name: v   NAME=v
 *   'name' => 'v'   define('NAME', 'v')   @name "v"   NSString *k = @"v"   b"v"
 *   <key>NAME</key><string>v</string>   <string name="NAME">v</string>   key="NAME" value="v"
 * Every loop is bounded by the line, so the parse is linear in the line's length.
 */
import { isConfigLang, type Lang } from './lang';
import { readQuoted, type Literal } from './literals';

const SPACE = (c: number) => c === 32 || c === 9;

/**
 * The value assigned to the name spanning [nameStart, nameEnd), or undefined. `lineEnd` bounds
 * the search; `nextLineEnd` lets Info.plist's value on the following line be found.
 */
export function valueAfterName(text: string, nameStart: number, nameEnd: number, lineEnd: number, lang: Lang): Literal | undefined {
  let i = nameEnd;
  const before = text.charCodeAt(nameStart - 1);
  const c0 = text.charCodeAt(i);
  const quotedKey = (c0 === 34 || c0 === 39 || c0 === 96) && before === c0;

  if (lang === 'xml' || lang === 'html') {
    const xml = xmlValue(text, nameStart, nameEnd, lineEnd);
    if (xml) return xml;
  }
  if (quotedKey) i++;
  if (text.charCodeAt(i) === 93) i++; // ['name'] = ...
  while (i < lineEnd && SPACE(text.charCodeAt(i))) i++;

  let op = '';
  const c = text.charCodeAt(i);
  const n = text.charCodeAt(i + 1);
  if (c === 61 && n === 62) op = '=>';
  else if (c === 58 && n === 61) op = ':=';
  else if ((c === 63 || c === 124) && text.startsWith('=', i + (c === 124 ? 2 : 1))) op = '?=';
  else if (c === 61 && n !== 61) op = '=';
  else if (c === 58 && n !== 58 && before !== 58) op = ':';
  else if (c === 44 && quotedKey) op = ',';
  else if (before === 64 && i > nameEnd) op = ' '; // Elixir module attribute: @name "value"
  if (op === '') return undefined;
  i += op === '?=' ? (c === 124 ? 3 : 2) : op === ' ' ? 0 : op.length;
  while (i < lineEnd && SPACE(text.charCodeAt(i))) i++;

  // A type annotation between name and value: `NAME: &str = "v"`, `let k: String = "v"`.
  if (op === ':' && !isConfigLang(lang) && lang !== 'json' && lang !== 'ruby' && lang !== 'elixir') {
    const eq = text.indexOf('=', i);
    if (eq > i && eq < lineEnd && eq - i < 60 && text.charCodeAt(eq + 1) !== 61 && text.charCodeAt(eq + 1) !== 62 && /^[\w<>[\]&'.? ]{1,60}$/.test(text.slice(i, eq))) {
      i = eq + 1;
      while (i < lineEnd && SPACE(text.charCodeAt(i))) i++;
    }
  }

  const quoted = quotedAt(text, i, lineEnd);
  if (quoted) return quoted;
  if ((isConfigLang(lang) || lang === 'text') && (op === '=' || op === ':')) return unquoted(text, i, lineEnd, lang);
  return undefined;
}

/** A quoted literal at `i`, allowing the prefixes `@"` (Objective-C, C#), `$"`, `b"`, `r"`, `f"`, `u"`. */
export function quotedAt(text: string, i: number, lineEnd: number): Literal | undefined {
  let start = i;
  for (let k = 0; k < 2 && /[@$bBrRuUfF]/.test(text.charAt(start)); k++) start++;
  const lit = readQuoted(text, start, lineEnd);
  if (!lit) return undefined;
  // Gradle's buildConfigField "String", "NAME", "\"value\"": the value is quoted twice.
  const value = lit.value.startsWith('\\"') && lit.value.endsWith('\\"') && lit.value.length >= 4 ? lit.value.slice(2, -2) : lit.value;
  return { start: i, end: lit.end, value, quoted: true };
}

/** An unquoted config value running to the end of the line or an inline comment. */
function unquoted(text: string, i: number, lineEnd: number, lang: Lang): Literal | undefined {
  let end = lineEnd;
  const hash = text.indexOf(' #', i);
  if (hash >= 0 && hash < end) end = hash;
  if (lang === 'ini' || lang === 'properties') {
    const semi = text.indexOf(' ;', i);
    if (semi >= 0 && semi < end) end = semi;
  }
  while (end > i && SPACE(text.charCodeAt(end - 1))) end--;
  if (end <= i) return undefined;
  const value = text.slice(i, end);
  // YAML block scalars, anchors, flow collections and JSON-ish values are not plain literals.
  if (/^[|>&*[{]/.test(value) || value === 'null' || value === '~') return undefined;
  return { start: i, end, value, quoted: false };
}

/** XML spellings: plist key/string pairs, Android string resources, .NET appSettings, elements. */
function xmlValue(text: string, nameStart: number, nameEnd: number, lineEnd: number): Literal | undefined {
  if (text.startsWith('</key>', nameEnd) && text.startsWith('<key>', nameStart - 5)) {
    const window = text.slice(nameEnd + 6, nameEnd + 206);
    const m = /^\s{0,150}<string>([^<\n]{0,500})<\/string>/.exec(window);
    if (!m?.[1]) return undefined;
    const start = nameEnd + 6 + window.indexOf('<string>') + 8;
    return { start, end: start + m[1].length, value: m[1], quoted: false };
  }
  if (text.startsWith('">', nameEnd) || text.startsWith("'>", nameEnd)) {
    const start = nameEnd + 2;
    const close = text.indexOf('<', start);
    if (close < 0 || close > lineEnd) return undefined;
    return { start, end: close, value: text.slice(start, close), quoted: false };
  }
  if (text.charCodeAt(nameStart - 1) === 60 && text.charCodeAt(nameEnd) === 62) {
    const start = nameEnd + 1;
    const close = text.indexOf('<', start);
    if (close < 0 || close > lineEnd) return undefined;
    return { start, end: close, value: text.slice(start, close), quoted: false };
  }
  const attr = /^["']\s{0,10}value\s{0,10}=\s{0,10}/.exec(text.slice(nameEnd, Math.min(lineEnd, nameEnd + 40)));
  if (attr) return quotedAt(text, nameEnd + attr[0].length, lineEnd);
  return undefined;
}

/** Kubernetes `- name: NAME` followed by `value: v` on the next line. */
export function k8sEnvValue(text: string, nameStart: number, lineStart: number, lineEnd: number): Literal | undefined {
  if (!/name:\s{0,10}["']?$/.test(text.slice(lineStart, nameStart))) return undefined;
  // lineEnd sits on the line break unless the line was clipped; then there is no next line to read.
  const nl = text.charCodeAt(lineEnd) === 13 ? lineEnd + 1 : lineEnd;
  if (text.charCodeAt(nl) !== 10) return undefined;
  const nextStart = nl + 1;
  const chunk = text.slice(nextStart, nextStart + 500);
  const cut = chunk.indexOf('\n');
  const next = (cut < 0 ? chunk : chunk.slice(0, cut)).replace(/\r$/, '');
  const m = /^(\s{0,100}value:\s{0,10})/.exec(next);
  if (!m?.[1]) return undefined;
  const at = nextStart + m[1].length;
  return quotedAt(text, at, nextStart + next.length) ?? unquoted(text, at, nextStart + next.length, 'yaml');
}
