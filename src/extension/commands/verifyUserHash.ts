/**
 * `idv.verifyUserHash`: check a hash in constant time and name the mistake behind a mismatch.
 * The verdict, the diagnosis in full and the right hash go to the Identity Verification panel.
 */
import { verifyUserHash as verify, type VerifyResult } from '../../core/verify';
import type { Platform } from '../../core/vendors';
import type { CommandContext } from '../context';
import type { IdentityPanel } from '../panel/panelView';
import { BACK } from '../prompts';
import { platformLabel, selectedText, settleTarget, targetSteps, type TargetAnswers } from '../pickers';
import { runSteps, type Step } from '../steps';
import type { ComputeArgs } from './computeUserHash';
import { requireSecret } from './setSecret';

export interface VerifyArgs extends ComputeArgs {
  readonly hash?: string;
}

/** Hex or base64 of 32 bytes: what a selection must look like to be taken as the hash. */
const HASH_SHAPE = /^(?:[0-9a-fA-F]{64}|[A-Za-z0-9+/_-]{43}=?)$/;

/** Command handler. Resolves to the verdict, or undefined if cancelled. */
export async function verifyUserHash(ctx: CommandContext, panel: IdentityPanel, args?: VerifyArgs): Promise<VerifyResult | undefined> {
  const title = 'Identity Verification: Verify User Hash';
  const selection = selectedText();
  const selectedHash = selection && HASH_SHAPE.test(selection) ? selection : undefined;
  type Answers = TargetAnswers & { readonly hash?: string };
  const hashStep: Step<Answers> = {
    asks: () => args?.hash === undefined && selectedHash === undefined,
    ask: (state, at) => ctx.prompter().inputStep({
      title,
      prompt: 'The user hash to check, as the client sends it.',
      ignoreFocusOut: true,
      ...(state.hash !== undefined ? { value: state.hash } : {}),
      validateInput: (value) => (value.trim() === '' ? 'Paste the hash to check.' : undefined),
      ...at,
    }).then((hash) => (hash === BACK || hash === undefined ? hash : { ...state, hash })),
  };
  // When the selection was the hash, the identifier cannot come from it too.
  const useSelection = (args?.hash ?? selectedHash) !== selection;
  const answers = await runSteps<Answers>({}, [hashStep, ...await targetSteps<Answers>(ctx, args, title, useSelection)]);
  const hash = args?.hash ?? answers?.hash ?? selectedHash;
  const target = answers && await settleTarget(ctx, answers, args, useSelection);
  if (hash === undefined || !target) return undefined;
  const { vendor, platform, ids } = target;
  const secret = await requireSecret(ctx, vendor, platform);
  if (secret === undefined) return undefined;

  const previousSecret = await ctx.vault.get({ vendor, platform, slot: 'previous' });
  const otherPlatformSecrets: Partial<Record<Platform, string>> = {};
  for (const other of vendor.platforms) {
    if (other === platform) continue;
    const value = await ctx.vault.get({ vendor, platform: other, slot: 'current' });
    if (value !== undefined) otherPlatformSecrets[other] = value;
  }
  let result: VerifyResult;
  try {
    result = verify({ hash, identifiers: ids, vendor, platform, secret, previousSecret, otherPlatformSecrets });
  } catch (error) {
    void ctx.prompter().warn((error as Error).message);
    return undefined;
  }
  ctx.walkthrough.done('hashChecked');
  ctx.log.info(`Verified a ${vendor.id}/${platform} user hash: ${result.match ? 'match' : `mismatch${result.diagnosis ? ` (${result.diagnosis.id})` : ''}`}.`);
  const why = result.diagnosis ? result.diagnosis.message : 'It matches none of the known mistakes: check the secret, the platform and the identifier.';
  await panel.show({ hash: {
    action: 'verified', vendor: vendor.name, platform: platformLabel(platform), hashField: vendor.hashField,
    identifierKind: result.identifier.kind === 'user_id' ? 'user id' : 'email', identifier: result.identifier.value,
    ...(result.identifier.note ? { identifierNote: result.identifier.note } : {}),
    hash: result.expected, given: hash.trim(), match: result.match, ...(result.match ? {} : { diagnosis: why }),
  } });
  if (result.match) panel.notify('info', `The ${vendor.hashField} matches.`);
  else panel.notify('warn', `The ${vendor.hashField} does not match${result.diagnosis ? ': the panel says why' : ''}.`);
  return result;
}
