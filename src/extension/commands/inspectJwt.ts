/** `idv.inspectJwt`: decode a messenger JWT, verify HS256 with the stored secret, list problems. */
import * as vscode from 'vscode';
import { inspectJwt as inspect, JwtFormatError, type JwtInspection } from '../../core/jwt';
import { VENDORS } from '../../core/vendors';
import type { CommandContext } from '../context';
import { pickPlatform, platformLabel, selectedText, type TargetArgs } from '../pickers';

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
  const jwtVendors = VENDORS.filter((v) => v.jwt);
  const vendor = args?.vendor ? jwtVendors.find((v) => v.id === args.vendor) : (await ctx.prompter().pick(
    jwtVendors.map((v) => ({ label: v.name, description: `identifier claim "${v.jwt?.identifierClaim ?? ''}"`, vendor: v })),
    { title, placeHolder: 'Which messenger issued the token?' },
  ))?.vendor;
  if (!vendor) return undefined;
  const platform = await pickPlatform(ctx, vendor, args, title);
  if (!platform) return undefined;
  const secret = await ctx.vault.get({ vendor, platform, slot: 'current' });

  let result: JwtInspection;
  try {
    result = inspect(token, { secret, vendor });
  } catch (error) {
    if (!(error instanceof JwtFormatError)) throw error;
    void ctx.prompter().warn(`Not a JWT: ${error.message}`);
    return undefined;
  }
  ctx.log.info(`Inspected a ${vendor.id} JWT: signature ${result.signatureValid === undefined ? 'not checked' : result.signatureValid ? 'valid' : 'invalid'}, ${result.warnings.length} warning(s).`);
  const signature = result.signatureValid === undefined
    ? (secret === undefined ? `not checked: no ${vendor.name} ${platformLabel(platform)} secret is stored` : 'not checked: the alg is not HS256')
    : result.signatureValid ? `valid (HS256, ${vendor.name} ${platformLabel(platform)} secret)` : 'INVALID for the stored secret';
  await documents.show([
    `// ${vendor.name} JWT, decoded. Signature: ${signature}.`,
    ...result.warnings.map((w) => `// Warning: ${w}`),
    JSON.stringify({ header: result.header, claims: result.payload }, null, 2),
    '',
  ].join('\n'));
  const summary = `JWT signature ${signature}; ${result.warnings.length === 0 ? 'no problems found' : `${result.warnings.length} problem(s): ${result.warnings.join(' ')}`}`;
  void (result.warnings.length === 0 && result.signatureValid !== false ? ctx.prompter().info(summary) : ctx.prompter().warn(summary));
  return result;
}
