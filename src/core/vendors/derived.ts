/**
 * The tables computed from the vendor files. Functions of the definitions rather than
 * constants, so that index.ts (which lists the files) can call them without an import cycle.
 */
import type { PrefilterNeedle, ShapeSpec, TextSpec, VendorDefinition } from './types';

/** One way of writing a messenger call, as the syntax layer (src/core/syntax) matches it. */
export interface MessengerShape<Id extends string = string> extends ShapeSpec {
  readonly vendor: Id;
  /** `identify` (the default): carries who the user is; `proof`: hands over the hash or JWT alone. */
  readonly role?: 'identify' | 'proof';
}

/** A call that identifies a user, how the text engine finds its settings, and the keys that prove identity. */
export interface IdentifyCallSpec<Id extends string = string> extends TextSpec {
  readonly vendor: Id;
  /** The vendor as the rule's message names it. */
  readonly label: string;
  readonly idKeys: readonly string[];
  readonly hashKeys: readonly string[];
  /** For `args`: the call identifies with at least this many arguments and needs one more. */
  readonly minArgsWithHash?: number;
}

/** Every call with a shape, vendor by vendor. */
export function shapes<Id extends string>(definitions: readonly VendorDefinition<Id>[]): MessengerShape<Id>[] {
  const out: MessengerShape<Id>[] = [];
  for (const d of definitions) {
    for (const call of d.calls) {
      if (!call.shape || call.role === 'anonymous') continue;
      out.push({ vendor: d.facts.id, ...call.shape, ...(call.role === 'proof' ? { role: 'proof' as const } : {}) });
    }
  }
  return out;
}

/** Every identifying call the text engine has needles for, with its keys resolved. */
export function identifyCalls<Id extends string>(definitions: readonly VendorDefinition<Id>[]): IdentifyCallSpec<Id>[] {
  const out: IdentifyCallSpec<Id>[] = [];
  for (const d of definitions) {
    for (const call of d.calls) {
      if (!call.text || (call.role ?? 'identify') !== 'identify') continue;
      const proof = call.proof ?? { in: 'fields' };
      const positional = proof.in === 'arg' || proof.in === 'pair';
      for (const spec of call.text) {
        out.push({
          vendor: d.facts.id, label: d.label, ...spec,
          idKeys: spec.settings === 'object' ? spec.idKeys ?? call.idKeys ?? d.idKeys : [],
          hashKeys: positional ? [] : call.proofKeys ?? d.proofKeys,
          ...(positional ? { minArgsWithHash: proof.index + 1 } : {}),
        });
      }
    }
  }
  return out;
}

/** Every vendor's pre-filter needles, first spelling kept. */
export function messengerNeedles(definitions: readonly VendorDefinition[]): PrefilterNeedle[] {
  const seen = new Map<string, PrefilterNeedle>();
  for (const d of definitions) for (const n of d.needles) if (!seen.has(n.needle)) seen.set(n.needle, n);
  return [...seen.values()];
}

/** The markers by vendor id. */
export function markers<Id extends string>(definitions: readonly VendorDefinition<Id>[]): Record<Id, readonly string[]> {
  return Object.fromEntries(definitions.map((d) => [d.facts.id, d.markers])) as Record<Id, readonly string[]>;
}
