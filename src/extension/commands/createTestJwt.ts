/**
 * `idv.createTestJwt`: the JWT counterpart of Compute User Hash. Signs a token with the vendor's
 * claims (from the vendor files, via core/jwtCreate.ts) and the stored secret, to compare with
 * what the server mints or to try the messenger with, and offers Copy and Insert at Cursor.
 */
import * as vscode from 'vscode';
import { createTestJwt as create, TEST_JWT_LIFETIMES, testJwtPlan, type ClaimQuestion, type TestJwt } from '../../core/jwtCreate';
import { isoTime, relativeTime } from '../../core/jwtReport';
import type { Vendor } from '../../core/vendors';
import type { CommandContext } from '../context';
import { pickJwtVendor, pickPlatform, platformLabel, selectedText, type TargetArgs } from '../pickers';
import { requireSecret } from './setSecret';

export interface CreateJwtArgs extends TargetArgs {
  /** Claim values by name; when given, no claim is asked for. */
  readonly claims?: Readonly<Record<string, string>>;
  readonly kid?: string;
  readonly lifetimeSeconds?: number;
}

const COPY = 'Copy';
const INSERT = 'Insert at Cursor';

/** Asks for each claim the vendor's token carries; the identifier starts from the selection. */
async function askClaims(ctx: CommandContext, vendor: Vendor, questions: readonly ClaimQuestion[], title: string): Promise<Record<string, string> | undefined> {
  const claims: Record<string, string> = {};
  const selection = selectedText();
  for (const question of questions) {
    const value = await ctx.prompter().input({
      title,
      prompt: question.required
        ? `The "${question.claim}" claim${question.identifier ? ': the id your app knows the user by' : ''} (${vendor.name} requires it).`
        : `The "${question.claim}" claim, optional: leave it empty to leave it out.`,
      value: question.identifier ? selection : undefined,
      ignoreFocusOut: true,
      validateInput: (text) => (question.required && text.trim() === '' ? `${vendor.name} requires "${question.claim}".` : undefined),
    });
    if (value === undefined) return undefined;
    if (value.trim() !== '') claims[question.claim] = value.trim();
  }
  return claims;
}

/** Command handler. Resolves to the token and its parts (a test token, not the secret), or undefined if cancelled. */
export async function createTestJwt(ctx: CommandContext, args?: CreateJwtArgs): Promise<TestJwt | undefined> {
  const title = 'Identity Verification: Create Test JWT';
  const editor = vscode.window.activeTextEditor;
  const vendor = await pickJwtVendor(ctx, args, title, 'Which messenger is the token for?');
  if (!vendor) return undefined;
  const platform = await pickPlatform(ctx, vendor, args, title);
  if (!platform) return undefined;
  const plan = testJwtPlan(vendor);
  const claims = args?.claims ?? await askClaims(ctx, vendor, plan.questions, title);
  if (!claims) return undefined;
  const kid = !plan.needsKid ? undefined : args?.kid ?? await ctx.prompter().input({
    title,
    prompt: `The key id (kid) of the ${vendor.name} secret, as the admin page that shows the secret lists it. It goes into the token's header.`,
    ignoreFocusOut: true,
    validateInput: (text) => (text.trim() === '' ? `${vendor.name} needs the key id.` : undefined),
  });
  if (plan.needsKid && kid === undefined) return undefined;
  const lifetimeSeconds = args?.lifetimeSeconds ?? (await ctx.prompter().pick(
    TEST_JWT_LIFETIMES.map((lifetime, i) => ({ label: lifetime.label, description: i === 0 ? 'default: about one session' : '', lifetime })),
    { title, placeHolder: 'When should the token expire (exp)?' },
  ))?.lifetime.seconds;
  if (lifetimeSeconds === undefined) return undefined;
  const secret = await requireSecret(ctx, vendor, platform);
  if (secret === undefined) return undefined;

  let result: TestJwt;
  try {
    result = create(vendor, secret, { claims, kid, lifetimeSeconds });
  } catch (error) {
    void ctx.prompter().warn((error as Error).message);
    return undefined;
  }
  ctx.log.info(`Created a test ${vendor.id}/${platform} JWT (HS256, expires in ${lifetimeSeconds} s).`);
  ctx.walkthrough.done('hashChecked');
  const exp = result.payload.exp as number;
  const carried = plan.questions.filter((q) => claims[q.claim] !== undefined).map((q) => `${q.claim} ${JSON.stringify(claims[q.claim])}`);
  const action = await ctx.prompter().info(
    `Test ${vendor.name} ${platformLabel(platform)} JWT signed (HS256) with the stored secret, for ${carried.join(', ')}; it expires ${relativeTime(exp, exp - lifetimeSeconds)} (${isoTime(exp)}).`,
    COPY, INSERT,
  );
  if (action === COPY) {
    await vscode.env.clipboard.writeText(result.token);
  } else if (action === INSERT) {
    const target = editor ?? vscode.window.activeTextEditor;
    // After the selection, as Compute User Hash does: the selection is often the user id.
    if (target) await target.edit((edit) => edit.insert(target.selection.end, result.token));
    else void ctx.prompter().warn('No editor is open to insert the token into.');
  }
  return result;
}
