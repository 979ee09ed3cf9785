/** The vendor, platform and identifier questions shared by the hash-checker commands. */
import * as vscode from 'vscode';
import { looksLikeEmail, type UserIdentifiers } from '../core/userHash';
import { findVendor, VENDORS, type Platform, type Vendor } from '../core/vendors';
import type { CommandContext } from './context';
import { BACK, type Back, type StepOptions } from './prompts';
import { readSettings } from './settings';
import type { Step } from './steps';
import { readProject } from './workspaceModel';

const PLATFORM_LABELS: Record<Platform, string> = { web: 'Web', ios: 'iOS', android: 'Android' };

/** Options a command accepts when run from code (tests, quick fixes) instead of the palette. */
export interface TargetArgs {
  readonly vendor?: string;
  readonly platform?: Platform;
}

/** The vendor from `args`, else a quick pick with the configured default first. */
export async function pickVendor(ctx: CommandContext, args: TargetArgs | undefined, title: string): Promise<Vendor | undefined> {
  if (args?.vendor) return findVendor(args.vendor);
  const picked = await askVendor(ctx, readSettings(vscode.window.activeTextEditor?.document.uri).defaultVendor, undefined, title, {});
  return picked === BACK ? undefined : picked;
}

/** The vendor quick pick: `preferred` listed first, `current` (an earlier answer) selected. */
async function askVendor(ctx: CommandContext, preferred: string, current: Vendor | undefined, title: string, at: StepOptions): Promise<Vendor | Back | undefined> {
  const stored = new Set((await ctx.vault.stored()).map((ref) => ref.vendor.id));
  const ordered = [...VENDORS].sort((a, b) => Number(b.id === preferred) - Number(a.id === preferred));
  const items = ordered.map((vendor) => ({ label: vendor.name, description: stored.has(vendor.id) ? '$(key) secret stored' : '', detail: describeVendor(vendor), vendor }));
  const picked = await ctx.prompter().pickStep(items, { title, placeHolder: 'Which messenger?', matchOnDetail: true, active: items.find((i) => i.vendor === current) ?? items[0], ...at });
  return picked === BACK ? BACK : picked?.vendor;
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
  const picked = await askPlatform(ctx, vendor, undefined, title, {});
  return picked === BACK ? undefined : picked;
}

async function askPlatform(ctx: CommandContext, vendor: Vendor, current: Platform | undefined, title: string, at: StepOptions): Promise<Platform | Back | undefined> {
  const stored = new Set((await ctx.vault.stored()).filter((r) => r.vendor === vendor && r.slot === 'current').map((r) => r.platform));
  const items = vendor.platforms.map((platform) => ({ label: PLATFORM_LABELS[platform], description: stored.has(platform) ? '$(key) secret stored' : 'no secret stored', platform }));
  const picked = await ctx.prompter().pickStep(items, { title, placeHolder: `${vendor.name} gives each platform its own secret. Which platform?`, active: items.find((i) => i.platform === current) ?? items[0], ...at });
  return picked === BACK ? BACK : picked?.platform;
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

/** Identifiers a command accepts from code. */
export interface IdentifierArgs {
  readonly identifier?: string;
  readonly userId?: string;
  readonly email?: string;
}

/** The identifiers from `args`, kept whole, exactly as given; undefined when they give none. */
function givenIdentifiers(args: IdentifierArgs | undefined): UserIdentifiers | undefined {
  if (args?.userId !== undefined || args?.email !== undefined) return { userId: args.userId, email: args.email };
  if (args?.identifier !== undefined) return looksLikeEmail(args.identifier.trim()) ? { email: args.identifier } : { userId: args.identifier };
  return undefined;
}

function identifiersBox(ctx: CommandContext, value: string | undefined, title: string, at: StepOptions): Thenable<string | Back | undefined> {
  return ctx.prompter().inputStep({
    title,
    prompt: 'The user id, the email, or both separated by a comma (the user id is then hashed).',
    placeHolder: '42, alice@example.com',
    ignoreFocusOut: true,
    ...(value !== undefined ? { value } : {}),
    validateInput: (v) => (parseIdentifiers(v).userId === undefined && parseIdentifiers(v).email === undefined ? 'Give a user id or an email: unidentified users have no hash.' : undefined),
    ...at,
  });
}

/** The hash checker's answers so far; `idsText` is what the user typed, shown again after Back. */
export interface TargetAnswers {
  readonly vendor?: Vendor;
  readonly platform?: Platform;
  readonly idsText?: string;
}

/** What the hash checker asked last time in this workspace: the next run's defaults. */
interface LastTarget {
  readonly vendor: string;
  readonly platform: Platform;
}
const LAST_TARGET = 'idv.hashChecker.lastRun';

/**
 * The vendor, platform and identifier questions of the hash checker as steps. The vendor
 * selected at first is the last run's, else the one whose SDK the project uses, else the
 * configured default; `useSelection` false when the selection was taken for something else.
 */
export async function targetSteps<S extends TargetAnswers>(ctx: CommandContext, args: (TargetArgs & IdentifierArgs) | undefined, title: string, useSelection: boolean): Promise<Step<S>[]> {
  const uri = vscode.window.activeTextEditor?.document.uri;
  const last = ctx.extension.workspaceState.get<LastTarget>(LAST_TARGET);
  const project = args?.vendor || last ? undefined : await readProject(undefined, uri);
  const preferred = last?.vendor ?? project?.model.vendors[0] ?? readSettings(uri).defaultVendor;
  const vendorOf = (state: S) => state.vendor ?? findVendor(args?.vendor ?? '');
  return [
    {
      asks: () => !args?.vendor,
      ask: (state, at) => askVendor(ctx, preferred, state.vendor ?? findVendor(preferred), title, at).then((vendor) => (vendor === BACK || !vendor ? vendor : { ...state, vendor })),
    },
    {
      asks: (state) => !args?.platform && (vendorOf(state)?.platforms.length ?? 2) > 1,
      ask: (state, at) => {
        const vendor = vendorOf(state) as Vendor;
        const current = state.platform ?? (last?.vendor === vendor.id ? last.platform : undefined);
        return askPlatform(ctx, vendor, current, title, at).then((platform) => (platform === BACK || !platform ? platform : { ...state, platform }));
      },
    },
    {
      asks: () => givenIdentifiers(args) === undefined && !(useSelection && selectedText() !== undefined),
      ask: (state, at) => identifiersBox(ctx, state.idsText, title, at).then((idsText) => (idsText === BACK || idsText === undefined ? idsText : { ...state, idsText })),
    },
  ];
}

/** The vendor, platform and identifiers the steps and `args` settle on; remembered for the next run. */
export async function settleTarget(ctx: CommandContext, state: TargetAnswers, args: (TargetArgs & IdentifierArgs) | undefined, useSelection: boolean): Promise<{ vendor: Vendor; platform: Platform; ids: UserIdentifiers } | undefined> {
  const vendor = state.vendor ?? findVendor(args?.vendor ?? '');
  if (!vendor) return undefined;
  const platform = state.platform ?? (args?.platform ? (vendor.platforms.includes(args.platform) ? args.platform : undefined) : vendor.platforms[0]);
  if (!platform) return undefined;
  const text = state.idsText ?? (useSelection ? selectedText() : undefined);
  const ids = givenIdentifiers(args) ?? (text === undefined ? undefined : parseIdentifiers(text));
  if (!ids || (ids.userId === undefined && ids.email === undefined)) return undefined;
  await ctx.extension.workspaceState.update(LAST_TARGET, { vendor: vendor.id, platform } satisfies LastTarget);
  return { vendor, platform, ids };
}
