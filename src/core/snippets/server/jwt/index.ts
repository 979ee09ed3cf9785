/**
 * HS256 JWT server snippets (Intercom Messenger Security, Featurebase, Zendesk messaging):
 * one per HMAC server snippet, same framework and language, id `jwt-<hmac id>`. Claims, `kid`
 * and fixed claims come from the vendor catalogue. Each core uses the ecosystem's JWT library
 * where the proof machine can install and run it, else the platform's HMAC, saying which.
 */
import type { SnippetDefinition } from '../../types';
import { DOTNET_JWT_SNIPPETS } from './dotnet';
import { ELIXIR_JWT_SNIPPETS } from './elixir';
import { GO_JWT_SNIPPETS } from './go';
import { JVM_JWT_SNIPPETS } from './jvm';
import { NODE_JWT_SNIPPETS } from './node';
import { PERL_JWT_SNIPPETS } from './perl';
import { PHP_JWT_SNIPPETS } from './php';
import { PYTHON_JWT_SNIPPETS } from './python';
import { RUBY_JWT_SNIPPETS } from './ruby';
import { RUST_JWT_SNIPPETS } from './rust';
import { WEBCRYPTO_JWT_SNIPPETS } from './webcrypto';

/** In the order of the HMAC snippets they mirror. */
export const JWT_SNIPPETS: readonly SnippetDefinition[] = [
  ...NODE_JWT_SNIPPETS, ...WEBCRYPTO_JWT_SNIPPETS, ...PYTHON_JWT_SNIPPETS, ...RUBY_JWT_SNIPPETS, ...PHP_JWT_SNIPPETS,
  ...GO_JWT_SNIPPETS, ...JVM_JWT_SNIPPETS, ...DOTNET_JWT_SNIPPETS, ...ELIXIR_JWT_SNIPPETS, ...RUST_JWT_SNIPPETS,
  ...PERL_JWT_SNIPPETS,
];

/** Ids the first JWT snippets had, kept working for scripts and keybindings that name them. */
export const JWT_SNIPPET_ALIASES: Readonly<Record<string, string>> = {
  'jwt-node': 'jwt-express',
  'jwt-python': 'jwt-django',
  'jwt-ruby': 'jwt-rails',
};
