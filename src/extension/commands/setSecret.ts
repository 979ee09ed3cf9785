/** `idv.setSecret`: store a vendor/platform secret in SecretStorage through a masked input box. */
import { secretKeyBytes } from '../../core/userHash';
import type { Platform, Vendor } from '../../core/vendors';
import type { CommandContext } from '../context';
import { pickPlatform, pickVendor, platformLabel, type TargetArgs } from '../pickers';

/** Asks for a secret with a masked input box; validates hex for vendors whose secret is hex. */
export function askSecretValue(ctx: CommandContext, vendor: Vendor, platform: Platform, prompt: string): Thenable<string | undefined> {
  return ctx.prompter().input({
    title: `${vendor.name} ${platformLabel(platform)} identity verification secret`,
    prompt,
    password: true,
    ignoreFocusOut: true,
    validateInput: (value) => {
      if (value.trim() === '') return 'The secret cannot be empty.';
      try {
        secretKeyBytes(value, vendor.secretEncoding);
        return undefined;
      } catch (error) {
        return (error as Error).message;
      }
    },
  });
}

/** The current secret, or (asked once) a new one stored now; undefined if the user declines. */
export async function requireSecret(ctx: CommandContext, vendor: Vendor, platform: Platform): Promise<string | undefined> {
  const stored = await ctx.vault.get({ vendor, platform, slot: 'current' });
  if (stored !== undefined) return stored;
  const value = await askSecretValue(ctx, vendor, platform, `No ${vendor.name} ${platformLabel(platform)} secret is stored yet. Paste it to keep it in VS Code's secret storage.`);
  if (value === undefined) return undefined;
  await ctx.vault.setCurrent(vendor, platform, value);
  ctx.log.info(`Stored the ${vendor.id}/${platform} secret in SecretStorage.`);
  ctx.walkthrough.done('secretStored');
  return value;
}

/** Command handler. Resolves to true when a secret was stored. */
export async function setSecret(ctx: CommandContext, args?: TargetArgs): Promise<boolean> {
  const title = 'Identity Verification: Set Secret';
  const vendor = await pickVendor(ctx, args, title);
  if (!vendor) return false;
  const platform = await pickPlatform(ctx, vendor, args, title);
  if (!platform) return false;
  const value = await askSecretValue(ctx, vendor, platform, 'Paste the secret from the messenger\'s settings. It is kept in VS Code\'s secret storage, never in settings or logs.');
  if (value === undefined) return false;
  const rotated = await ctx.vault.setCurrent(vendor, platform, value);
  ctx.walkthrough.done('secretStored');
  if (rotated) ctx.walkthrough.done('secretRotated');
  ctx.log.info(`Stored the ${vendor.id}/${platform} secret in SecretStorage${rotated ? '; the replaced one is kept as the previous secret' : ''}.`);
  void ctx.prompter().info(rotated
    ? `${vendor.name} ${platformLabel(platform)} secret replaced. The old one is kept as the previous secret, so Verify User Hash can recognise hashes made before the rotation.`
    : `${vendor.name} ${platformLabel(platform)} secret stored in VS Code's secret storage.`);
  return true;
}
