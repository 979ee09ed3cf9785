/** Perl: a Mojolicious::Lite route over Digest::SHA (core Perl). */
import { hashName, mapEntries } from '../common';
import { stop } from '../template';
import type { CoreCode, SnippetContext, SnippetDefinition } from '../types';

function perlCore(c: SnippetContext): CoreCode {
  const key = c.hexSecret ? `pack('H*', $secret)` : '$secret';
  return {
    imports: ['use Digest::SHA qw(hmac_sha256_hex);', 'use Encode qw(encode);'],
    code: `# ${hashName(c)}: lowercase hex HMAC-SHA256 of the identifier. Server-side only.
sub user_hash {
    my ($identifier) = @_;
    my $secret = $ENV{${c.envVar}};
    die "${c.envVar} is not set\\n" unless defined $secret && length $secret;
    # Message first, key second: hmac_sha256_hex($data, $key). Swapping them is a classic bug.
    return hmac_sha256_hex(encode('UTF-8', $identifier), ${key});
}

# Checks a hash handed back by a client, in constant time: core Perl has no such compare,
# so accumulate the differences instead of stopping at the first one (never eq).
sub verify_user_hash {
    my ($identifier, $candidate) = @_;
    my $expected = user_hash($identifier);
    return 0 unless length $candidate == length $expected;
    my $diff = 0;
    $diff |= ord(substr $expected, $_, 1) ^ ord(substr $candidate, $_, 1) for 0 .. length($expected) - 1;
    return $diff == 0;
}`,
  };
}

function perlIdentifier(c: SnippetContext): string {
  if (c.identifier === 'email') return '$user->{email}';
  return c.emailFallback ? 'defined $user->{id} ? "$user->{id}" : $user->{email}' : '"$user->{id}"';
}

const mojolicious: SnippetDefinition = {
  id: 'perl',
  title: 'Perl Mojolicious route that returns the user hash for the signed-in user',
  language: 'perl',
  framework: 'Mojolicious',
  kind: 'server',
  scheme: 'hmac',
  core: perlCore,
  template: (c) => `use Mojolicious::Lite -signatures;
${perlCore(c).imports.join('\n')}

${perlCore(c).code}

get '${stop(1, '/api/messenger/identity')}' => sub ($c) {
    my $user = $c->${stop(2, 'current_user')} or return $c->render(json => { error => 'unauthorized' }, status => 401);
    $c->render(json => {
${mapEntries(c, { id: '$user->{id}', email: '$user->{email}', hash: `user_hash(${perlIdentifier(c)})` }, (k, e) => `        '${k}' => ${e},`).join('\n')}
    });${stop(0)}
};
`,
  runnable: {
    filename: 'main.pl',
    command: 'perl main.pl',
    program: (c) => `use strict;
use warnings;
use Digest::SHA qw(hmac_sha256_hex);
use Encode qw(decode encode);

${perlCore(c).code}

# %ENV holds bytes; decode once at the edge, as Mojolicious does for request data.
my $identifier = decode('UTF-8', $ENV{IDV_IDENTIFIER} // '');
print user_hash($identifier), "\\n";
print verify_user_hash($identifier, $ENV{IDV_VERIFY}) ? "true\\n" : "false\\n" if defined $ENV{IDV_VERIFY};
`,
  },
};

export const PERL_SNIPPETS: readonly SnippetDefinition[] = [mojolicious];
