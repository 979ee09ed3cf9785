/** Perl signs with Crypt::JWT (CryptX) in a Mojolicious::Lite route shaped like ../perl.ts. */
import { stop } from '../../template';
import type { CoreCode, SnippetContext, SnippetDefinition } from '../../types';
import { claimEntries, field, kidEnv, title } from './shared';

function perlJwtCore(c: SnippetContext): CoreCode {
  const kid = kidEnv(c);
  return {
    imports: ['use Crypt::JWT qw(encode_jwt);'],
    code: `# ${title(c)}: an HS256 JWT with a short expiry, signed on the server only.
# Claims are character strings; Crypt::JWT encodes them as UTF-8 JSON.
sub messenger_jwt {
    my ($user) = @_;
    my $secret = $ENV{${c.envVar}};
    # Signing with an empty key would give tokens the messenger rejects: fail loudly instead.
    die "${c.envVar} is not set\\n" unless defined $secret && length $secret;${kid ? `
    my $key_id = $ENV{${kid}};
    die "${kid} is not set\\n" unless defined $key_id && length $key_id;` : ''}
    return encode_jwt(
        payload => {
${claimEntries(c, (k, v) => `            ${k} => ${v},`, '"$user->{id}"', '$user->{email}', (s) => `'${s}'`).join('\n')}
        },
        alg           => 'HS256',
        key           => $secret,
        relative_exp  => 3600,
        extra_headers => { typ => 'JWT'${kid ? ', kid => $key_id' : ''} },
    );
}`,
  };
}

const mojolicious: SnippetDefinition = {
  id: 'jwt-perl',
  title: 'Perl Mojolicious route that signs the messenger JWT (Crypt::JWT)',
  language: 'perl',
  framework: 'Mojolicious (Crypt::JWT)',
  kind: 'server',
  scheme: 'jwt',
  core: perlJwtCore,
  template: (c) => `use Mojolicious::Lite -signatures;
${perlJwtCore(c).imports.join('\n')}

${perlJwtCore(c).code}

get '${stop(1, '/api/messenger/jwt')}' => sub ($c) {
    my $user = $c->${stop(2, 'current_user')} or return $c->render(json => { error => 'unauthorized' }, status => 401);
    $c->render(json => { '${field(c)}' => messenger_jwt($user) });${stop(0)}
};
`,
  runnable: {
    filename: 'main.pl',
    command: 'perl main.pl',
    program: (c) => `use strict;
use warnings;
${perlJwtCore(c).imports.join('\n')}
use Encode qw(decode);

${perlJwtCore(c).code}

# %ENV holds bytes; decode once at the edge, as Mojolicious does for request data.
my $user = { id => decode('UTF-8', $ENV{IDV_IDENTIFIER} // ''), email => defined $ENV{IDV_EMAIL} ? decode('UTF-8', $ENV{IDV_EMAIL}) : undef };
print messenger_jwt($user), "\\n";
`,
  },
};

export const PERL_JWT_SNIPPETS: readonly SnippetDefinition[] = [mojolicious];
