/**
 * Whether a messenger call the syntax layer found sends the proof, decided from the vendor
 * files: where each call carries its hash (a settings key, an argument, a setter elsewhere in
 * the file) is data there. Structural input, so this folder does not depend on the syntax layer.
 */
import type { ClientCall, VendorDefinition } from './types';

/** The parts of a syntax-layer messenger call this needs. */
export interface CallFacts {
  readonly vendor: string;
  /** `kind target` of the shape that matched (`call Intercom`). */
  readonly shape: string;
  readonly args: readonly { readonly text?: string; readonly items?: readonly { readonly items?: readonly unknown[] }[] }[];
  readonly fields: readonly { readonly name?: string }[];
  readonly open: boolean;
}

/**
 * `missing`: identifies a user without the proof; `proven`: sends it; `anonymous`: tells the
 * messenger nothing about who the user is; `unknown`: settings that cannot be read (a spread, a
 * variable not followed); `proof`: a call that only hands over the proof.
 */
export type CallVerdict = 'missing' | 'proven' | 'anonymous' | 'unknown' | 'proof';

function clientCall(definitions: readonly VendorDefinition[], call: CallFacts): { definition: VendorDefinition; client: ClientCall } | undefined {
  const definition = definitions.find((d) => d.facts.id === call.vendor);
  const client = definition?.calls.find((c) => c.shape && `${c.shape.kind} ${c.shape.target}` === call.shape);
  return definition && client ? { definition, client } : undefined;
}

/** A verdict for each of the calls of one file, in their order. */
export function judge(definitions: readonly VendorDefinition[], calls: readonly CallFacts[]): CallVerdict[] {
  return calls.map((call) => {
    const found = clientCall(definitions, call);
    if (!found) return 'unknown';
    const { definition, client } = found;
    if (client.role === 'proof') return 'proof';
    if (client.role === 'anonymous') return 'anonymous';
    const proof = client.proof ?? { in: 'fields' };
    switch (proof.in) {
      case 'callback':
        return 'proven';
      case 'separate':
        return calls.some((c) => c.vendor === call.vendor && clientCall(definitions, c)?.client.role === 'proof') ? 'proven' : 'missing';
      case 'arg':
        if (call.args.some((a) => a.text?.startsWith('...'))) return 'unknown';
        return call.args.length > proof.index ? 'proven' : 'missing';
      case 'pair': {
        // `["set", "user:email", [email, signature]]`: the pair is the command's third item.
        const pair = call.args.map((a) => a.items?.[2]).find((item) => item !== undefined);
        if (!pair?.items) return 'unknown';
        return pair.items.length > proof.index ? 'proven' : 'missing';
      }
      case 'fields': {
        if (call.open) return 'unknown';
        const names = call.fields.map((f) => f.name ?? '');
        const ids = client.idKeys ?? definition.idKeys;
        const proofs = client.proofKeys ?? definition.proofKeys;
        if (!names.some((n) => ids.includes(n))) return 'anonymous';
        return names.some((n) => proofs.includes(n) || /jwt/i.test(n)) ? 'proven' : 'missing';
      }
    }
  });
}
