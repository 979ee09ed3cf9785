/**
 * A command's questions as a sequence the user can walk back through (VS Code's multi-step
 * input: "2/4" and a Back button). Each step reads the answers so far from the state and adds
 * its own; going back keeps every answer given, so the earlier question shows its answer
 * again and the later ones keep theirs as defaults.
 */
import { BACK, type Back, type StepOptions } from './prompts';

/** One question of a sequence. */
export interface Step<S> {
  /** False when the answer is known already (given by the caller, or the only one possible). */
  readonly asks: (state: S) => boolean;
  /** Asks; resolves to the state with this step's answer, BACK, or undefined when cancelled. */
  readonly ask: (state: S, at: StepOptions) => Thenable<S | Back | undefined>;
}

/** Runs `steps` in order from `state`; the final state, or undefined when the user cancelled. */
export async function runSteps<S>(state: S, steps: readonly Step<S>[]): Promise<S | undefined> {
  const answered: number[] = [];
  let current = state;
  let i = 0;
  while (i < steps.length) {
    const step = steps[i];
    if (!step?.asks(current)) {
      i++;
      continue;
    }
    // Later steps are counted as the answers so far say; the count settles as they come.
    const position = answered.length + 1;
    const totalSteps = position + steps.slice(i + 1).filter((s) => s.asks(current)).length;
    const answer = await step.ask(current, { step: position, totalSteps, back: answered.length > 0 });
    if (answer === undefined) return undefined;
    if (answer === BACK) {
      i = answered.pop() ?? i;
      continue;
    }
    current = answer;
    answered.push(i);
    i++;
  }
  return current;
}
