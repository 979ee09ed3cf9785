/** Elixir: a Phoenix controller over :crypto.mac. */
import { hashName, mapEntries } from '../common';
import { stop } from '../template';
import type { CoreCode, SnippetContext, SnippetDefinition } from '../types';

function elixirCore(c: SnippetContext): CoreCode {
  const key = c.hexSecret ? `Base.decode16!(System.fetch_env!("${c.envVar}"), case: :mixed)` : `System.fetch_env!("${c.envVar}")`;
  return {
    imports: [],
    code: `defmodule UserHash do
  @moduledoc "${hashName(c)}: lowercase hex HMAC-SHA256 of the identifier. Server-side only."

  # System.fetch_env!/1 raises when the secret is unset instead of hashing with an empty key.
  def user_hash(identifier) when is_binary(identifier) do
    :crypto.mac(:hmac, :sha256, ${key}, identifier)
    |> Base.encode16(case: :lower)
  end

  @doc "Checks a hash handed back by a client, in constant time (as Plug.Crypto.secure_compare/2 does)."
  def valid_user_hash?(identifier, candidate) when is_binary(candidate) do
    expected = user_hash(identifier)
    byte_size(candidate) == byte_size(expected) and :crypto.hash_equals(expected, candidate)
  end
end`,
  };
}

function exIdentifier(c: SnippetContext): string {
  if (c.identifier === 'email') return 'user.email';
  return c.emailFallback ? 'if(user.id, do: to_string(user.id), else: user.email)' : 'to_string(user.id)';
}

const phoenix: SnippetDefinition = {
  id: 'phoenix',
  title: 'Phoenix controller action that returns the user hash for the signed-in user',
  language: 'elixir',
  framework: 'Phoenix',
  kind: 'server',
  scheme: 'hmac',
  core: elixirCore,
  template: (c) => `${elixirCore(c).code}

defmodule ${stop(1, 'MyAppWeb')}.MessengerIdentityController do
  use ${stop(1, 'MyAppWeb')}, :controller

  def show(conn, _params) do
    user = conn.assigns.${stop(2, 'current_user')}

    json(conn, %{
${mapEntries(c, { id: 'user.id', email: 'user.email', hash: `UserHash.user_hash(${exIdentifier(c)})` }, (k, e) => `      "${k}" => ${e}`).join(',\n')}
    })${stop(0)}
  end
end
`,
  runnable: {
    filename: 'main.exs',
    command: 'elixir main.exs',
    program: (c) => `${elixirCore(c).code}

identifier = System.fetch_env!("IDV_IDENTIFIER")
IO.puts(UserHash.user_hash(identifier))

case System.fetch_env("IDV_VERIFY") do
  {:ok, candidate} -> IO.puts(UserHash.valid_user_hash?(identifier, candidate))
  :error -> :ok
end
`,
  },
};

export const ELIXIR_SNIPPETS: readonly SnippetDefinition[] = [phoenix];
