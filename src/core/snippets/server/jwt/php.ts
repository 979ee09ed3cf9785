/**
 * PHP (plain and Laravel). firebase/php-jwt is what PHP projects use, but it comes from
 * Packagist, which this kit's proof machine cannot reach; the core builds the token with
 * hash_hmac instead, so the code that runs in the proof is the code the user inserts.
 */
import { stop } from '../../template';
import type { CoreCode, SnippetContext, SnippetDefinition } from '../../types';
import { claimEntries, field, kidEnv, platformNote, title } from './shared';

const NOTE = platformNote('firebase/php-jwt (`JWT::encode($claims, $secret, \'HS256\', $keyId)`)', 'No dependency needed.');

/** The signing lines shared by both cores; `secret`/`keyId` are PHP expressions. */
function signBody(c: SnippetContext, secret: string, keyId: string, pad: string): string {
  const kid = kidEnv(c);
  return [
    `$b64 = static fn (string $bytes): string => rtrim(strtr(base64_encode($bytes), '+/', '-_'), '=');`,
    `$header = ['alg' => 'HS256', 'typ' => 'JWT'${kid ? `, 'kid' => ${keyId}` : ''}];`,
    '$claims = [',
    ...claimEntries(c, (k, v) => `    '${k}' => ${v},`, '(string) $user->id', '$user->email', (s) => `'${s}'`),
    '    \'exp\' => time() + 3600,',
    '];',
    '$flags = JSON_THROW_ON_ERROR | JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE;',
    `$signingInput = $b64(json_encode($header, $flags)) . '.' . $b64(json_encode($claims, $flags));`,
    `return $signingInput . '.' . $b64(hash_hmac('sha256', $signingInput, ${secret}, true));`,
  ].map((l) => (l ? pad + l : l)).join('\n');
}

function phpJwtCore(c: SnippetContext): CoreCode {
  const kid = kidEnv(c);
  return {
    imports: [],
    code: `/**
 * ${title(c)}: an HS256 JWT with a short expiry, signed on the server only.
 * ${NOTE}
 */
function messenger_jwt(object $user): string
{
    $secret = getenv('${c.envVar}');
    // Signing with an empty key would give tokens the messenger rejects: fail loudly instead.
    if ($secret === false || $secret === '') {
        throw new RuntimeException('${c.envVar} is not set');
    }${kid ? `
    $keyId = getenv('${kid}');
    if ($keyId === false || $keyId === '') {
        throw new RuntimeException('${kid} is not set');
    }` : ''}
${signBody(c, '$secret', '$keyId', '    ')}
}`,
  };
}

/** Laravel reads env() only in config files (config:cache drops it elsewhere): the class takes config values. */
function laravelJwtCore(c: SnippetContext): CoreCode {
  const kid = kidEnv(c);
  return {
    imports: [],
    code: `/**
 * ${title(c)}: an HS256 JWT with a short expiry, signed on the server only.
 * ${NOTE}
 */
final class MessengerJwt
{
    public function __construct(private readonly string $secret${kid ? ', private readonly string $keyId' : ''})
    {
        if ($secret === '') {
            throw new InvalidArgumentException('${c.envVar} is not set');
        }${kid ? `
        if ($keyId === '') {
            throw new InvalidArgumentException('${kid} is not set');
        }` : ''}
    }

    public function for(object $user): string
    {
${signBody(c, '$this->secret', '$this->keyId', '        ')}
    }
}`,
  };
}

const plain: SnippetDefinition = {
  id: 'jwt-php',
  title: 'Plain PHP endpoint that signs the messenger JWT (hash_hmac)',
  language: 'php',
  framework: 'PHP (hash_hmac)',
  kind: 'server',
  scheme: 'jwt',
  core: phpJwtCore,
  template: (c) => `<?php

declare(strict_types=1);

${phpJwtCore(c).code}

$user = ${stop(1, 'current_user()')};
if ($user === null) {
    http_response_code(401);
    exit;
}
header('Content-Type: application/json');
echo json_encode(['${field(c)}' => messenger_jwt($user)]);${stop(0)}
`,
  runnable: {
    filename: 'main.php',
    command: 'php main.php',
    program: (c) => `<?php

declare(strict_types=1);

${phpJwtCore(c).code}

$email = getenv('IDV_EMAIL');
echo messenger_jwt((object) ['id' => getenv('IDV_IDENTIFIER'), 'email' => $email === false ? null : $email]), "\\n";
`,
  },
};

const laravel: SnippetDefinition = {
  id: 'jwt-laravel',
  title: 'Laravel route that signs the messenger JWT, secret from config/services.php (hash_hmac)',
  language: 'php',
  framework: 'Laravel (hash_hmac)',
  kind: 'server',
  scheme: 'jwt',
  core: laravelJwtCore,
  template: (c) => `// config/services.php:
// '${c.vendor.id}' => [
//     'jwt_secret' => env('${c.envVar}'),${kidEnv(c) ? `\n//     'jwt_key_id' => env('${kidEnv(c) ?? ''}'),` : ''}
// ],

${laravelJwtCore(c).code}

Route::middleware('auth')->get('${stop(1, '/api/messenger/jwt')}', function (Illuminate\\Http\\Request $request) {
    $signer = new MessengerJwt((string) config('services.${c.vendor.id}.jwt_secret')${kidEnv(c) ? `, (string) config('services.${c.vendor.id}.jwt_key_id')` : ''});
    return response()->json(['${field(c)}' => $signer->for($request->user())]);${stop(0)}
});
`,
  runnable: {
    filename: 'main.php',
    command: 'php main.php',
    program: (c) => `<?php

declare(strict_types=1);

${laravelJwtCore(c).code}

$signer = new MessengerJwt((string) getenv('IDV_SECRET')${kidEnv(c) ? `, (string) getenv('IDV_KEY_ID')` : ''});
$email = getenv('IDV_EMAIL');
echo $signer->for((object) ['id' => getenv('IDV_IDENTIFIER'), 'email' => $email === false ? null : $email]), "\\n";
`,
  },
};

export const PHP_JWT_SNIPPETS: readonly SnippetDefinition[] = [plain, laravel];
