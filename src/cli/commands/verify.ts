/** `idv verify`: does a hash match, and if not, which known mistake made it. */
import { verifyUserHash } from '../../core/verify';
import type { Platform, Vendor } from '../../core/vendors';
import { parse } from '../args';
import { paletteFor } from '../format/color';
import { checkSecretForm, envVarName, platformFrom, userHashFrom } from '../forms';
import { identifierOptions, identifiersFrom, identifierUsage, vendorFrom } from '../identifiers';
import { UsageError, type CliCommand } from '../io';
import { readSecret } from '../secret';

export const verifyCommand: CliCommand = {
  name: 'verify',
  summary: 'check a user hash and diagnose a mismatch',
  usage: `Usage: idv verify --identifier ID --hash H [--vendor V] [--secret-env NAME]
                  [--platform web|ios|android] [--previous-secret-env NAME]
                  [--other-secret-env PLATFORM=NAME ...]
Exit 0 when the hash matches, 1 when it does not (with the mistake that explains it, if any).
${identifierUsage}
  --hash H                        the hash to check: 64 lowercase hex characters
                                  (HMAC-SHA256); uppercase hex and base64 are accepted
                                  so that verify can name that mistake
  --platform P                    the platform whose secret is given (default web)
  --previous-secret-env NAME      the secret before the last rotation
  --other-secret-env P=NAME       another platform's secret, to spot a mix-up`,
  async run(argv, io) {
    const { values } = parse(argv, {
      ...identifierOptions,
      hash: { type: 'string' },
      platform: { type: 'string', default: 'web' },
      'previous-secret-env': { type: 'string' },
      'other-secret-env': { type: 'string', multiple: true },
    });
    const hash = userHashFrom(values.hash);
    const vendor = vendorFrom(values.vendor);
    const platform = platformFrom(values.platform, vendor, '--platform');
    const identifiers = identifiersFrom(values);
    const previous = values['previous-secret-env'];
    const previousSecret = previous === undefined ? undefined : envSecret(io.env, previous, '--previous-secret-env', vendor);
    const otherPlatformSecrets: Partial<Record<Platform, string>> = {};
    for (const pair of values['other-secret-env'] ?? []) {
      const [p, name] = pair.split('=', 2);
      if (!name) throw new UsageError('--other-secret-env takes PLATFORM=NAME, such as ios=INTERCOM_IOS_SECRET (what was given is not repeated)');
      otherPlatformSecrets[platformFrom(p, vendor, '--other-secret-env\'s PLATFORM')] = envSecret(io.env, name, '--other-secret-env\'s NAME', vendor);
    }
    const secret = await readSecret(io, values['secret-env']);
    checkSecretForm(secret, vendor, values['secret-env'] === undefined ? 'the secret from standard input' : 'the secret in the variable --secret-env names');
    let result;
    try {
      result = verifyUserHash({ hash, identifiers, vendor, platform, secret, previousSecret, otherPlatformSecrets });
    } catch (error) {
      throw new UsageError((error as Error).message);
    }
    const p = paletteFor(io);
    if (result.match) {
      io.stdout(`${p.good('match')}: the hash is ${vendor.name}'s user hash of ${result.identifier.kind} ${JSON.stringify(result.identifier.value)}\n`);
      return 0;
    }
    io.stdout(`${p.bad('mismatch')}: expected ${result.expected} (${result.identifier.kind} ${JSON.stringify(result.identifier.value)})\n`);
    io.stdout(result.diagnosis ? `diagnosis (${result.diagnosis.id}): ${result.diagnosis.message}\n` : 'diagnosis: the hash matches none of the known mistakes; check the secret and the platform.\n');
    return 1;
  },
};

/** The secret in the variable `flag` names, in the form `vendor` uses. */
function envSecret(env: Readonly<Record<string, string | undefined>>, name: string, flag: string, vendor: Vendor): string {
  const value = env[envVarName(name, flag)];
  if (value === undefined || value === '') throw new UsageError(`${flag} names an environment variable that is not set or is empty (the name given is not repeated here, in case it is the secret itself)`);
  checkSecretForm(value, vendor, `the secret in the variable ${flag} names`);
  return value;
}
