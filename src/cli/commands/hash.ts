/** `idv hash`: the user hash for an identifier, the secret read from stdin or an env var. */
import { chooseIdentifier, computeUserHash } from '../../core/hmac';
import { parse } from '../args';
import { checkSecretForm } from '../forms';
import { identifierOptions, identifiersFrom, identifierUsage, vendorFrom } from '../identifiers';
import type { CliCommand } from '../io';
import { readSecret } from '../secret';

export const hashCommand: CliCommand = {
  name: 'hash',
  summary: 'compute the user hash for an identifier',
  usage: `Usage: idv hash --identifier ID [--vendor V] [--secret-env NAME]
Prints the lowercase hex HMAC-SHA256 user hash. The secret comes from standard input,
or from the environment variable named by --secret-env, never from an argument.
${identifierUsage}`,
  async run(argv, io) {
    const { values } = parse(argv, identifierOptions);
    const vendor = vendorFrom(values.vendor);
    const identifier = chooseIdentifier(identifiersFrom(values), vendor);
    const secret = await readSecret(io, values['secret-env']);
    checkSecretForm(secret, vendor, values['secret-env'] === undefined ? 'the secret from standard input' : 'the secret in the variable --secret-env names');
    const hash = computeUserHash(secret, identifier.value, vendor);
    if (identifier.note) io.stderr(`note: ${identifier.note}\n`);
    // Legal, but usually a copy-and-paste slip, and the hash then matches only the spaced value.
    if (identifier.value !== identifier.value.trim()) io.stderr('note: the identifier starts or ends with whitespace; it is hashed as given, so the client must send it exactly so\n');
    io.stdout(`${hash}\n`);
    return 0;
  },
};
