/**
 * HS256 JWTs for the newer schemes (Intercom Messenger Security, Featurebase, Zendesk
 * messaging): required claims from the vendor catalogue, a short `exp`, `kid` where needed.
 * Each language uses the JWT library the vendors' own examples use.
 */
import { jwtClaims } from '../common';
import { stop } from '../template';
import type { CoreCode, SnippetContext, SnippetDefinition } from '../types';

type ClaimValue = ReturnType<typeof jwtClaims>[number]['value'];

function claimEntries(c: SnippetContext, render: (claim: string, value: string) => string, id: string, email: string, quote: (s: string) => string): string[] {
  return jwtClaims(c).map(({ claim, value }: { claim: string; value: ClaimValue }) =>
    render(claim, value === 'id' ? id : value === 'email' ? email : quote(value.literal)));
}

const field = (c: SnippetContext) => c.vendor.jwt?.field ?? 'jwt';
const kidEnv = (c: SnippetContext) => (c.vendor.jwt?.needsKid ? c.kidEnvVar ?? c.vendor.jwt.kidEnvVar : undefined);
const title = (c: SnippetContext) => `${c.vendor.name} ${field(c)}`;

function nodeJwtCore(c: SnippetContext): CoreCode {
  const kid = kidEnv(c);
  return {
    imports: [`const jwt = require('jsonwebtoken');`],
    code: `/** ${title(c)}: an HS256 JWT with a short expiry, signed on the server only. */
function messengerJwt(user) {
  const secret = process.env.${c.envVar};
  if (!secret) throw new Error('${c.envVar} is not set');${kid ? `
  const keyId = process.env.${kid};
  if (!keyId) throw new Error('${kid} is not set');` : ''}
  const claims = { ${claimEntries(c, (k, v) => `${k}: ${v}`, 'String(user.id)', 'user.email', (s) => `'${s}'`).join(', ')} };
  return jwt.sign(claims, secret, { algorithm: 'HS256', expiresIn: '1h'${kid ? ', keyid: keyId' : ''} });
}`,
  };
}

const jwtNode: SnippetDefinition = {
  id: 'jwt-node',
  title: 'Express route that signs the messenger JWT (jsonwebtoken)',
  language: 'javascript',
  framework: 'Express (jsonwebtoken)',
  kind: 'server',
  scheme: 'jwt',
  core: nodeJwtCore,
  template: (c) => `${nodeJwtCore(c).imports.join('\n')}

${nodeJwtCore(c).code}

${stop(1, 'app')}.get('${stop(2, '/api/messenger/jwt')}', ${stop(3, 'requireLogin')}, (req, res) => {
  res.json({ ${field(c)}: messengerJwt(req.user) });${stop(0)}
});
`,
  runnable: {
    // CommonJS so that require() finds jsonwebtoken through NODE_PATH.
    filename: 'main.cjs',
    command: 'node main.cjs',
    program: (c) => `${nodeJwtCore(c).imports.join('\n')}

${nodeJwtCore(c).code}

console.log(messengerJwt({ id: process.env.IDV_IDENTIFIER, email: process.env.IDV_EMAIL }));
`,
  },
};

function pyJwtCore(c: SnippetContext): CoreCode {
  const kid = kidEnv(c);
  return {
    imports: ['import os', 'from datetime import datetime, timedelta, timezone', '', 'import jwt'],
    code: `def messenger_jwt(user) -> str:
    """${title(c)}: an HS256 JWT with a short expiry, signed on the server only."""
    secret = os.environ["${c.envVar}"]
    claims = {
${claimEntries(c, (k, v) => `        "${k}": ${v},`, 'str(user.id)', 'user.email', (s) => `"${s}"`).join('\n')}
        "exp": datetime.now(tz=timezone.utc) + timedelta(hours=1),
    }
    return jwt.encode(claims, secret, algorithm="HS256"${kid ? `, headers={"kid": os.environ["${kid}"]}` : ''})`,
  };
}

const jwtPython: SnippetDefinition = {
  id: 'jwt-python',
  title: 'Django view that signs the messenger JWT (PyJWT)',
  language: 'python',
  framework: 'Django (PyJWT)',
  kind: 'server',
  scheme: 'jwt',
  core: pyJwtCore,
  template: (c) => `${pyJwtCore(c).imports.join('\n')}
from django.contrib.auth.decorators import login_required
from django.http import JsonResponse


${pyJwtCore(c).code}


@login_required
def ${stop(1, 'messenger_jwt_view')}(request):
    return JsonResponse({"${field(c)}": messenger_jwt(request.user)})${stop(0)}
`,
  runnable: {
    filename: 'main.py',
    command: 'python3 main.py',
    program: (c) => `${pyJwtCore(c).imports.join('\n')}
from types import SimpleNamespace


${pyJwtCore(c).code}


if __name__ == "__main__":
    print(messenger_jwt(SimpleNamespace(id=os.environ["IDV_IDENTIFIER"], email=os.environ["IDV_EMAIL"])))
`,
  },
};

function rubyJwtCore(c: SnippetContext): CoreCode {
  const kid = kidEnv(c);
  return {
    imports: ['require "jwt"'],
    code: `# ${title(c)}: an HS256 JWT with a short expiry, signed on the server only.
def messenger_jwt(user)
  claims = {
${claimEntries(c, (k, v) => `    ${k}: ${v},`, 'user.id.to_s', 'user.email', (s) => `"${s}"`).join('\n')}
    exp: Time.now.to_i + 3600,
  }
  JWT.encode(claims, ENV.fetch("${c.envVar}"), "HS256"${kid ? `, { kid: ENV.fetch("${kid}") }` : ''})
end`,
  };
}

const jwtRuby: SnippetDefinition = {
  id: 'jwt-ruby',
  title: 'Rails controller that signs the messenger JWT (ruby-jwt)',
  language: 'ruby',
  framework: 'Rails (ruby-jwt)',
  kind: 'server',
  scheme: 'jwt',
  core: rubyJwtCore,
  template: (c) => `${rubyJwtCore(c).imports.join('\n')}

class ${stop(1, 'MessengerJwt')}Controller < ApplicationController
  before_action :authenticate_user!

  def show
    render json: { ${field(c)}: messenger_jwt(current_user) }${stop(0)}
  end

  private

${rubyJwtCore(c).code.split('\n').map((l) => (l ? `  ${l}` : l)).join('\n')}
end
`,
  runnable: {
    filename: 'main.rb',
    command: 'ruby main.rb',
    program: (c) => `${rubyJwtCore(c).imports.join('\n')}

${rubyJwtCore(c).code}

User = Struct.new(:id, :email)
puts messenger_jwt(User.new(ENV.fetch("IDV_IDENTIFIER"), ENV.fetch("IDV_EMAIL")))
`,
  },
};

function phpJwtCore(c: SnippetContext): CoreCode {
  const kid = kidEnv(c);
  return {
    imports: ['use Firebase\\JWT\\JWT;'],
    code: `/** ${title(c)}: an HS256 JWT with a short expiry, signed on the server only. */
function messenger_jwt(object $user): string
{
    $secret = getenv('${c.envVar}');
    if ($secret === false || $secret === '') {
        throw new RuntimeException('${c.envVar} is not set');
    }
    $claims = [
${claimEntries(c, (k, v) => `        '${k}' => ${v},`, '(string) $user->id', '$user->email', (s) => `'${s}'`).join('\n')}
        'exp' => time() + 3600,
    ];
    return JWT::encode($claims, $secret, 'HS256'${kid ? `, (string) getenv('${kid}')` : ''});
}`,
  };
}

const jwtPhp: SnippetDefinition = {
  id: 'jwt-php',
  title: 'PHP endpoint that signs the messenger JWT (firebase/php-jwt)',
  language: 'php',
  framework: 'PHP (firebase/php-jwt)',
  kind: 'server',
  scheme: 'jwt',
  core: phpJwtCore,
  template: (c) => `<?php

declare(strict_types=1);

${phpJwtCore(c).imports.join('\n')}

${phpJwtCore(c).code}

header('Content-Type: application/json');
echo json_encode(['${field(c)}' => messenger_jwt(${stop(1, 'current_user()')})]);${stop(0)}
`,
  runnable: {
    filename: 'main.php',
    command: 'composer require --quiet firebase/php-jwt && php main.php',
    program: (c) => `<?php

declare(strict_types=1);

require __DIR__ . '/vendor/autoload.php';

${phpJwtCore(c).imports.join('\n')}

${phpJwtCore(c).code}

echo messenger_jwt((object) ['id' => getenv('IDV_IDENTIFIER'), 'email' => getenv('IDV_EMAIL')]), "\\n";
`,
  },
};

export const JWT_SNIPPETS: readonly SnippetDefinition[] = [jwtNode, jwtPython, jwtRuby, jwtPhp];
