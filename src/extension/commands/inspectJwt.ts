/**
 * `idv.inspectJwt`: decode a messenger JWT, verify HS256 with the stored secret, and say first
 * whether the vendor would accept it (core/jwtReport.ts writes the words).
 */
import * as vscode from 'vscode';
import { inspectJwt as inspect, JwtFormatError, type JwtInspection } from '../../core/jwt';
import { formatInspection, inspectionSummary, jwtVerdict, type ReportContext } from '../../core/jwtReport';
import type { CommandContext } from '../context';
import { pickJwtVendor, pickPlatform, platformLabel, selectedText, type TargetArgs } from '../pickers';

export interface InspectArgs extends TargetArgs {
  readonly token?: string;
}

/** Read-only documents showing decoded tokens; nothing is written to disk. */
export class JwtDocuments implements vscode.TextDocumentContentProvider {
  static readonly scheme = 'idv-jwt';
  private readonly contents = new Map<string, string>();
  private counter = 0;

  /** Opens `text` as a read-only JSON document. */
  async show(text: string): Promise<void> {
    const uri = vscode.Uri.from({ scheme: JwtDocuments.scheme, path: `/token-${++this.counter}.jsonc` });
    this.contents.set(uri.toString(), text);
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.languages.setTextDocumentLanguage(doc, 'jsonc');
    await vscode.window.showTextDocument(doc, { preview: true, viewColumn: vscode.ViewColumn.Beside });
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.contents.get(uri.toString()) ?? '';
  }
}

const JWT_SHAPE = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/;

/** Command handler. Resolves to the inspection, or undefined if cancelled or undecodable. */
export async function inspectJwt(ctx: CommandContext, documents: JwtDocuments, args?: InspectArgs): Promise<JwtInspection | undefined> {
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
  await documents.show(formatInspection(result, report));
  const summary = inspectionSummary(result, report);
  void (verdict.kind === 'valid' && verdict.others.length === 0 ? ctx.prompter().info(summary) : ctx.prompter().warn(summary));
  return result;
}
