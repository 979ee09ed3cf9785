/** Go signs with golang-jwt in a net/http handler shaped like ../go.ts. */
import { stop } from '../../template';
import type { CoreCode, SnippetContext, SnippetDefinition } from '../../types';
import { claimEntries, field, kidEnv, title } from './shared';

const JWT_V5 = 'github.com/golang-jwt/jwt/v5';
// Debian 12 packages golang-jwt v4 (golang-github-golang-jwt-jwt-dev), the only version the
// proof machine can build offline; every call the core makes is the same in v4 and v5.
const JWT_V4 = 'github.com/golang-jwt/jwt/v4';

function goJwtCore(c: SnippetContext): CoreCode {
  const kid = kidEnv(c);
  const entries = [...claimEntries(c, (k, v) => `${k}\u0000${v}`, 'userID', 'email', (s) => `"${s}"`), 'exp\u0000time.Now().Add(time.Hour).Unix()'];
  const width = Math.max(...entries.map((e) => (e.split('\u0000')[0] ?? '').length));
  // gofmt aligns the values of a composite literal's consecutive key: value lines.
  const lines = entries.map((e) => {
    const [k = '', v = ''] = e.split('\u0000');
    return `\t\t"${k}":${' '.repeat(width - k.length + 1)}${v},`;
  });
  return {
    imports: ['errors', 'os', 'time', JWT_V5],
    code: `// messengerJWT returns the ${title(c)}: an HS256 JWT with a short expiry.
// Server-side only; the secret comes from the environment.
func messengerJWT(userID, email string) (string, error) {
	secret := os.Getenv("${c.envVar}")
	if secret == "" {
		return "", errors.New("${c.envVar} is not set")
	}${kid ? `
	keyID := os.Getenv("${kid}")
	if keyID == "" {
		return "", errors.New("${kid} is not set")
	}` : ''}
	token := jwt.NewWithClaims(jwt.SigningMethodHS256, jwt.MapClaims{
${lines.join('\n')}
	})${kid ? '\n\ttoken.Header["kid"] = keyID' : ''}
	return token.SignedString([]byte(secret))
}`,
  };
}

/** gofmt-style import block: standard library, a blank line, then modules. */
function goImports(packages: readonly string[]): string {
  const all = [...new Set(packages)].sort();
  const std = all.filter((p) => !p.includes('.'));
  const mods = all.filter((p) => p.includes('.'));
  return `import (\n${std.map((p) => `\t"${p}"`).join('\n')}${mods.length > 0 ? `\n\n${mods.map((p) => `\t"${p}"`).join('\n')}` : ''}\n)`;
}

const netHttp: SnippetDefinition = {
  id: 'jwt-go',
  title: 'Go net/http handler that signs the messenger JWT (golang-jwt)',
  language: 'go',
  framework: 'net/http (golang-jwt)',
  kind: 'server',
  scheme: 'jwt',
  core: goJwtCore,
  template: (c) => `${goImports([...goJwtCore(c).imports, 'encoding/json', 'net/http'])}

${goJwtCore(c).code}

func ${stop(1, 'messengerToken')}(w http.ResponseWriter, r *http.Request) {
	user, ok := ${stop(2, 'currentUser')}(r)
	if !ok {
		http.Error(w, "unauthorized", http.StatusUnauthorized)
		return
	}
	token, err := messengerJWT(user.ID, user.Email)
	if err != nil {
		http.Error(w, "identity verification is not configured", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	_ = json.NewEncoder(w).Encode(map[string]string{"${field(c)}": token})${stop(0)}
}
`,
  runnable: {
    filename: 'main.go',
    command: 'go run main.go',
    program: (c) => `package main

${goImports([...goJwtCore(c).imports.map((p) => (p === JWT_V5 ? JWT_V4 : p)), 'fmt'])}

${goJwtCore(c).code}

func main() {
	token, err := messengerJWT(os.Getenv("IDV_IDENTIFIER"), os.Getenv("IDV_EMAIL"))
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	fmt.Println(token)
}
`,
  },
};

export const GO_JWT_SNIPPETS: readonly SnippetDefinition[] = [netHttp];
