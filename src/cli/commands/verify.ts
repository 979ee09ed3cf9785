/** `idv verify`: does a hash match, and if not, which known mistake made it. */
import { verifyUserHash } from '../../core/verify';
import { PLATFORMS, type Platform } from '../../core/vendors';
import { parse, required } from '../args';
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
  --hash H                        the hash to check
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
    const hash = required(values.hash, '--hash');
    const vendor = vendorFrom(values.vendor);
    const platform = platformFrom(values.platform);
    const identifiers = identifiersFrom(values);
    const previousSecret = values['previous-secret-env'] === undefined ? undefined : envSecret(io.env, values['previous-secret-env']);
    const otherPlatformSecrets: Partial<Record<Platform, string>> = {};
    for (const pair of values['other-secret-env'] ?? []) {
      const [p, name] = pair.split('=', 2);
      if (!name) throw new UsageError('--other-secret-env takes PLATFORM=NAME, such as ios=INTERCOM_IOS_SECRET (what was given is not repeated)');
      otherPlatformSecrets[platformFrom(p)] = envSecret(io.env, name);
    }
    const secret = await readSecret(io, values['secret-env']);
    let result;
    try {
      result = verifyUserHash({ hash, identifiers, vendor, platform, secret, previousSecret, otherPlatformSecrets });
    } catch (error) {
      throw new UsageError((error as Error).message);
    }
    if (result.match) {
      io.stdout(`match: the hash is ${vendor.name}'s user hash of ${result.identifier.kind} ${JSON.stringify(result.identifier.value)}\n`);
      return 0;
    }
    io.stdout(`mismatch: expected ${result.expected} (${result.identifier.kind} ${JSON.stringify(result.identifier.value)})\n`);
    io.stdout(result.diagnosis ? `diagnosis (${result.diagnosis.id}): ${result.diagnosis.message}\n` : 'diagnosis: the hash matches none of the known mistakes; check the secret and the platform.\n');
    return 1;
  },
};

function platformFrom(value: string | undefined): Platform {
  const platform = PLATFORMS.find((p) => p === value);
  if (!platform) throw new UsageError(`unknown platform; the platforms are ${PLATFORMS.join(', ')}`);
  return platform;
}

function envSecret(env: Readonly<Record<string, string | undefined>>, name: string): string {
  const value = env[name];
  if (value === undefined || value === '') throw new UsageError('--other-secret-env names an environment variable that is not set or is empty (the name given is not repeated here, in case it is the secret itself)');
  return value;
}
