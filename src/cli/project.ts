/**
 * `idv scan`'s second phase: the JavaScript and TypeScript modules of the scanned tree read
 * together (src/core/project). The walk records each module's facts as the rules asked for
 * them; after it, the modules the facts are missing for are parsed for their imports alone,
 * within a budget, and only when some module passed the pre-filter (otherwise nothing the model
 * could say changes a finding). Files whose side the model decides differently from the
 * per-file guess are linted again with that side; the cross-file findings are added.
 */
import { classifyFile, lint, type FactsSource, type Finding, type LintContext, type ResolvedConfig } from '../core/engine/index';
import { decodeText } from '../core/files/index';
import { buildProject, GRAPH_BUDGET, pickModuleFacts as pick, reportFinding, type ModuleFacts, type ProjectFinding } from '../core/project/index';
import { syntaxLanguageOf, type FileFacts, type Syntax, type SyntaxLanguage } from '../core/syntax/index';
import type { FileReader } from './fileReader';
import { fileFinding, type FileFinding, type Fingerprinter } from './format/types';

const JS_LANGUAGES: ReadonlySet<SyntaxLanguage> = new Set(['javascript', 'typescript', 'tsx']);

interface Module {
  readonly absPath: string;
  readonly scanRoot: string;
  /** The path findings are reported under (relative to the working directory). */
  readonly file: string;
  readonly language: SyntaxLanguage;
  readonly context: LintContext;
  /** The decoded text, kept for modules that passed the pre-filter (they may be linted again). */
  text?: string;
  facts?: ModuleFacts;
}

/** Collects modules during the walk and runs the model after it. */
export class ProjectPhase {
  private readonly modules = new Map<string, Module>();
  private readonly otherPaths: string[] = [];
  private last: { text: string; facts: FileFacts } | undefined;
  /** Milliseconds and files spent on modules parsed only for the graph. */
  readonly cost = { graphFiles: 0, graphBytes: 0, ms: 0 };

  constructor(private readonly syntax: Syntax | undefined, private readonly config: ResolvedConfig, private readonly reader: FileReader) {}

  /** A FactsSource for `lint` that remembers the facts it handed out, so they are not extracted twice. */
  source(): FactsSource | undefined {
    const { syntax } = this;
    if (!syntax) return undefined;
    return {
      factsSync: (text, language) => {
        const facts = syntax.factsSync(text, language);
        if (facts) this.last = { text, facts };
        return facts;
      },
    };
  }

  /** Before each file: forget the previous file's facts. */
  begin(): void {
    this.last = undefined;
  }

  /** After each file: `text` is the decoded text when the file passed the pre-filter. */
  note(absPath: string, scanRoot: string, file: string, context: LintContext, text: string | undefined): void {
    const language = syntaxLanguageOf(context.path, context.languageId);
    if (!language || !JS_LANGUAGES.has(language)) {
      this.otherPaths.push(context.path);
      return;
    }
    const facts = this.last && text !== undefined && this.last.text.length === text.length ? pick(this.last.facts) : undefined;
    this.modules.set(context.path, { absPath, scanRoot, file, language, context, ...(text !== undefined ? { text } : {}), ...(facts ? { facts } : {}) });
    this.last = undefined;
  }

  /** Builds the model and merges what it says into `findings` (in place), fingerprinted as the walk's. */
  async finish(findings: FileFinding[], fingerprinter?: Fingerprinter): Promise<void> {
    const { syntax } = this;
    const modules = [...this.modules.values()];
    if (!syntax || !modules.some((m) => m.text !== undefined)) return;
    const started = performance.now();
    let complete = true;
    for (const m of modules) {
      if (m.facts) continue;
      let text = m.text;
      if (text === undefined) {
        if (this.cost.graphFiles >= GRAPH_BUDGET.files || this.cost.graphBytes >= GRAPH_BUDGET.bytes) {
          complete = false;
          continue;
        }
        const read = this.reader.read(m.absPath, m.scanRoot, GRAPH_BUDGET.fileBytes, { walked: true });
        if (!read.bytes) {
          complete &&= read.gone === true;
          continue;
        }
        this.cost.graphFiles++;
        this.cost.graphBytes += read.bytes.length;
        const decoded = decodeText(read.bytes);
        if (decoded.skip) continue;
        text = decoded.text;
      }
      try {
        await syntax.load(m.language);
        const facts = syntax.factsSync(text, m.language);
        if (facts) m.facts = pick(facts);
      } catch {
        // A grammar that fails on this text: the module stays out of the graph.
      }
    }
    const files = modules.flatMap((m) => (m.facts ? [{ path: m.context.path, facts: m.facts }] : []));
    const model = buildProject(files, { config: this.config, complete, otherPaths: this.otherPaths });

    // Files other files place differently from the per-file guess: lint again with that side.
    for (const m of modules) {
      const verdict = model.sides.get(m.context.path);
      if (m.text === undefined || !verdict?.decided || !verdict.crossFile || verdict.side === classifyFile(m.context.path, m.text, this.config)) continue;
      const again = lint(m.text, { ...m.context, side: verdict.side, ...(this.syntax ? { syntax: this.syntax } : {}) });
      replaceFindings(findings, m, again, m.text, fingerprinter);
    }
    for (const f of model.findings) {
      const m = this.modules.get(f.path);
      const found = m ? this.toFinding(m, f) : undefined;
      if (!m || !found) continue;
      const { finding, text } = found;
      const line = finding.range.start.line;
      if (findings.some((x) => x.file === m.file && x.finding.ruleId === finding.ruleId && x.finding.range.start.line === line)) continue;
      findings.push(fileFinding(m.file, m.absPath, finding, text, fingerprinter));
    }
    this.cost.ms = performance.now() - started;
  }

  private toFinding(m: Module, f: ProjectFinding): { finding: Finding; text: string } | undefined {
    if (this.config.rules[f.ruleId] === 'off') return undefined;
    let text = m.text;
    if (text === undefined) {
      const read = this.reader.read(m.absPath, m.scanRoot, this.config.maxFileSizeBytes, { walked: true });
      const decoded = read.bytes ? decodeText(read.bytes) : undefined;
      if (!decoded || decoded.skip) return undefined;
      text = decoded.text;
    }
    const finding = reportFinding(f, text, this.config);
    return finding && { finding, text };
  }
}

function replaceFindings(findings: FileFinding[], m: Module, replacement: readonly Finding[], text: string, fingerprinter: Fingerprinter | undefined): void {
  let w = 0;
  for (const f of findings) if (f.file !== m.file) findings[w++] = f;
  findings.length = w;
  for (const finding of replacement) findings.push(fileFinding(m.file, m.absPath, finding, text, fingerprinter));
}
