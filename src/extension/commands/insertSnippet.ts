/**
 * `idv.insertSnippet`: pick a snippet (the active editor's language first), a vendor, what is
 * hashed and, for server code, the environment variable; insert it with its tab stops. With no
 * text editor active (the palette on an empty window, the walkthrough) it opens a new document
 * of the snippet's language; with an editor of another language it asks.
 */
import * as vscode from 'vscode';
import { listSnippets, renderSnippet, resolveContext, SnippetError, type IdentifierKind, type SnippetInfo, type SnippetKind, type SnippetScheme } from '../../core/snippets/catalogue';
import { rankSnippets, type RankedSnippet } from '../../core/snippets/ranking';
import { findVendor, type Vendor } from '../../core/vendors';
import type { CommandContext } from '../context';
import { readSettings } from '../settings';

export interface InsertArgs {
  readonly id?: string;
  readonly kind?: SnippetKind;
  /** Offer only snippets of this scheme (the walkthrough's migration step asks for `jwt`). */
  readonly scheme?: SnippetScheme;
  readonly vendor?: string;
  readonly identifier?: IdentifierKind;
  readonly envVar?: string;
}

export interface InsertResult {
  readonly id: string;
  readonly vendor: string;
  readonly uri: vscode.Uri;
}

type SnippetItem = vscode.QuickPickItem & { snippet?: SnippetInfo };

/** Command handler. Resolves to what was inserted where, or undefined if cancelled. */
export async function insertSnippet(ctx: CommandContext, args?: InsertArgs): Promise<InsertResult | undefined> {
  const title = 'Identity Verification: Insert Snippet';
  const editor = vscode.window.activeTextEditor;
  const settings = readSettings(editor?.document.uri);
  const snippet = args?.id
    ? listSnippets().find((s) => s.id === args.id)
    : await pickSnippet(ctx, editor?.document.languageId, { ...(args?.kind ? { kind: args.kind } : {}), ...(args?.scheme ? { scheme: args.scheme } : {}) }, args?.vendor ?? settings.defaultVendor, title);
  if (!snippet) return undefined;
  const vendor = await pickVendor(ctx, snippet, args?.vendor ?? settings.defaultVendor, args?.vendor !== undefined, title);
  if (!vendor) return undefined;
  const identifier = args?.identifier ?? await pickIdentifier(ctx, vendor, title);
  if (!identifier) return undefined;
  let envVar: string | undefined;
  if (snippet.kind === 'server') {
    const suggested = settings.envVar || vendor.envVar;
    envVar = args?.envVar ?? await ctx.prompter().input({
      title, prompt: 'Environment variable (or secret-store key) the server reads the secret from.', value: suggested, ignoreFocusOut: true,
      validateInput: (value) => validEnvVar(snippet.id, vendor.id, value),
    });
    if (envVar === undefined) return undefined;
  }

  let rendered;
  try {
    rendered = renderSnippet(snippet.id, { vendor: vendor.id, identifier, envVar });
  } catch (error) {
    if (!(error instanceof SnippetError)) throw error;
    void ctx.prompter().warn(error.message);
    return undefined;
  }
  const target = await targetEditor(ctx, editor, snippet.language);
  if (!target) return undefined;
  await target.insertSnippet(new vscode.SnippetString(rendered.body.join('\n')), target.selection.active);
  ctx.log.info(`Inserted snippet ${snippet.id} for ${vendor.id} into ${target.document.uri.toString(true)}.`);
  ctx.walkthrough.done(snippet.kind === 'server' ? 'serverSnippetInserted' : 'clientSnippetInserted');
  return { id: snippet.id, vendor: vendor.id, uri: target.document.uri };
}

/**
 * The editor's language first; within each group, the scheme the preferred vendor recommends
 * first (JWT for Intercom, Featurebase and Zendesk), its items saying why.
 */
async function pickSnippet(ctx: CommandContext, languageId: string | undefined, filter: { kind?: SnippetKind; scheme?: SnippetScheme }, vendor: string, title: string): Promise<SnippetInfo | undefined> {
  const { kind } = filter;
  const all = listSnippets(filter);
  const here = rankSnippets(languageId ? all.filter((s) => s.language === languageId) : [], vendor);
  const rest = rankSnippets(all.filter((s) => !here.some((r) => r.snippet === s)), vendor);
  const toItem = ({ snippet: s, recommended }: RankedSnippet): SnippetItem => ({
    label: s.title,
    description: `${s.kind}${s.scheme === 'jwt' ? ', JWT' : ''}${recommended ? ' · recommended' : ''}`,
    detail: `${recommended ? `${recommended} · ` : ''}${s.language} · ${s.framework} · ${s.id}`,
    snippet: s,
  });
  const items: SnippetItem[] = [
    ...(here.length > 0 ? [{ label: `For ${languageId ?? ''}`, kind: vscode.QuickPickItemKind.Separator }, ...here.map(toItem)] : []),
    { label: here.length > 0 ? 'Other languages' : 'Snippets', kind: vscode.QuickPickItemKind.Separator },
    ...rest.map(toItem),
  ];
  const picked = await ctx.prompter().pick(items, { title, placeHolder: kind === 'server' ? (filter.scheme === 'jwt' ? 'Server code that signs the JWT' : 'Server code that computes the hash') : 'Which snippet?', matchOnDescription: true, matchOnDetail: true });
  return picked?.snippet;
}

async function pickVendor(ctx: CommandContext, snippet: SnippetInfo, preferred: string, given: boolean, title: string): Promise<Vendor | undefined> {
  const vendors = snippet.vendors.map((id) => findVendor(id)).filter((v): v is Vendor => v !== undefined);
  const wanted = findVendor(preferred);
  if (given) return wanted && vendors.includes(wanted) ? wanted : undefined;
  if (vendors.length === 1) return vendors[0];
  const ordered = [...vendors].sort((a, b) => Number(b === wanted) - Number(a === wanted));
  const field = (v: Vendor) => (snippet.scheme === 'jwt' ? v.jwt?.field ?? v.hashField : v.hashField);
  const picked = await ctx.prompter().pick(ordered.map((v) => ({ label: v.name, description: field(v), vendor: v })), { title, placeHolder: 'Which messenger?' });
  return picked?.vendor;
}

async function pickIdentifier(ctx: CommandContext, vendor: Vendor, title: string): Promise<IdentifierKind | undefined> {
  if (vendor.hashes !== 'user_id_or_email') return vendor.hashes === 'email' ? 'email' : 'user_id';
  const picked = await ctx.prompter().pick([
    { label: 'User id', description: 'recommended', detail: 'Hash the user id, and the email only for users without one (a hash of the email fails when a user id is also sent).', value: 'user_id' as const },
    { label: 'Email', detail: 'Hash the email: only for apps whose users have no id.', value: 'email' as const },
  ], { title, placeHolder: `What does the server hash for ${vendor.name}?` });
  return picked?.value;
}

function validEnvVar(id: string, vendor: string, value: string): string | undefined {
  try {
    resolveContext(id, { vendor, envVar: value });
    return undefined;
  } catch (error) {
    return error instanceof SnippetError ? error.message : String(error);
  }
}

/**
 * The editor to insert into: the active one if its language fits; with another language, the
 * user chooses; with no text editor, a new document, beside whatever else is active (the
 * walkthrough stays in view, and shows its step ticked).
 */
async function targetEditor(ctx: CommandContext, editor: vscode.TextEditor | undefined, language: string): Promise<vscode.TextEditor | undefined> {
  if (editor && editor.document.languageId === language) return editor;
  if (editor) {
    const NEW = `New ${language} Document`;
    const HERE = 'Insert Here Anyway';
    const choice = await ctx.prompter().info(`This snippet is ${language}; the active editor is ${editor.document.languageId}.`, NEW, HERE);
    if (choice === HERE) return editor;
    if (choice !== NEW) return undefined;
  }
  // Elixir, Kotlin and Vue exist only once a language extension defines them.
  const known = (await vscode.languages.getLanguages()).includes(language);
  const doc = await vscode.workspace.openTextDocument(known ? { language } : {});
  const besideAnotherEditor = !editor && vscode.window.tabGroups.activeTabGroup.activeTab !== undefined;
  return vscode.window.showTextDocument(doc, besideAnotherEditor ? vscode.ViewColumn.Beside : undefined);
}
