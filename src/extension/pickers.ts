/** The vendor, platform and identifier questions shared by the hash-checker commands. */
import * as vscode from 'vscode';
import { looksLikeEmail, type UserIdentifiers } from '../core/userHash';
import { findVendor, VENDORS, type Platform, type Vendor } from '../core/vendors';
import type { CommandContext } from './context';
import { readSettings } from './settings';

const PLATFORM_LABELS: Record<Platform, string> = { web: 'Web', ios: 'iOS', android: 'Android' };

/** Options a command accepts when run from code (tests, quick fixes) instead of the palette. */
export interface TargetArgs {
  readonly vendor?: string;
  readonly platform?: Platform;
}

/** The vendor from `args`, else a quick pick with the configured default first. */
export async function pickVendor(ctx: CommandContext, args: TargetArgs | undefined, title: string): Promise<Vendor | undefined> {
  if (args?.vendor) return findVendor(args.vendor);
  const stored = new Set((await ctx.vault.stored()).map((ref) => ref.vendor.id));
  const preferred = readSettings(vscode.window.activeTextEditor?.document.uri).defaultVendor;
  const ordered = [...VENDORS].sort((a, b) => Number(b.id === preferred) - Number(a.id === preferred));
  const picked = await ctx.prompter().pick(
    ordered.map((vendor) => ({ label: vendor.name, description: stored.has(vendor.id) ? '$(key) secret stored' : '', detail: describeVendor(vendor), vendor })),
    { title, placeHolder: 'Which messenger?', matchOnDetail: true },
  );
  return picked?.vendor;
}

function describeVendor(vendor: Vendor): string {
  const what = { user_id: 'the user id', email: 'the email', user_id_or_email: 'the user id (or the email when there is none)' }[vendor.hashes];
  const hex = vendor.secretEncoding === 'hex' ? ', hex secret decoded first' : '';
  return `Hashes ${what} into "${vendor.hashField}"${hex}`;
}

/**
 * A vendor with a JWT scheme (Intercom, Zendesk, Featurebase) from `args`, else a quick pick
 * with the configured default first when it has one. Undefined for a vendor without a JWT.
 */
export async function pickJwtVendor(ctx: CommandContext, args: TargetArgs | undefined, title: string, placeHolder: string): Promise<Vendor | undefined> {
  const jwtVendors = VENDORS.filter((v) => v.jwt);
  if (args?.vendor) return jwtVendors.find((v) => v.id === args.vendor);
  const stored = new Set((await ctx.vault.stored()).map((ref) => ref.vendor.id));
  const preferred = readSettings(vscode.window.activeTextEditor?.document.uri).defaultVendor;
  const ordered = [...jwtVendors].sort((a, b) => Number(b.id === preferred) - Number(a.id === preferred));
  const picked = await ctx.prompter().pick(
    ordered.map((vendor) => ({
      label: vendor.name,
      description: stored.has(vendor.id) ? '$(key) secret stored' : '',
      detail: `Identifier claim "${vendor.jwt?.identifierClaim ?? ''}"; requires ${(vendor.jwt?.requiredClaims ?? []).map((c) => `"${c}"`).join(', ')}${vendor.jwt?.needsKid ? ' and a "kid" header' : ''}`,
      vendor,
    })),
    { title, placeHolder, matchOnDetail: true },
  );
  return picked?.vendor;
}

/** The platform from `args`, the only one the vendor has, or a quick pick. */
export async function pickPlatform(ctx: CommandContext, vendor: Vendor, args: TargetArgs | undefined, title: string): Promise<Platform | undefined> {
  if (args?.platform) return vendor.platforms.includes(args.platform) ? args.platform : undefined;
  if (vendor.platforms.length === 1) return vendor.platforms[0];
  const stored = new Set((await ctx.vault.stored()).filter((r) => r.vendor === vendor && r.slot === 'current').map((r) => r.platform));
  const picked = await ctx.prompter().pick(
    vendor.platforms.map((platform) => ({ label: PLATFORM_LABELS[platform], description: stored.has(platform) ? '$(key) secret stored' : 'no secret stored', platform })),
    { title, placeHolder: `${vendor.name} gives each platform its own secret. Which platform?` },
  );
  return picked?.platform;
}

/** Human name of a platform. */
export function platformLabel(platform: Platform): string {
  return PLATFORM_LABELS[platform];
}

/**
 * Splits what the user typed or selected into a user id and an email: one value, or two
 * separated by a comma or spaces (`42, alice@example.com`). Quotes around values are dropped.
 */
export function parseIdentifiers(text: string): UserIdentifiers {
  const parts = text.split(/[,\s]+/).map((p) => p.replace(/^["'`]|["'`]$/g, '')).filter((p) => p !== '');
  const ids: { userId?: string; email?: string } = {};
  for (const part of parts.slice(0, 2)) {
    if (looksLikeEmail(part)) ids.email ??= part;
    else ids.userId ??= part;
  }
  return ids;
}

/** The active editor's selection when it is a single non-empty line, else undefined. */
export function selectedText(): string | undefined {
  const editor = vscode.window.activeTextEditor;
  if (!editor || editor.selection.isEmpty || !editor.selection.isSingleLine) return undefined;
  const text = editor.document.getText(editor.selection).trim();
  return text === '' ? undefined : text;
}

/**
 * The identifiers from `args` (kept whole, exactly as given), else from the selection or an
 * input box (split into user id and email).
 */
export async function askIdentifiers(ctx: CommandContext, args: { identifier?: string; userId?: string; email?: string } | undefined, title: string, useSelection = true): Promise<UserIdentifiers | undefined> {
  if (args?.userId !== undefined || args?.email !== undefined) return { userId: args.userId, email: args.email };
  if (args?.identifier !== undefined) return looksLikeEmail(args.identifier.trim()) ? { email: args.identifier } : { userId: args.identifier };
  const text = (useSelection ? selectedText() : undefined) ?? await ctx.prompter().input({
    title,
    prompt: 'The user id, the email, or both separated by a comma (the user id is then hashed).',
    placeHolder: '42, alice@example.com',
    ignoreFocusOut: true,
    validateInput: (value) => (value.trim() === '' ? 'Give a user id or an email: unidentified users have no hash.' : undefined),
  });
  if (text === undefined) return undefined;
  const ids = parseIdentifiers(text);
  return ids.userId === undefined && ids.email === undefined ? undefined : ids;
}
