/** `idv jwt TOKEN`: decode a messenger JWT and, given a secret, verify it. */
import { inspectJwt, JwtFormatError } from '../../core/jwt';
import { parse } from '../args';
import { vendorFrom } from '../identifiers';
import { UsageError, type CliCommand } from '../io';
import { readSecret } from '../secret';

export const jwtCommand: CliCommand = {
  name: 'jwt',
  summary: 'decode a JWT and verify its HS256 signature',
  usage: `Usage: idv jwt TOKEN [--vendor V] [--verify] [--secret-env NAME]
Prints header, claims and warnings. With --verify or --secret-env, checks the HS256
signature with the secret from standard input or the named environment variable.
Exit 0 when valid (or not checked) with no warnings, 1 otherwise.`,
  async run(argv, io) {
    const { values, positionals } = parse(argv, {
      vendor: { type: 'string', default: 'intercom' },
      verify: { type: 'boolean' },
      'secret-env': { type: 'string' },
    }, true);
    if (positionals.length !== 1) throw new UsageError('Give exactly one token: idv jwt TOKEN.');
    const vendor = vendorFrom(values.vendor);
    const secret = values.verify || values['secret-env'] !== undefined ? await readSecret(io, values['secret-env']) : undefined;
    let inspection;
    try {
      inspection = inspectJwt(positionals[0] ?? '', { secret, vendor });
    } catch (error) {
      if (error instanceof JwtFormatError) throw new UsageError(error.message);
      throw error;
    }
    io.stdout(`header: ${JSON.stringify(inspection.header)}\n`);
    io.stdout(`claims: ${JSON.stringify(inspection.payload, null, 2)}\n`);
    if (inspection.signatureValid !== undefined) io.stdout(`signature: ${inspection.signatureValid ? 'valid' : 'INVALID'}\n`);
    for (const warning of inspection.warnings) io.stdout(`warning: ${warning}\n`);
    return inspection.signatureValid === false || inspection.warnings.length > 0 ? 1 : 0;
  },
};
