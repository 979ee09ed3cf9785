/**
 * Runs a composite GitHub Action's steps here, in order, as the runner would: inputs with their
 * defaults, `${{ }}` in `env:`, `with:` and `if:` evaluated, each `run:` given to bash with
 * GITHUB_OUTPUT, and a failed step ending the run. `uses:` steps are recorded, not run. Only
 * the expressions the action uses are understood (context references, string literals, `==`,
 * `!=`, `&&`): anything else throws, so a new kind of expression is noticed here first.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface ActionStep {
  readonly name?: string;
  readonly id?: string;
  readonly if?: string;
  readonly uses?: string;
  readonly run?: string;
  readonly shell?: string;
  readonly env?: Record<string, string>;
  readonly with?: Record<string, string>;
}

export interface CompositeAction {
  readonly inputs: Record<string, { readonly description: string; readonly default?: string }>;
  readonly outputs: Record<string, { readonly description: string; readonly value: string }>;
  readonly runs: { readonly using: string; readonly steps: readonly ActionStep[] };
}

/** What became of one step. */
export interface StepRun {
  readonly name: string;
  readonly skipped: boolean;
  /** For a `uses:` step that would run: the action and its evaluated `with:`. */
  readonly uses?: { readonly action: string; readonly with: Record<string, string> };
  readonly status?: number;
  readonly stdout?: string;
  readonly stderr?: string;
}

export interface ActionRun {
  readonly steps: StepRun[];
  /** The step that failed and ended the run, if one did. */
  readonly failed?: StepRun;
  readonly outputs: Record<string, string>;
}

/** Runs `action` with the given inputs; `env` is the runner's environment (GITHUB_*, RUNNER_TEMP). */
export function runCompositeAction(action: CompositeAction, inputs: Record<string, string>, env: Record<string, string>, cwd: string): ActionRun {
  for (const name of Object.keys(inputs)) if (!(name in action.inputs)) throw new Error(`no input ${name}`);
  const context: Context = {
    inputs: Object.fromEntries(Object.entries(action.inputs).map(([name, input]) => [name, inputs[name] ?? input.default ?? ''])),
    steps: {},
  };
  const steps: StepRun[] = [];
  const scratch = mkdtempSync(join(tmpdir(), 'idv-action-run-'));
  try {
    for (const [index, step] of action.runs.steps.entries()) {
      const name = step.name ?? step.uses ?? `step ${index}`;
      if (step.if !== undefined && !truthy(evaluate(step.if, context))) {
        steps.push({ name, skipped: true });
        continue;
      }
      if (step.uses !== undefined) {
        steps.push({ name, skipped: false, uses: { action: step.uses, with: mapValues(step.with ?? {}, (v) => interpolate(v, context)) } });
        continue;
      }
      if (step.run === undefined || step.shell !== 'bash') throw new Error(`${name}: a run step with shell: bash is expected`);
      const script = join(scratch, `step${index}.sh`);
      const output = join(scratch, `output${index}`);
      writeFileSync(script, step.run);
      writeFileSync(output, '');
      const result = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', script], {
        cwd,
        encoding: 'utf8',
        env: { ...baseEnv(), ...env, GITHUB_OUTPUT: output, ...mapValues(step.env ?? {}, (v) => interpolate(v, context)) },
      });
      const run: StepRun = { name, skipped: false, status: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
      steps.push(run);
      if (step.id !== undefined) context.steps[step.id] = { outputs: parseOutputs(readFileSync(output, 'utf8')) };
      if (run.status !== 0) return { steps, failed: run, outputs: actionOutputs(action, context) };
    }
    return { steps, outputs: actionOutputs(action, context) };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

interface Context {
  readonly inputs: Record<string, string>;
  readonly steps: Record<string, { readonly outputs: Record<string, string> }>;
}

/** The environment a runner gives every step, without this machine's own GITHUB_* and RUNNER_*. */
function baseEnv(): Record<string, string> {
  return Object.fromEntries(Object.entries(process.env).filter((e): e is [string, string] => e[1] !== undefined && !/^(GITHUB_|RUNNER_|INPUT_)/.test(e[0])));
}

function actionOutputs(action: CompositeAction, context: Context): Record<string, string> {
  return mapValues(Object.fromEntries(Object.entries(action.outputs).map(([k, o]) => [k, o.value])), (v) => interpolate(v, context));
}

function mapValues(record: Record<string, string>, f: (value: string) => string): Record<string, string> {
  return Object.fromEntries(Object.entries(record).map(([k, v]) => [k, f(String(v))]));
}

/** `${{ expr }}` replaced by the expression's value (what `env:`, `with:` and outputs do). */
function interpolate(text: string, context: Context): string {
  return text.replace(/\$\{\{(.*?)\}\}/g, (_, expr: string) => evaluate(expr, context));
}

function truthy(value: string): boolean {
  return value !== '' && value !== 'false';
}

/** `a && b && ...` of `operand` or `operand (==|!=) operand`; `${{ }}` around it is allowed. */
function evaluate(expression: string, context: Context): string {
  const expr = expression.trim().replace(/^\$\{\{(.*)\}\}$/s, '$1').trim();
  const terms = expr.split('&&').map((t) => t.trim());
  if (terms.length > 1) return terms.every((t) => truthy(evaluate(t, context))) ? 'true' : 'false';
  const comparison = /^(.+?)\s*(==|!=)\s*(.+)$/.exec(expr);
  if (comparison) {
    const [, left = '', op, right = ''] = comparison;
    return (operand(left, context) === operand(right, context)) === (op === '==') ? 'true' : 'false';
  }
  return operand(expr, context);
}

function operand(text: string, context: Context): string {
  const t = text.trim();
  const literal = /^'((?:[^']|'')*)'$/.exec(t);
  if (literal) return (literal[1] ?? '').replace(/''/g, "'");
  const input = /^inputs\.([\w-]+)$/.exec(t);
  if (input) return context.inputs[input[1] ?? ''] ?? '';
  const output = /^steps\.([\w-]+)\.outputs\.([\w-]+)$/.exec(t);
  if (output) return context.steps[output[1] ?? '']?.outputs[output[2] ?? ''] ?? '';
  throw new Error(`expression not understood by this runner: ${t}`);
}

/** GITHUB_OUTPUT's `name=value` and `name<<DELIMITER ... DELIMITER` forms. */
export function parseOutputs(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line);
    if (heredoc) {
      const end = lines.indexOf(heredoc[2] ?? '', i + 1);
      if (end < 0) throw new Error(`GITHUB_OUTPUT: ${heredoc[1]} has no closing delimiter`);
      outputs[heredoc[1] ?? ''] = lines.slice(i + 1, end).join('\n');
      i = end;
    } else if (line.includes('=')) {
      outputs[line.slice(0, line.indexOf('='))] = line.slice(line.indexOf('=') + 1);
    }
  }
  return outputs;
}
