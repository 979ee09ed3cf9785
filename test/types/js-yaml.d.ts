/** The part of js-yaml (4.x, a devDependency; it ships no types) the tests use. */
declare module 'js-yaml' {
  /** Parses one YAML document (the default schema: no custom tags, nothing executed). */
  export function load(text: string): unknown;
}
