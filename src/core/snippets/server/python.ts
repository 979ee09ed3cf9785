/** Python servers: Django, Flask and FastAPI over the standard library's hmac module. */
import { hashName, mapEntries } from '../common';
import { stop } from '../template';
import type { CoreCode, SnippetContext, SnippetDefinition } from '../types';

function pyCore(c: SnippetContext): CoreCode {
  const key = c.hexSecret ? 'bytes.fromhex(secret)' : 'secret.encode("utf-8")';
  return { imports: ['import hashlib', 'import hmac', 'import os'], code: `def user_hash(identifier: str) -> str:
    """${hashName(c)}: lowercase hex HMAC-SHA256 of the identifier. Server-side only."""
    # KeyError when unset: better than hashing with an empty key the messenger rejects.
    secret = os.environ["${c.envVar}"]
    return hmac.new(${key}, identifier.encode("utf-8"), hashlib.sha256).hexdigest()


def verify_user_hash(identifier: str, candidate: str) -> bool:
    """Checks a hash handed back by a client, in constant time (never with ==)."""
    return hmac.compare_digest(user_hash(identifier).encode(), candidate.encode())` };
}

/** Standard-library imports, a blank line, the framework's imports, then the code (PEP 8). */
function pyFile(c: SnippetContext, frameworkImports: readonly string[], rest: string): string {
  const core = pyCore(c);
  const imports = frameworkImports.length > 0 ? `${core.imports.join('\n')}\n\n${frameworkImports.join('\n')}` : core.imports.join('\n');
  return `${imports}\n\n\n${core.code}${rest}`;
}

/** `user.id` or the email, as Python; `id`/`email` are attribute expressions. */
function pyIdentifier(c: SnippetContext, id: string, email: string): string {
  if (c.identifier === 'email') return email;
  return c.emailFallback ? `str(${id}) if ${id} is not None else ${email}` : `str(${id})`;
}

function pyDict(c: SnippetContext, id: string, email: string, hash: string, indentBy: number): string {
  const pad = ' '.repeat(indentBy);
  return `{\n${mapEntries(c, { id, email, hash }, (k, e) => `${pad}    "${k}": ${e},`).join('\n')}\n${pad}}`;
}

const pyMain = `

if __name__ == "__main__":
    identifier = os.environ["IDV_IDENTIFIER"]
    print(user_hash(identifier))
    if "IDV_VERIFY" in os.environ:
        print("true" if verify_user_hash(identifier, os.environ["IDV_VERIFY"]) else "false")
`;

const runnable = { filename: 'main.py', command: 'python3 main.py', program: (c: SnippetContext) => pyFile(c, [], pyMain) };

const django: SnippetDefinition = {
  id: 'django',
  title: 'Django view that returns the user hash for the signed-in user',
  language: 'python',
  framework: 'Django',
  kind: 'server',
  scheme: 'hmac',
  core: pyCore,
  template: (c) => pyFile(c, ['from django.contrib.auth.decorators import login_required', 'from django.http import JsonResponse'], `


@login_required
def ${stop(1, 'messenger_identity')}(request):
    user = request.user
    return JsonResponse(${pyDict(c, 'user.pk', 'user.email', `user_hash(${pyIdentifier(c, 'user.pk', 'user.email')})`, 4)})${stop(0)}
`),
  runnable,
};

const flask: SnippetDefinition = {
  id: 'flask',
  title: 'Flask route that returns the user hash for the signed-in user',
  language: 'python',
  framework: 'Flask',
  kind: 'server',
  scheme: 'hmac',
  core: pyCore,
  template: (c) => pyFile(c, ['from flask import jsonify', 'from flask_login import current_user, login_required'], `


@${stop(1, 'app')}.get("${stop(2, '/api/messenger/identity')}")
@login_required
def messenger_identity():
    return jsonify(${pyDict(c, 'current_user.id', 'current_user.email', `user_hash(${pyIdentifier(c, 'current_user.id', 'current_user.email')})`, 4)})${stop(0)}
`),
  runnable,
};

const fastapi: SnippetDefinition = {
  id: 'fastapi',
  title: 'FastAPI endpoint that returns the user hash for the signed-in user',
  language: 'python',
  framework: 'FastAPI',
  kind: 'server',
  scheme: 'hmac',
  core: pyCore,
  template: (c) => pyFile(c, ['from typing import Annotated', '', 'from fastapi import APIRouter, Depends'], `

router = APIRouter()


@router.get("${stop(1, '/api/messenger/identity')}")
def messenger_identity(user: Annotated[${stop(2, 'User')}, Depends(${stop(3, 'current_user')})]) -> dict[str, str | None]:
    return ${pyDict(c, 'user.id', 'user.email', `user_hash(${pyIdentifier(c, 'user.id', 'user.email')})`, 4)}${stop(0)}
`),
  runnable,
};

export const PYTHON_SNIPPETS: readonly SnippetDefinition[] = [django, flask, fastapi];
