/** The rule set, in the order findings of equal position are listed. */
import { clientSideHmac } from './client-side-hmac';
import { hardcodedSecret } from './hardcoded-secret';
import { messengerJwt } from './messenger-jwt';
import { missingUserHash } from './missing-user-hash';
import type { Rule } from './rule';
import { secretExposedToClient } from './secret-exposed-to-client';
import { userHashIdentifierMismatch } from './user-hash-identifier-mismatch';
import type { RuleMeta } from '../types';

export const RULE_IMPLEMENTATIONS: readonly Rule[] = [
  hardcodedSecret, secretExposedToClient, clientSideHmac, userHashIdentifierMismatch, missingUserHash, messengerJwt,
];

/** Metadata and docs of every rule, for the README table, SARIF and the editor. */
export const RULE_METAS: readonly RuleMeta[] = RULE_IMPLEMENTATIONS.map((r) => r.meta);
