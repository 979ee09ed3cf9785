/** PHP: plain PHP and Laravel, both over hash_hmac and hash_equals. */
import { hashName, mapEntries } from '../common';
import { stop } from '../template';
import type { CoreCode, SnippetContext, SnippetDefinition } from '../types';

/** Plain PHP reads the environment directly. */
function phpCore(c: SnippetContext): CoreCode {
  const key = c.hexSecret ? 'hex2bin($secret)' : '$secret';
  return {
    imports: [],
    code: `/** ${hashName(c)}: lowercase hex HMAC-SHA256 of the identifier. Server-side only. */
function user_hash(string $identifier): string
{
    $secret = getenv('${c.envVar}');
    // Hashing with an empty key would give hashes the messenger rejects: fail loudly instead.
    if ($secret === false || $secret === '') {
        throw new RuntimeException('${c.envVar} is not set');
    }
    return hash_hmac('sha256', $identifier, ${key});
}

/** Checks a hash handed back by a client, in constant time (never with ===). */
function verify_user_hash(string $identifier, string $candidate): bool
{
    return hash_equals(user_hash($identifier), $candidate);
}`,
  };
}

/**
 * Laravel reads env() only in config files (config:cache drops it everywhere else), so the
 * class takes the secret from config('services.…') through its constructor.
 */
function laravelCore(c: SnippetContext): CoreCode {
  const key = c.hexSecret ? 'hex2bin($this->secret)' : '$this->secret';
  return {
    imports: [],
    code: `/** ${hashName(c)}: lowercase hex HMAC-SHA256 of the identifier. Server-side only. */
final class UserHash
{
    public function __construct(private readonly string $secret)
    {
        if ($secret === '') {
            throw new InvalidArgumentException('${c.envVar} is not set');
        }
    }

    public function for(string $identifier): string
    {
        return hash_hmac('sha256', $identifier, ${key});
    }

    /** Checks a hash handed back by a client, in constant time (never with ===). */
    public function verify(string $identifier, string $candidate): bool
    {
        return hash_equals($this->for($identifier), $candidate);
    }
}`,
  };
}

function phpIdentifier(c: SnippetContext, user: string): string {
  if (c.identifier === 'email') return `${user}->email`;
  return c.emailFallback ? `${user}->id !== null ? (string) ${user}->id : ${user}->email` : `(string) ${user}->id`;
}

function phpArray(c: SnippetContext, user: string, hash: string, pad: string): string {
  return `[\n${mapEntries(c, { id: `${user}->id`, email: `${user}->email`, hash }, (k, e) => `${pad}    '${k}' => ${e},`).join('\n')}\n${pad}]`;
}

const plain: SnippetDefinition = {
  id: 'php',
  title: 'Plain PHP endpoint that returns the user hash for the signed-in user',
  language: 'php',
  framework: 'PHP',
  kind: 'server',
  scheme: 'hmac',
  core: phpCore,
  template: (c) => `<?php

declare(strict_types=1);

${phpCore(c).code}

$user = ${stop(1, 'current_user()')};
if ($user === null) {
    http_response_code(401);
    exit;
}
header('Content-Type: application/json');
echo json_encode(${phpArray(c, '$user', `user_hash(${phpIdentifier(c, '$user')})`, '')});${stop(0)}
`,
  runnable: {
    filename: 'main.php',
    command: 'php main.php',
    program: (c) => `<?php

declare(strict_types=1);

${phpCore(c).code}

$identifier = (string) getenv('IDV_IDENTIFIER');
echo user_hash($identifier), "\\n";
$candidate = getenv('IDV_VERIFY');
if ($candidate !== false) {
    echo verify_user_hash($identifier, $candidate) ? 'true' : 'false', "\\n";
}
`,
  },
};

const laravel: SnippetDefinition = {
  id: 'laravel',
  title: 'Laravel route that returns the user hash, secret from config/services.php',
  language: 'php',
  framework: 'Laravel',
  kind: 'server',
  scheme: 'hmac',
  core: laravelCore,
  template: (c) => `// config/services.php: '${c.vendor.id}' => ['identity_secret' => env('${c.envVar}')],

${laravelCore(c).code}

Route::middleware('auth')->get('${stop(1, '/api/messenger/identity')}', function (Illuminate\\Http\\Request $request) {
    $user = $request->user();
    $hasher = new UserHash((string) config('services.${c.vendor.id}.identity_secret'));
    return response()->json(${phpArray(c, '$user', `$hasher->for(${phpIdentifier(c, '$user')})`, '    ')});${stop(0)}
});
`,
  runnable: {
    filename: 'main.php',
    command: 'php main.php',
    program: (c) => `<?php

declare(strict_types=1);

${laravelCore(c).code}

$hasher = new UserHash((string) getenv('IDV_SECRET'));
$identifier = (string) getenv('IDV_IDENTIFIER');
echo $hasher->for($identifier), "\\n";
$candidate = getenv('IDV_VERIFY');
if ($candidate !== false) {
    echo $hasher->verify($identifier, $candidate) ? 'true' : 'false', "\\n";
}
`,
  },
};

export const PHP_SNIPPETS: readonly SnippetDefinition[] = [plain, laravel];
