/**
 * Language ids that stock VS Code (1.100, the oldest version package.json's engines allow)
 * defines in its built-in extensions. The manifest contributes snippet files only for these:
 * a snippet contribution for a language VS Code does not know is an error in the Running
 * Extensions view. Snippets in other languages reach the editor through the extension's
 * completion provider instead (src/extension/snippetCompletions.ts). The integration suite
 * checks every contributed language against the running VS Code's own list.
 */
export const BUILT_IN_LANGUAGES: ReadonlySet<string> = new Set([
  'bat', 'bibtex', 'c', 'clojure', 'coffeescript', 'cpp', 'csharp', 'css', 'cuda-cpp', 'dart', 'diff',
  'dockercompose', 'dockerfile', 'fsharp', 'git-commit', 'git-rebase', 'go', 'groovy', 'handlebars', 'hlsl',
  'html', 'ignore', 'ini', 'jade', 'java', 'javascript', 'javascriptreact', 'json', 'jsonc', 'julia',
  'latex', 'less', 'log', 'lua', 'makefile', 'markdown', 'objective-c', 'objective-cpp', 'perl', 'php',
  'plaintext', 'powershell', 'properties', 'python', 'r', 'raku', 'razor', 'restructuredtext', 'ruby',
  'rust', 'scss', 'shaderlab', 'shellscript', 'snippets', 'sql', 'swift', 'tex', 'typescript',
  'typescriptreact', 'vb', 'xml', 'xsl', 'yaml',
]);
