/** Shared by the syntax tests: one Syntax over the grammars the test build copies to out/grammars. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createSyntax, syntaxLanguageOf, type FileFacts, type MessengerCall, type SyntaxLanguage } from '../../../src/core/syntax/index';

/** out/grammars: tests run from out/test/unit/syntax. */
export const GRAMMAR_DIR = join(__dirname, '..', '..', '..', 'grammars');
/** test/fixtures/syntax in the repository. */
export const FIXTURES = join(__dirname, '..', '..', '..', '..', 'test', 'fixtures', 'syntax');

/** One instance for the whole run, as the extension keeps one: grammars load once. */
export const syntax = createSyntax({ grammarDir: GRAMMAR_DIR });

/** The facts of `text` parsed as `language`. */
export function factsOf(text: string, language: SyntaxLanguage): Promise<FileFacts> {
  return syntax.facts(text, language);
}

/** The facts of a fixture, with its text (so tests can check spans against it). */
export async function fixture(path: string): Promise<{ text: string; facts: FileFacts }> {
  const text = readFileSync(join(FIXTURES, path), 'utf8');
  const language = syntaxLanguageOf(path);
  if (!language) throw new Error(`no syntax language for ${path}`);
  return { text, facts: await syntax.facts(text, language) };
}

/** `name → value text` of a messenger call's fields, for compact assertions. */
export function fieldTexts(call: MessengerCall | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of call?.fields ?? []) out[f.name ?? '?'] = f.value.text;
  return out;
}
