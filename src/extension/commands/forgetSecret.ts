/** `idv.forgetSecret`: remove stored secrets, one slot at a time. */
import type { CommandContext } from '../context';
import { platformLabel, type TargetArgs } from '../pickers';
import type { SecretSlot } from '../secrets';

/** Command handler. Resolves to the number of secrets removed. */
export async function forgetSecret(ctx: CommandContext, args?: TargetArgs & { slot?: SecretSlot | 'all' }): Promise<number> {
  let refs = await ctx.vault.stored();
  if (args?.vendor) refs = refs.filter((r) => r.vendor.id === args.vendor && (!args.platform || r.platform === args.platform) && (!args.slot || args.slot === 'all' || r.slot === args.slot));
  else {
    if (refs.length === 0) {
      void ctx.prompter().info('No identity verification secrets are stored.');
      return 0;
    }
    const picked = await ctx.prompter().pickMany(
      refs.map((ref) => ({ label: `${ref.vendor.name} ${platformLabel(ref.platform)}`, description: ref.slot === 'previous' ? 'previous secret (before rotation)' : 'current secret', ref })),
      { title: 'Identity Verification: Forget Secret', placeHolder: 'Which secrets should be removed from secret storage?' },
    );
    refs = picked?.map((p) => p.ref) ?? [];
  }
  for (const ref of refs) {
    await ctx.vault.delete(ref);
    ctx.log.info(`Removed the ${ref.vendor.id}/${ref.platform} ${ref.slot} secret from SecretStorage.`);
  }
  if (refs.length > 0) void ctx.prompter().info(`Removed ${refs.length} secret${refs.length === 1 ? '' : 's'} from secret storage.`);
  return refs.length;
}
