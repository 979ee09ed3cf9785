/** Ruby on Rails: a helper over OpenSSL::HMAC, the secret from the environment. */
import { hashName, mapEntries } from '../common';
import { indent, stop } from '../template';
import type { CoreCode, SnippetContext, SnippetDefinition } from '../types';

function rubyCore(c: SnippetContext): CoreCode {
  const key = c.hexSecret ? `[ENV.fetch("${c.envVar}")].pack("H*")` : `ENV.fetch("${c.envVar}")`;
  return {
    imports: ['require "openssl"'],
    code: `# ${hashName(c)}: lowercase hex HMAC-SHA256 of the identifier. Server-side only.
# ENV.fetch raises when the secret is unset instead of hashing with an empty key.
def user_hash(identifier)
  OpenSSL::HMAC.hexdigest("SHA256", ${key}, identifier.to_s)
end

# Checks a hash handed back by a client, in constant time (never with ==).
def valid_user_hash?(identifier, candidate)
  OpenSSL.secure_compare(user_hash(identifier), candidate.to_s)
end`,
  };
}

function rubyIdentifier(c: SnippetContext): string {
  if (c.identifier === 'email') return 'user.email';
  return c.emailFallback ? 'user.id.present? ? user.id.to_s : user.email' : 'user.id.to_s';
}

const rails: SnippetDefinition = {
  id: 'rails',
  title: 'Rails helper that gives the view the user hash for the signed-in user',
  language: 'ruby',
  framework: 'Rails',
  kind: 'server',
  scheme: 'hmac',
  core: rubyCore,
  template: (c) => `${rubyCore(c).imports.join('\n')}

# app/helpers/${stop(1, 'messenger_identity')}_helper.rb
module MessengerIdentityHelper
${indent(rubyCore(c).code, 2)}

  # What the messenger needs on the page: render it into the boot call or return it as JSON.
  def messenger_identity(user = ${stop(2, 'current_user')})
    {
${mapEntries(c, { id: 'user.id', email: 'user.email', hash: `user_hash(${rubyIdentifier(c)})` }, (k, e) => `      "${k}" => ${e},`).join('\n')}
    }${stop(0)}
  end
end
`,
  runnable: {
    filename: 'main.rb',
    command: 'ruby main.rb',
    program: (c) => `${rubyCore(c).imports.join('\n')}

module UserHash
${indent(rubyCore(c).code, 2)}
end

include UserHash

identifier = ENV.fetch("IDV_IDENTIFIER")
puts user_hash(identifier)
puts valid_user_hash?(identifier, ENV["IDV_VERIFY"]) if ENV.key?("IDV_VERIFY")
`,
  },
};

export const RUBY_SNIPPETS: readonly SnippetDefinition[] = [rails];
