/**
 * `idv.insertSnippet`: pick a snippet, a vendor, what is hashed and, for server code, the
 * environment variable, as steps the user can walk back through; then insert it with its tab
 * stops, or create the file the project's framework expects it in. The project model
 * (src/core/workspace) ranks the snippets (the project's framework first) and fills the
 * defaults: the vendor whose SDK the project uses, the variable its code already reads, its
 * auth helper. The last run's answers are the next run's defaults where the project says nothing.
 */
import * as vscode from 'vscode';
import { listSnippets, renderSnippet, resolveContext, snippetFile, snippetFrameworks, SnippetError, type IdentifierKind, type SnippetInfo, type SnippetKind, type SnippetScheme } from '../../core/snippets/catalogue';
import { rankSnippets, type RankedSnippet } from '../../core/snippets/ranking';
import { findVendor, type Vendor } from '../../core/vendors';
import { authFor, secretEnvVar } from '../../core/workspace';
import type { CommandContext } from '../context';
import { BACK, type Back, type StepOptions } from '../prompts';
import { readSettings } from '../settings';
import { runSteps, type Step } from '../steps';
import type { EditorSyntax } from '../syntax';
import { exists, readProject, type Project } from '../workspaceModel';

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
  /** True when the snippet was written to a new file at its framework's conventional path. */
  readonly created?: boolean;
}

/** The answers so far. */
interface Answers {
  readonly snippet?: SnippetInfo;
  readonly vendor?: Vendor;
  readonly identifier?: IdentifierKind;
  /** The variable, and the vendor it was chosen for (another vendor's name is no default). */
  readonly envVar?: { readonly name: string; readonly vendor: string };
  /** The project path to create, or undefined to insert into an editor. */
  readonly file?: string | undefined;
  readonly placed?: boolean;
}

/** What the previous run answered, kept per workspace. */
interface LastRun {
  readonly snippet: string;
  readonly vendor: string;
  readonly identifier: IdentifierKind;
  readonly envVar?: string;
}

const LAST_RUN = 'idv.insertSnippet.lastRun';
const TITLE = 'Identity Verification: Insert Snippet';

type SnippetItem = vscode.QuickPickItem & { snippet?: SnippetInfo };

/**
 * Command handler. Resolves to what was inserted where, or undefined if cancelled. Without
 * `syntax` (the browser build) the project model has no environment reads.
 */
export async function insertSnippet(ctx: CommandContext, args?: InsertArgs, syntax?: EditorSyntax): Promise<InsertResult | undefined> {
  const editor = vscode.window.activeTextEditor;
  const settings = readSettings(editor?.document.uri);
  const project = await readProject(syntax, editor?.document.uri);
  const last = ctx.extension.workspaceState.get<LastRun>(LAST_RUN);
  const preferred = args?.vendor ?? project?.model.vendors[0] ?? last?.vendor ?? settings.defaultVendor;
  const filter = { ...(args?.kind ? { kind: args.kind } : {}), ...(args?.scheme ? { scheme: args.scheme } : {}) };
  const given = args?.id ? listSnippets().find((s) => s.id === args.id) : undefined;
  if (args?.id && !given) return undefined;

  const steps: Step<Answers>[] = [
    {
      asks: () => given === undefined,
      ask: (state, at) => pickSnippet(ctx, editor?.document.languageId, filter, preferred, project, state.snippet?.id ?? last?.snippet, at).then((snippet) => (snippet === BACK || !snippet ? snippet : { ...state, snippet })),
    },
    {
      asks: (state) => args?.vendor === undefined && (state.snippet?.vendors.length ?? 2) > 1,
      ask: (state, at) => pickVendor(ctx, state.snippet as SnippetInfo, state.vendor?.id ?? preferred, project, at).then((vendor) => (vendor === BACK || !vendor ? vendor : { ...state, vendor })),
    },
    {
      asks: (state) => args?.identifier === undefined && (state.vendor?.hashes ?? 'user_id_or_email') === 'user_id_or_email',
      ask: (state, at) => pickIdentifier(ctx, state.vendor as Vendor, state.identifier ?? last?.identifier, at).then((identifier) => (identifier === BACK || !identifier ? identifier : { ...state, identifier })),
    },
    {
      // Before the snippet is chosen, counted when server snippets are on offer.
      asks: (state) => (state.snippet?.kind ?? args?.kind ?? 'server') === 'server' && args?.envVar === undefined,
      ask: (state, at) => askEnvVar(ctx, state, defaultEnvVar(state, project, settings.envVar, last), at).then((name) => (name === BACK || name === undefined ? name : { ...state, envVar: { name, vendor: (state.vendor as Vendor).id } })),
    },
    {
      asks: (state) => project !== undefined && (state.snippet ? [state.snippet] : listSnippets(filter)).some((snippet) => fileFor({ ...state, snippet, vendor: state.vendor ?? vendorOf({ snippet }, args?.vendor, preferred) }, project) !== undefined),
      ask: (state, at) => pickPlace(ctx, state, project as Project, editor, at),
    },
  ];
  const start: Answers = {
    ...(given ? { snippet: given } : {}),
    ...(args?.identifier ? { identifier: args.identifier } : {}),
    ...(args?.envVar !== undefined ? { envVar: { name: args.envVar, vendor: '' } } : {}),
  };
  const answers = await runSteps(start, steps.map((step, index) => (index <= 1 ? step : withVendor(step, args?.vendor, preferred))));
  const snippet = answers?.snippet;
  const vendor = answers ? vendorOf(answers, args?.vendor, preferred) : undefined;
  if (!answers || !snippet || !vendor) return undefined;
  const identifier = answers.identifier ?? (vendor.hashes === 'email' ? 'email' : 'user_id');
  const envVar = snippet.kind === 'server' ? answers.envVar?.name : undefined;

  const file = answers.placed ? answers.file : undefined;
  const target = file ?? (editor && project ? projectPath(project, editor.document.uri) : undefined) ?? fileFor(answers, project) ?? 'index.ts';
  let rendered;
  try {
    rendered = renderSnippet(snippet.id, { vendor: vendor.id, identifier, envVar, auth: project ? authFor(project.model, target) : undefined });
  } catch (error) {
    if (!(error instanceof SnippetError)) throw error;
    void ctx.prompter().warn(error.message);
    return undefined;
  }
  await ctx.extension.workspaceState.update(LAST_RUN, { snippet: snippet.id, vendor: vendor.id, identifier, ...(envVar ? { envVar } : {}) } satisfies LastRun);

  let uri: vscode.Uri;
  if (file && project) {
    uri = vscode.Uri.joinPath(project.root, file);
    // Asked before writing; checked again now, since the file may have appeared meanwhile.
    if (await exists(uri)) {
      void ctx.prompter().warn(`${file} exists already; it was not changed. The snippet was not written.`);
      await vscode.window.showTextDocument(uri);
      return undefined;
    }
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(rendered.text));
    await vscode.window.showTextDocument(uri);
    ctx.log.info(`Created ${file} from snippet ${snippet.id} for ${vendor.id}.`);
  } else {
    const into = await targetEditor(editor, snippet.language);
    await into.insertSnippet(new vscode.SnippetString(rendered.body.join('\n')), into.selection.active);
    uri = into.document.uri;
    ctx.log.info(`Inserted snippet ${snippet.id} for ${vendor.id} into ${uri.toString(true)}.`);
  }
  ctx.walkthrough.done(snippet.kind === 'server' ? 'serverSnippetInserted' : 'clientSnippetInserted');
  return { id: snippet.id, vendor: vendor.id, uri, ...(file ? { created: true } : {}) };
}

/** The vendor answered, or the one given or preferred when the snippet serves it (else its first). */
function vendorOf(state: Answers, given: string | undefined, preferred: string): Vendor | undefined {
  if (state.vendor) return state.vendor;
  const vendors = state.snippet?.vendors ?? [];
  const wanted = findVendor(given ?? preferred);
  if (given !== undefined) return wanted && vendors.includes(wanted.id) ? wanted : undefined;
  return wanted && vendors.includes(wanted.id) ? wanted : findVendor(vendors[0] ?? '');
}

/** Steps after the vendor's see the vendor in the state even when it was not asked. */
function withVendor(step: Step<Answers>, given: string | undefined, preferred: string): Step<Answers> {
  const filled = (state: Answers): Answers => {
    const vendor = state.snippet ? vendorOf(state, given, preferred) : undefined;
    return vendor ? { ...state, vendor } : state;
  };
  return { asks: (state) => step.asks(filled(state)), ask: (state, at) => step.ask(filled(state), at) };
}

/**
 * The project's framework first, then the editor's language, then the rest; within each
 * group, the scheme the preferred vendor recommends first, its items saying why.
 */
async function pickSnippet(ctx: CommandContext, languageId: string | undefined, filter: { kind?: SnippetKind; scheme?: SnippetScheme }, vendor: string, project: Project | undefined, lastId: string | undefined, at: StepOptions): Promise<SnippetInfo | Back | undefined> {
  const all = listSnippets(filter);
  const frameworks = project?.model.frameworks ?? [];
  const ours = rankSnippets(all, vendor, frameworks.map((f) => f.id)).filter((r) => r.fits !== undefined);
  const taken = (s: SnippetInfo) => ours.some((r) => r.snippet === s);
  const here = rankSnippets(languageId ? all.filter((s) => s.language === languageId && !taken(s)) : [], vendor);
  const rest = rankSnippets(all.filter((s) => !taken(s) && !here.some((r) => r.snippet === s)), vendor);
  const toItem = ({ snippet: s, recommended }: RankedSnippet): SnippetItem => ({
    label: s.title,
    description: `${s.kind}${s.scheme === 'jwt' ? ', JWT' : ''}${recommended ? ' · recommended' : ''}`,
    detail: `${recommended ? `${recommended} · ` : ''}${s.language} · ${s.framework} · ${s.id}`,
    snippet: s,
  });
  const projectName = frameworks.filter((f) => ours.some((r) => r.fits === f.id)).map((f) => f.name).join(', ');
  const items: SnippetItem[] = [
    ...(ours.length > 0 ? [{ label: `For this project (${projectName})`, kind: vscode.QuickPickItemKind.Separator }, ...ours.map(toItem)] : []),
    ...(here.length > 0 ? [{ label: `For ${languageId ?? ''}`, kind: vscode.QuickPickItemKind.Separator }, ...here.map(toItem)] : []),
    { label: ours.length + here.length > 0 ? 'Other snippets' : 'Snippets', kind: vscode.QuickPickItemKind.Separator },
    ...rest.map(toItem),
  ];
  const placeHolder = filter.kind === 'server' ? (filter.scheme === 'jwt' ? 'Server code that signs the JWT' : 'Server code that computes the hash') : 'Which snippet?';
  const active = items.find((i) => i.snippet?.id === lastId) ?? items.find((i) => i.snippet !== undefined);
  const picked = await ctx.prompter().pickStep(items, { title: TITLE, placeHolder, matchOnDescription: true, matchOnDetail: true, active, ...at });
  return picked === BACK ? BACK : picked?.snippet;
}

async function pickVendor(ctx: CommandContext, snippet: SnippetInfo, preferred: string, project: Project | undefined, at: StepOptions): Promise<Vendor | Back | undefined> {
  const vendors = snippet.vendors.map((id) => findVendor(id)).filter((v): v is Vendor => v !== undefined);
  const wanted = findVendor(preferred);
  const ordered = [...vendors].sort((a, b) => Number(b === wanted) - Number(a === wanted));
  const field = (v: Vendor) => (snippet.scheme === 'jwt' ? v.jwt?.field ?? v.hashField : v.hashField);
  const sdk = (v: Vendor) => project?.model.sdks.find((s) => s.vendor === v.id);
  const items = ordered.map((v) => ({ label: v.name, description: `${field(v)}${sdk(v) ? ` · ${sdk(v)?.package} in ${sdk(v)?.manifest}` : ''}`, vendor: v }));
  const picked = await ctx.prompter().pickStep(items, { title: TITLE, placeHolder: 'Which messenger?', active: items[0], ...at });
  return picked === BACK ? BACK : picked?.vendor;
}

async function pickIdentifier(ctx: CommandContext, vendor: Vendor, previous: IdentifierKind | undefined, at: StepOptions): Promise<IdentifierKind | Back | undefined> {
  const items = [
    { label: 'User id', description: 'recommended', detail: 'Hash the user id, and the email only for users without one (a hash of the email fails when a user id is also sent).', value: 'user_id' as const },
    { label: 'Email', detail: 'Hash the email: only for apps whose users have no id.', value: 'email' as const },
  ];
  const picked = await ctx.prompter().pickStep(items, { title: TITLE, placeHolder: `What does the server hash for ${vendor.name}?`, active: items.find((i) => i.value === previous) ?? items[0], ...at });
  return picked === BACK ? BACK : picked?.value;
}

/** The variable: the answer given before, the one the project reads, the setting, the last run's, the vendor's. */
function defaultEnvVar(state: Answers, project: Project | undefined, setting: string, last: LastRun | undefined): { value: string; why?: string } {
  const vendor = state.vendor as Vendor;
  if (state.envVar && state.envVar.vendor === vendor.id) return { value: state.envVar.name };
  const read = project ? secretEnvVar(project.model, vendor) : undefined;
  if (read) return { value: read, why: 'the project\'s code reads it' };
  if (setting) return { value: setting };
  if (last?.envVar && last.vendor === vendor.id) return { value: last.envVar };
  return { value: vendor.envVar };
}

function askEnvVar(ctx: CommandContext, state: Answers, suggested: { value: string; why?: string }, at: StepOptions): Thenable<string | Back | undefined> {
  const snippet = state.snippet as SnippetInfo;
  const vendor = state.vendor as Vendor;
  return ctx.prompter().inputStep({
    title: TITLE, value: suggested.value, ignoreFocusOut: true,
    prompt: `Environment variable (or secret-store key) the server reads the secret from${suggested.why ? ` (${suggested.why})` : ''}.`,
    validateInput: (value) => validEnvVar(snippet.id, vendor.id, value),
    ...at,
  });
}

/** The file the snippet's framework expects in this project, when the project uses that framework. */
function fileFor(state: Answers, project: Project | undefined): string | undefined {
  const { snippet, vendor } = state;
  if (!snippet || !vendor || !project) return undefined;
  const ours = snippetFrameworks(snippet.id).some((f) => project.model.frameworks.some((used) => used.id === f));
  return ours ? snippetFile(snippet.id, vendor.id, project.model.layout) : undefined;
}

/** Create the conventional file (never over an existing one), or insert into an editor. */
async function pickPlace(ctx: CommandContext, state: Answers, project: Project, editor: vscode.TextEditor | undefined, at: StepOptions): Promise<Answers | Back | undefined> {
  const snippet = state.snippet as SnippetInfo;
  const file = fileFor(state, project) as string;
  const taken = await exists(vscode.Uri.joinPath(project.root, file));
  const here = editor && fits(editor.document.languageId, snippet.language) ? vscode.workspace.asRelativePath(editor.document.uri) : undefined;
  const what = /route/.test(snippet.id) ? 'the route' : 'the file';
  const items = [
    ...(taken ? [] : [{ label: `Create ${what} at ${file}`, description: 'new file', file }]),
    { label: here ? `Insert into ${here}` : `Insert into a new ${snippet.language} document`, description: taken ? `${file} exists` : '', file: undefined },
  ];
  const picked = await ctx.prompter().pickStep(items, { title: TITLE, placeHolder: 'Where should the code go?', active: (state.placed ? items.find((i) => i.file === state.file) : undefined) ?? items[0], ...at });
  return picked === BACK || !picked ? picked : { ...state, file: picked.file, placed: true };
}

function validEnvVar(id: string, vendor: string, value: string): string | undefined {
  try {
    resolveContext(id, { vendor, envVar: value });
    return undefined;
  } catch (error) {
    return error instanceof SnippetError ? error.message : String(error);
  }
}

/** Languages a snippet can go into as it is: its own, and the JSX flavour of it. */
function fits(editorLanguage: string, snippetLanguage: string): boolean {
  return editorLanguage === snippetLanguage || editorLanguage === `${snippetLanguage}react`;
}

/** `uri` as a path of the project, when it is inside it. */
function projectPath(project: Project, uri: vscode.Uri): string | undefined {
  return uri.path.startsWith(`${project.root.path}/`) ? uri.path.slice(project.root.path.length + 1) : undefined;
}

/**
 * The editor to insert into: the active one if the snippet fits its language; else a new
 * document of the snippet's language, beside whatever else is active (the walkthrough stays
 * in view, and shows its step ticked).
 */
async function targetEditor(editor: vscode.TextEditor | undefined, language: string): Promise<vscode.TextEditor> {
  if (editor && fits(editor.document.languageId, language)) return editor;
  // Elixir, Kotlin and Vue exist only once a language extension defines them.
  const known = (await vscode.languages.getLanguages()).includes(language);
  const doc = await vscode.workspace.openTextDocument(known ? { language } : {});
  const besideAnotherEditor = vscode.window.tabGroups.activeTabGroup.activeTab !== undefined;
  return vscode.window.showTextDocument(doc, besideAnotherEditor ? vscode.ViewColumn.Beside : undefined);
}
