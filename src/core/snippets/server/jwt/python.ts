/** Python servers (Django, Flask, FastAPI) sign with PyJWT; route shapes follow ../python.ts. */
import { stop } from '../../template';
import type { CoreCode, SnippetContext, SnippetDefinition } from '../../types';
import { claimEntries, field, kidEnv, title } from './shared';

function pyJwtCore(c: SnippetContext): CoreCode {
  const kid = kidEnv(c);
  return {
    imports: ['import os', 'from datetime import datetime, timedelta, timezone'],
    code: `def messenger_jwt(user) -> str:
    """${title(c)}: an HS256 JWT with a short expiry, signed on the server only."""
    secret = os.environ.get("${c.envVar}", "")
    # Signing with an empty key would give tokens the messenger rejects: fail loudly instead.
    if not secret:
        raise RuntimeError("${c.envVar} is not set")${kid ? `
    key_id = os.environ.get("${kid}", "")
    if not key_id:
        raise RuntimeError("${kid} is not set")` : ''}
    claims = {
${claimEntries(c, (k, v) => `        "${k}": ${v},`, 'str(user.id)', 'user.email', (s) => `"${s}"`).join('\n')}
        "exp": datetime.now(tz=timezone.utc) + timedelta(hours=1),
    }
    return jwt.encode(claims, secret, algorithm="HS256"${kid ? ', headers={"kid": key_id}' : ''})`,
  };
}

/** Standard-library imports, a blank line, PyJWT and the framework's imports, then the code (PEP 8). */
function pyFile(c: SnippetContext, frameworkImports: readonly string[], rest: string): string {
  const core = pyJwtCore(c);
  return `${core.imports.join('\n')}\n\n${['import jwt', ...frameworkImports].join('\n')}\n\n\n${core.code}${rest}`;
}

const runnable = {
  filename: 'main.py',
  command: 'python3 main.py',
  program: (c: SnippetContext) => pyFile(c, [], `


if __name__ == "__main__":
    from types import SimpleNamespace

    print(messenger_jwt(SimpleNamespace(id=os.environ["IDV_IDENTIFIER"], email=os.environ.get("IDV_EMAIL"))))
`),
};

const django: SnippetDefinition = {
  id: 'jwt-django',
  title: 'Django view that signs the messenger JWT (PyJWT)',
  language: 'python',
  framework: 'Django (PyJWT)',
  kind: 'server',
  scheme: 'jwt',
  core: pyJwtCore,
  template: (c) => pyFile(c, ['from django.contrib.auth.decorators import login_required', 'from django.http import JsonResponse'], `


@login_required
def ${stop(1, 'messenger_jwt_view')}(request):
    return JsonResponse({"${field(c)}": messenger_jwt(request.user)})${stop(0)}
`),
  runnable,
};

const flask: SnippetDefinition = {
  id: 'jwt-flask',
  title: 'Flask route that signs the messenger JWT (PyJWT)',
  language: 'python',
  framework: 'Flask (PyJWT)',
  kind: 'server',
  scheme: 'jwt',
  core: pyJwtCore,
  template: (c) => pyFile(c, ['from flask import jsonify', 'from flask_login import current_user, login_required'], `


@${stop(1, 'app')}.get("${stop(2, '/api/messenger/jwt')}")
@login_required
def messenger_jwt_view():
    return jsonify({"${field(c)}": messenger_jwt(current_user)})${stop(0)}
`),
  runnable,
};

const fastapi: SnippetDefinition = {
  id: 'jwt-fastapi',
  title: 'FastAPI endpoint that signs the messenger JWT (PyJWT)',
  language: 'python',
  framework: 'FastAPI (PyJWT)',
  kind: 'server',
  scheme: 'jwt',
  core: pyJwtCore,
  template: (c) => pyFile(c, ['from typing import Annotated', 'from fastapi import APIRouter, Depends'], `

router = APIRouter()


@router.get("${stop(1, '/api/messenger/jwt')}")
def messenger_jwt_view(user: Annotated[${stop(2, 'User')}, Depends(${stop(3, 'current_user')})]) -> dict[str, str]:
    return {"${field(c)}": messenger_jwt(user)}${stop(0)}
`),
  runnable,
};

export const PYTHON_JWT_SNIPPETS: readonly SnippetDefinition[] = [django, flask, fastapi];
