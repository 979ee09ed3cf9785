/**
 * `idv.inspectJwt`: decode a messenger JWT, verify HS256 with the stored secret, and say first
 * whether the vendor would accept it (core/jwtReport.ts writes the words). The verdict, the other
 * problems and the decoded header and claims, dates beside their epoch seconds, go to the Identity
 * Verification panel; the notification is the verdict's title.
 */
import { inspectJwt as inspect, JwtFormatError, type JwtInspection } from '../../core/jwt';
import { jwtVerdict, type ReportContext } from '../../core/jwtReport';
import type { CommandContext } from '../context';
import { jwtPanel } from '../panel/panelHtml';
import type { IdentityPanel } from '../panel/panelView';
import { pickJwtVendor, pickPlatform, platformLabel, selectedText, type TargetArgs } from '../pickers';

export interface InspectArgs extends TargetArgs {
  readonly token?: string;
}

const JWT_SHAPE = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/;

/** Command handler. Resolves to the inspection, or undefined if cancelled or undecodable. */
export async function inspectJwt(ctx: CommandContext, panel: IdentityPanel, args?: InspectArgs): Promise<JwtInspection | undefined> {
  const title = 'Identity Verification: Inspect JWT';
  const selection = selectedText();
  const token = args?.token ?? (selection && JWT_SHAPE.test(selection) ? selection : await ctx.prompter().input({
    title, prompt: 'The JWT to decode (intercom_user_jwt, Zendesk or Featurebase token).', ignoreFocusOut: true,
  }));
  if (token === undefined) return undefined;
  const vendor = await pickJwtVendor(ctx, args, title, 'Which messenger issued the token?');
  if (!vendor) return undefined;
  const platform = await pickPlatform(ctx, vendor, args, title);
  if (!platform) return undefined;
  const secret = await ctx.vault.get({ vendor, platform, slot: 'current' });

  const now = Math.floor(Date.now() / 1000);
  let result: JwtInspection;
  try {
    result = inspect(token, { secret, vendor, now });
  } catch (error) {
    if (!(error instanceof JwtFormatError)) throw error;
    void ctx.prompter().warn(`Not a JWT: ${error.message}`);
    return undefined;
  }
  const report: ReportContext = { vendor, secretName: `${vendor.name} ${platformLabel(platform)} secret`, secretStored: secret !== undefined, now };
  const verdict = jwtVerdict(result, report);
  ctx.log.info(`Inspected a ${vendor.id}/${platform} JWT: ${verdict.kind}; ${result.problems.map((p) => p.kind).join(', ') || 'no problems'}.`);
  await panel.show({ jwt: jwtPanel(result, report) });
  const others = verdict.others.length === 0 ? '' : `, and ${verdict.others.length} more problem${verdict.others.length === 1 ? '' : 's'}`;
  panel.notify(verdict.kind === 'valid' && verdict.others.length === 0 ? 'info' : 'warn', `${vendor.name} JWT: ${verdict.title}${others}.`);
  return result;
}
