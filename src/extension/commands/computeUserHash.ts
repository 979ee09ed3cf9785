/**
 * `idv.computeUserHash`: the hash checker. Puts the user hash in the Identity Verification panel
 * (whole, with Copy and Insert at Cursor); the notification only says it is there.
 */
import { chooseIdentifier, computeUserHashWith, type ChosenIdentifier } from '../../core/userHash';
import type { CommandContext } from '../context';
import type { IdentityPanel } from '../panel/panelView';
import { platformLabel, settleTarget, targetSteps, type TargetAnswers, type TargetArgs } from '../pickers';
import { runSteps } from '../steps';
import { requireSecret } from './setSecret';

export interface ComputeArgs extends TargetArgs {
  readonly identifier?: string;
  readonly userId?: string;
  readonly email?: string;
}

export interface ComputeResult {
  readonly hash: string;
  readonly identifier: ChosenIdentifier;
}

/** Command handler. Resolves to the hash (a hash is not a secret) or undefined if cancelled. */
export async function computeUserHash(ctx: CommandContext, panel: IdentityPanel, args?: ComputeArgs): Promise<ComputeResult | undefined> {
  const title = 'Identity Verification: Compute User Hash';
  const answers = await runSteps<TargetAnswers>({}, await targetSteps(ctx, args, title, true));
  const target = answers && await settleTarget(ctx, answers, args, true);
  if (!target) return undefined;
  const { vendor, platform, ids } = target;
  const secret = await requireSecret(ctx, vendor, platform);
  if (secret === undefined) return undefined;

  let result: ComputeResult;
  try {
    const identifier = chooseIdentifier(ids, vendor);
    result = { hash: await computeUserHashWith(ctx.hmac, secret, identifier.value, vendor), identifier };
  } catch (error) {
    void ctx.prompter().warn((error as Error).message);
    return undefined;
  }
  ctx.log.info(`Computed the ${vendor.id}/${platform} user hash of a ${result.identifier.kind === 'user_id' ? 'user id' : 'email'}.`);
  ctx.walkthrough.done('hashChecked');
  await panel.show({ hash: {
    action: 'computed', vendor: vendor.name, platform: platformLabel(platform), hashField: vendor.hashField,
    identifierKind: result.identifier.kind === 'user_id' ? 'user id' : 'email', identifier: result.identifier.value,
    ...(result.identifier.note ? { identifierNote: result.identifier.note } : {}), hash: result.hash,
  } });
  panel.notify('info', `Computed the ${vendor.name} ${platformLabel(platform)} ${vendor.hashField}.`);
  return result;
}
