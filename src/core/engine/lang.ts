/**
 * What kind of file a path is, as far as the rules care: which language family, whether it is
 * configuration (where unquoted values are literals), whether it is a test, and how that language
 * reads an environment variable (for hardcoded-secret's fix).
 */

export type Lang =
  | 'js' | 'html' | 'python' | 'ruby' | 'php' | 'go' | 'java' | 'kotlin' | 'csharp' | 'elixir'
  | 'rust' | 'perl' | 'groovy' | 'scala' | 'swift' | 'objc' | 'dart' | 'shell'
  | 'env' | 'properties' | 'json' | 'yaml' | 'toml' | 'xml' | 'ini' | 'text';

const BY_EXTENSION: Readonly<Record<string, Lang>> = {
  js: 'js', jsx: 'js', ts: 'js', tsx: 'js', mjs: 'js', cjs: 'js', mts: 'js', cts: 'js',
  vue: 'js', svelte: 'js', astro: 'js',
  html: 'html', htm: 'html', erb: 'html', ejs: 'html', hbs: 'html', handlebars: 'html', twig: 'html',
  jinja: 'html', jinja2: 'html', j2: 'html', liquid: 'html', njk: 'html', cshtml: 'html', razor: 'html',
  jsp: 'html', jspf: 'html', tag: 'html', tpl: 'html', smarty: 'html', phtml: 'html', volt: 'html', gsp: 'html',
  heex: 'html', eex: 'html', leex: 'html', mustache: 'html', haml: 'html', slim: 'html', pug: 'html',
  py: 'python', pyw: 'python', rb: 'ruby', rake: 'ruby', gemspec: 'ruby', php: 'php', go: 'go',
  java: 'java', kt: 'kotlin', kts: 'kotlin', cs: 'csharp', ex: 'elixir', exs: 'elixir', rs: 'rust',
  pl: 'perl', pm: 'perl', groovy: 'groovy', gradle: 'groovy', scala: 'scala', swift: 'swift',
  m: 'objc', mm: 'objc', h: 'objc', dart: 'dart', sh: 'shell', bash: 'shell', zsh: 'shell',
  env: 'env', properties: 'properties', json: 'json', jsonc: 'json', json5: 'json',
  yml: 'yaml', yaml: 'yaml', toml: 'toml', xml: 'xml', plist: 'xml', config: 'xml', csproj: 'xml',
  ini: 'ini', cfg: 'ini', conf: 'ini', tfvars: 'ini',
};

/** VS Code language ids that say more than the extension does. */
const BY_LANGUAGE_ID: Readonly<Record<string, Lang>> = {
  javascript: 'js', javascriptreact: 'js', typescript: 'js', typescriptreact: 'js', vue: 'js', svelte: 'js',
  html: 'html', erb: 'html', handlebars: 'html', 'jinja-html': 'html', 'django-html': 'html', blade: 'html',
  python: 'python', ruby: 'ruby', php: 'php', go: 'go', java: 'java', kotlin: 'kotlin', csharp: 'csharp',
  elixir: 'elixir', rust: 'rust', perl: 'perl', groovy: 'groovy', scala: 'scala', swift: 'swift',
  'objective-c': 'objc', 'objective-cpp': 'objc', dart: 'dart', shellscript: 'shell', dotenv: 'env',
  properties: 'properties', json: 'json', jsonc: 'json', yaml: 'yaml', toml: 'toml', xml: 'xml', ini: 'ini',
};

/**
 * The VS Code language ids the engine reads a file's kind from: a document in one of these
 * activates the extension (package.json's activation events are generated from this list).
 */
export const LANGUAGE_IDS: readonly string[] = Object.keys(BY_LANGUAGE_ID);

/** The last path segment. */
export function basename(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/** The language family of a file, from VS Code's language id when given, else its name. */
export function langOf(path: string, languageId?: string): Lang {
  const name = basename(path).toLowerCase();
  // Dotenv files have many spellings: .env, .env.local, production.env, .env.example.
  if (name === '.env' || name.startsWith('.env.') || name.endsWith('.env')) return 'env';
  if (name.endsWith('.blade.php')) return 'html';
  if (name === 'dockerfile' || name.startsWith('dockerfile.')) return 'shell';
  if (languageId !== undefined) {
    const byId = BY_LANGUAGE_ID[languageId];
    if (byId) return byId;
  }
  const dot = name.lastIndexOf('.');
  return dot < 0 ? 'text' : BY_EXTENSION[name.slice(dot + 1)] ?? 'text';
}

/** Config formats: `KEY: value` and `KEY=value` hold literals even without quotes. */
export function isConfigLang(lang: Lang): boolean {
  return lang === 'env' || lang === 'properties' || lang === 'yaml' || lang === 'ini' || lang === 'toml' || lang === 'shell';
}

/** Test code, where obviously fake values are expected and not worth a finding. */
export function isTestPath(path: string): boolean {
  const lower = `/${path.toLowerCase()}`;
  if (/\/(?:tests?|__tests__|__mocks__|spec|specs|testdata|e2e|cypress|playwright)\//.test(lower)) return true;
  const name = basename(lower);
  return /[._-](?:test|spec|tests)\.[a-z0-9]+$/.test(name) || /^test_[^/]*\.py$/.test(name)
    || /_test\.(?:go|py|exs)$/.test(name) || /_spec\.rb$/.test(name) || /tests?\.(?:java|kt|cs|swift|dart)$/.test(name);
}

/**
 * The expression that reads environment variable `name` in `lang`, or undefined where the
 * language has no such thing (mobile apps, data formats): there the fix is to move the value
 * to the server, which no text edit can do.
 */
export function envLookup(lang: Lang, name: string): string | undefined {
  switch (lang) {
    case 'js': return `process.env.${name}`;
    case 'python': return `os.environ["${name}"]`;
    case 'ruby': return `ENV.fetch("${name}")`;
    case 'php': return `getenv('${name}')`;
    case 'java': case 'kotlin': case 'groovy': case 'scala': return `System.getenv("${name}")`;
    case 'csharp': return `Environment.GetEnvironmentVariable("${name}")`;
    case 'elixir': return `System.fetch_env!("${name}")`;
    case 'go': return `os.Getenv("${name}")`;
    case 'rust': return `std::env::var("${name}")`;
    case 'perl': return `$ENV{${name}}`;
    case 'shell': return `"$${name}"`;
    default: return undefined;
  }
}
