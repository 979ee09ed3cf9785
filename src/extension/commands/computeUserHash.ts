/** `idv.computeUserHash`: the hash checker. Shows the user hash with Copy and Insert actions. */
import * as vscode from 'vscode';
import { chooseIdentifier, computeUserHashWith, type ChosenIdentifier } from '../../core/userHash';
import type { CommandContext } from '../context';
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

const COPY = 'Copy';
const INSERT = 'Insert at Cursor';

/** Command handler. Resolves to the hash (a hash is not a secret) or undefined if cancelled. */
export async function computeUserHash(ctx: CommandContext, args?: ComputeArgs): Promise<ComputeResult | undefined> {
  const title = 'Identity Verification: Compute User Hash';
  const editor = vscode.window.activeTextEditor;
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
  ctx.log.info(`Computed a ${vendor.id}/${platform} user hash of a ${result.identifier.kind}.`);
  ctx.walkthrough.done('hashChecked');
  const what = result.identifier.kind === 'user_id' ? 'user id' : 'email';
  const note = result.identifier.note ? ` ${result.identifier.note}` : '';
  const action = await ctx.prompter().info(
    `${vendor.name} ${platformLabel(platform)} ${vendor.hashField} of ${what} ${JSON.stringify(result.identifier.value)}: ${result.hash}.${note}`,
    COPY, INSERT,
  );
  if (action === COPY) {
    await vscode.env.clipboard.writeText(result.hash);
  } else if (action === INSERT) {
    const target = editor ?? vscode.window.activeTextEditor;
    // Insert after the selection rather than over it: the selection is often the identifier.
    if (target) await target.edit((edit) => edit.insert(target.selection.end, result.hash));
    else void ctx.prompter().warn('No editor is open to insert the hash into.');
  }
  return result;
}
