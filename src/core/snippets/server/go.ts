/** Go: net/http over crypto/hmac. */
import { hashName, mapEntries } from '../common';
import { stop } from '../template';
import type { CoreCode, SnippetContext, SnippetDefinition } from '../types';

function goCore(c: SnippetContext): CoreCode {
  const key = c.hexSecret
    ? `key, err := hex.DecodeString(secret)
	if err != nil {
		return "", fmt.Errorf("${c.envVar} is not hex: %w", err)
	}`
    : 'key := []byte(secret)';
  return {
    imports: ['crypto/hmac', 'crypto/sha256', 'encoding/hex', 'errors', ...(c.hexSecret ? ['fmt'] : []), 'os'],
    code: `// userHash returns the ${hashName(c)}: lowercase hex HMAC-SHA256 of the identifier.
// Server-side only; the secret comes from the environment.
func userHash(identifier string) (string, error) {
	secret := os.Getenv("${c.envVar}")
	if secret == "" {
		return "", errors.New("${c.envVar} is not set")
	}
	${key}
	mac := hmac.New(sha256.New, key)
	mac.Write([]byte(identifier))
	return hex.EncodeToString(mac.Sum(nil)), nil
}

// verifyUserHash checks a hash handed back by a client, in constant time (never with ==).
func verifyUserHash(identifier, candidate string) bool {
	expected, err := userHash(identifier)
	return err == nil && hmac.Equal([]byte(expected), []byte(candidate))
}`,
  };
}

/** One gofmt-style import block from the core's and the program's packages. */
function goImports(core: CoreCode, extra: readonly string[]): string {
  const packages = [...new Set([...core.imports, ...extra])].sort();
  return `import (\n${packages.map((p) => `\t"${p}"`).join('\n')}\n)`;
}

function goIdentifier(c: SnippetContext): string {
  if (c.identifier === 'email') return '\tidentifier := user.Email';
  if (!c.emailFallback) return '\tidentifier := user.ID';
  return '\tidentifier := user.ID\n\tif identifier == "" {\n\t\tidentifier = user.Email\n\t}';
}

const netHttp: SnippetDefinition = {
  id: 'go',
  title: 'Go net/http handler that returns the user hash for the signed-in user',
  language: 'go',
  framework: 'net/http',
  kind: 'server',
  scheme: 'hmac',
  core: goCore,
  template: (c) => `${goImports(goCore(c), ['encoding/json', 'net/http'])}

${goCore(c).code}

func ${stop(1, 'messengerIdentity')}(w http.ResponseWriter, r *http.Request) {
	user, ok := ${stop(2, 'currentUser')}(r)
	if !ok {
		http.Error(w, "unauthorized", http.StatusUnauthorized)
		return
	}
${goIdentifier(c)}
	hash, err := userHash(identifier)
	if err != nil {
		http.Error(w, "identity verification is not configured", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	_ = json.NewEncoder(w).Encode(map[string]string{
${mapEntries(c, { id: 'user.ID', email: 'user.Email', hash: 'hash' }, (k, e) => `\t\t"${k}": ${e},`).join('\n')}
	})${stop(0)}
}
`,
  runnable: {
    filename: 'main.go',
    command: 'go run main.go',
    program: (c) => `package main

${goImports(goCore(c), ['fmt', 'os'])}

${goCore(c).code}

func main() {
	identifier := os.Getenv("IDV_IDENTIFIER")
	hash, err := userHash(identifier)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	fmt.Println(hash)
	if candidate, ok := os.LookupEnv("IDV_VERIFY"); ok {
		fmt.Println(verifyUserHash(identifier, candidate))
	}
}
`,
  },
};

export const GO_SNIPPETS: readonly SnippetDefinition[] = [netHttp];
