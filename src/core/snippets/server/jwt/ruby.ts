/** Rails signs with ruby-jwt, in a helper shaped like the HMAC one in ../ruby.ts. */
import { indent, stop } from '../../template';
import type { CoreCode, SnippetContext, SnippetDefinition } from '../../types';
import { claimEntries, field, kidEnv, title } from './shared';

function rubyJwtCore(c: SnippetContext): CoreCode {
  const kid = kidEnv(c);
  return {
    imports: ['require "jwt"'],
    code: `# ${title(c)}: an HS256 JWT with a short expiry, signed on the server only.
def messenger_jwt(user)
  secret = ENV.fetch("${c.envVar}", "")
  # Signing with an empty key would give tokens the messenger rejects: fail loudly instead.
  raise "${c.envVar} is not set" if secret.empty?${kid ? `
  key_id = ENV.fetch("${kid}", "")
  raise "${kid} is not set" if key_id.empty?` : ''}
  claims = {
${claimEntries(c, (k, v) => `    ${k}: ${v},`, 'user.id.to_s', 'user.email', (s) => `"${s}"`).join('\n')}
    exp: Time.now.to_i + 3600,
  }
  JWT.encode(claims, secret, "HS256"${kid ? ', { kid: key_id }' : ''})
end`,
  };
}

const rails: SnippetDefinition = {
  id: 'jwt-rails',
  title: 'Rails helper that gives the view the messenger JWT for the signed-in user (ruby-jwt)',
  language: 'ruby',
  framework: 'Rails (ruby-jwt)',
  kind: 'server',
  scheme: 'jwt',
  core: rubyJwtCore,
  template: (c) => `${rubyJwtCore(c).imports.join('\n')}

# app/helpers/${stop(1, 'messenger_jwt')}_helper.rb
module MessengerJwtHelper
${indent(rubyJwtCore(c).code, 2)}

  # What the messenger needs on the page: render it into the boot call or return it as JSON.
  def messenger_identity(user = ${stop(2, 'current_user')})
    { "${field(c)}" => messenger_jwt(user) }${stop(0)}
  end
end
`,
  runnable: {
    filename: 'main.rb',
    command: 'ruby main.rb',
    program: (c) => `${rubyJwtCore(c).imports.join('\n')}

${rubyJwtCore(c).code}

User = Struct.new(:id, :email)
puts messenger_jwt(User.new(ENV.fetch("IDV_IDENTIFIER"), ENV.fetch("IDV_EMAIL", nil)))
`,
  },
};

export const RUBY_JWT_SNIPPETS: readonly SnippetDefinition[] = [rails];
