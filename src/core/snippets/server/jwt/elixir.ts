/**
 * Phoenix signs with JOSE (the library under Joken), through its Erlang API (:jose_jwt),
 * which the hex package and Debian's erlang-jose both provide; shaped like ../elixir.ts.
 */
import { stop } from '../../template';
import type { CoreCode, SnippetContext, SnippetDefinition } from '../../types';
import { claimEntries, field, kidEnv, title } from './shared';

function elixirJwtCore(c: SnippetContext): CoreCode {
  const kid = kidEnv(c);
  return {
    imports: [],
    code: `defmodule MessengerJwt do
  @moduledoc "${title(c)}: an HS256 JWT with a short expiry, signed on the server only."

  def sign(user) do
    # System.fetch_env!/1 raises when a variable is unset; an empty one is refused as well.
    secret = System.fetch_env!("${c.envVar}")
    if secret == "", do: raise("${c.envVar} is not set")${kid ? `
    key_id = System.fetch_env!("${kid}")
    if key_id == "", do: raise("${kid} is not set")` : ''}
    jwk = :jose_jwk.from_oct(secret)
    header = %{"alg" => "HS256", "typ" => "JWT"${kid ? ', "kid" => key_id' : ''}}

    claims = %{
${claimEntries(c, (k, v) => `      "${k}" => ${v},`, 'to_string(user.id)', 'user.email', (s) => `"${s}"`).join('\n')}
      "exp" => System.os_time(:second) + 3600
    }

    {_, token} = jwk |> :jose_jwt.sign(header, claims) |> :jose_jws.compact()
    token
  end
end`,
  };
}

const phoenix: SnippetDefinition = {
  id: 'jwt-phoenix',
  title: 'Phoenix controller action that signs the messenger JWT (JOSE)',
  language: 'elixir',
  framework: 'Phoenix (JOSE)',
  kind: 'server',
  scheme: 'jwt',
  core: elixirJwtCore,
  template: (c) => `# mix.exs: {:jose, "~> 1.11"} (or Joken, which depends on it)
${elixirJwtCore(c).code}

defmodule ${stop(1, 'MyAppWeb')}.MessengerJwtController do
  use ${stop(1, 'MyAppWeb')}, :controller

  def show(conn, _params) do
    user = conn.assigns.${stop(2, 'current_user')}
    json(conn, %{"${field(c)}" => MessengerJwt.sign(user)})${stop(0)}
  end
end
`,
  runnable: {
    filename: 'main.exs',
    command: 'elixir main.exs',
    program: (c) => `${elixirJwtCore(c).code}

user = %{id: System.fetch_env!("IDV_IDENTIFIER"), email: System.get_env("IDV_EMAIL")}
IO.puts(MessengerJwt.sign(user))
`,
  },
};

export const ELIXIR_JWT_SNIPPETS: readonly SnippetDefinition[] = [phoenix];
