/** `idv jwt TOKEN`: decode a messenger JWT and, given a secret, verify it. */
import { inspectJwt, JwtFormatError } from '../../core/jwt';
import { parse } from '../args';
import { paletteFor } from '../format/color';
import { checkSecretForm } from '../forms';
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
    const token = positionals[0] ?? '';
    const vendor = vendorFrom(values.vendor);
    // The token's shape is checked before a secret is asked for: a typo should not cost a paste.
    try {
      inspectJwt(token);
    } catch (error) {
      if (error instanceof JwtFormatError) throw new UsageError(notAJwt(token, error));
      throw error;
    }
    const secret = values.verify || values['secret-env'] !== undefined ? await readSecret(io, values['secret-env']) : undefined;
    if (secret !== undefined) checkSecretForm(secret, vendor, values['secret-env'] === undefined ? 'the secret from standard input' : 'the secret in the variable --secret-env names');
    const inspection = inspectJwt(token, { secret, vendor });
    const p = paletteFor(io);
    io.stdout(`header: ${JSON.stringify(inspection.header)}\n`);
    io.stdout(`claims: ${JSON.stringify(inspection.payload, null, 2)}\n`);
    if (inspection.signatureValid !== undefined) io.stdout(`signature: ${inspection.signatureValid ? p.good('valid') : p.bad('INVALID')}\n`);
    for (const warning of inspection.warnings) io.stdout(`${p.severity('warning')}: ${warning}\n`);
    return inspection.signatureValid === false || inspection.warnings.length > 0 ? 1 : 0;
  },
};

/** Why TOKEN is not a JWT, with the form one takes; the token is not repeated (it is a credential). */
function notAJwt(token: string, error: JwtFormatError): string {
  const form = 'TOKEN must be a JWT: header.payload.signature, three base64url parts separated by dots';
  if (/^[0-9a-fA-F]{64}$/.test(token.trim())) return `${form}; the value given is 64 hex characters, a user hash (idv verify checks those)`;
  const parts = token.trim().split('.').length;
  if (parts !== 3) return `${form}; the value given has ${parts} part${parts === 1 ? '' : 's'}`;
  return `${form}; ${error.message.charAt(0).toLowerCase()}${error.message.slice(1).replace(/\.$/, '')}`;
}
