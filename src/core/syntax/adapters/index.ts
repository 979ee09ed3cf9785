/** The grammar adapter for each language the syntax layer parses. */
import type { SyntaxLanguage } from '../languages';
import type { Adapter } from '../nodes';
import { goAdapter } from './go';
import { javaAdapter } from './java';
import { javascriptAdapter } from './javascript';
import { phpAdapter } from './php';
import { pythonAdapter } from './python';
import { rubyAdapter } from './ruby';

/** Languages that share call, member and literal syntax, and so API tables. */
export type Family = 'js' | 'python' | 'ruby' | 'php' | 'go' | 'java';

const JAVASCRIPT = javascriptAdapter(false);
const TYPESCRIPT = javascriptAdapter(true);

const ADAPTERS: Readonly<Record<SyntaxLanguage, { readonly family: Family; readonly adapter: Adapter }>> = {
  javascript: { family: 'js', adapter: JAVASCRIPT },
  typescript: { family: 'js', adapter: TYPESCRIPT },
  tsx: { family: 'js', adapter: TYPESCRIPT },
  python: { family: 'python', adapter: pythonAdapter },
  ruby: { family: 'ruby', adapter: rubyAdapter },
  php: { family: 'php', adapter: phpAdapter },
  go: { family: 'go', adapter: goAdapter },
  java: { family: 'java', adapter: javaAdapter },
};

/** The adapter and family of `language`. */
export function adapterFor(language: SyntaxLanguage): { readonly family: Family; readonly adapter: Adapter } {
  return ADAPTERS[language];
}
