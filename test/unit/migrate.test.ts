/**
 * "Migrate to Messenger Security" (src/core/migrate): the edits, and that the code they leave
 * is what the engine calls correct (no finding of any rule), on a Next.js route and the client
 * that sends its hash, and on a mobile SDK call.
 */
import * as assert from 'node:assert/strict';
import { migrateClientProof, migrateServerHash, type Migration } from '../../src/core/migrate/index';
import { loadAllGrammars, run, syntax } from './engine/helpers';

const ROUTE = `import { createHmac } from 'node:crypto';
import { NextResponse } from 'next/server';
import { currentUser } from '@/lib/auth';

export async function GET(): Promise<NextResponse> {
  const user = await currentUser();
  const userHash = createHmac('sha256', process.env.INTERCOM_IDENTITY_VERIFICATION_SECRET as string)
    .update(String(user.id))
    .digest('hex');
  return NextResponse.json({ userId: String(user.id), userHash });
}
`;

const CLIENT = `'use client';
import { useEffect } from 'react';

export function IntercomBoot({ userId, userHash }: { userId: string; userHash: string }) {
  useEffect(() => {
    window.Intercom('boot', { app_id: 'abc123', user_id: userId, user_hash: userHash });
  }, [userId, userHash]);
  return null;
}
`;

function apply(text: string, migration: Migration | undefined): string {
  assert.ok(migration, 'a migration is offered');
  let out = text;
  for (const e of [...migration.edits].sort((a, b) => b.start - a.start)) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}

describe('migrate to Messenger Security', () => {
  before(async function () {
    this.timeout(60_000);
    await loadAllGrammars();
  });

  it('turns a Next.js route\'s HMAC into a JWT of the same id and key, and the result has no finding', async () => {
    const facts = await syntax.facts(ROUTE, 'typescript');
    const migrated = apply(ROUTE, migrateServerHash(ROUTE, facts, ROUTE.indexOf('createHmac(')));
    assert.equal(migrated, `import { NextResponse } from 'next/server';
import { currentUser } from '@/lib/auth';
import jwt from 'jsonwebtoken';

export async function GET(): Promise<NextResponse> {
  const user = await currentUser();
  const userHash = jwt.sign({ user_id: String(user.id) }, process.env.INTERCOM_IDENTITY_VERIFICATION_SECRET as string, { algorithm: 'HS256', expiresIn: '1h' });
  return NextResponse.json({ userId: String(user.id), userHash });
}
`);
    assert.deepEqual(run('app/api/intercom/route.ts', migrated, { syntax }).map((f) => f.ruleId), []);
    // Anywhere on the chain, not elsewhere.
    assert.ok(migrateServerHash(ROUTE, facts, ROUTE.indexOf('.digest(')));
    assert.equal(migrateServerHash(ROUTE, facts, ROUTE.indexOf('currentUser()')), undefined);
  });

  it('keeps other crypto imports and offers nothing for a hash of the email (Intercom requires user_id)', async () => {
    const both = ROUTE.replace("import { createHmac } from 'node:crypto';", "import { createHmac, timingSafeEqual } from 'node:crypto';");
    const migrated = apply(both, migrateServerHash(both, await syntax.facts(both, 'typescript'), both.indexOf('createHmac(')));
    assert.match(migrated, /^import \{ timingSafeEqual \} from 'node:crypto';$/m);
    const email = ROUTE.replace('.update(String(user.id))', '.update(user.email)');
    assert.equal(migrateServerHash(email, await syntax.facts(email, 'typescript'), email.indexOf('createHmac(')), undefined);
  });

  it('renames the client\'s user_hash to intercom_user_jwt, shorthand included, and the result has no finding', async () => {
    const facts = await syntax.facts(CLIENT, 'tsx');
    const migrated = apply(CLIENT, migrateClientProof(CLIENT, facts, CLIENT.indexOf('user_hash')));
    assert.match(migrated, /user_id: userId, intercom_user_jwt: userHash \}/);
    assert.deepEqual(run('app/components/IntercomBoot.tsx', migrated, { syntax }).map((f) => f.ruleId), []);
    const shorthand = "window.intercomSettings = { app_id: 'a', user_id: id, user_hash };\n";
    assert.match(apply(shorthand, migrateClientProof(shorthand, await syntax.facts(shorthand, 'javascript'), shorthand.indexOf('user_hash'))), /intercom_user_jwt: user_hash \}/);
  });

  it('moves a mobile SDK call from setUserHash to setUserJwt', () => {
    const swift = 'Intercom.setUserHash(hash)\nIntercom.loginUser(with: attributes)\n';
    assert.equal(apply(swift, migrateClientProof(swift, undefined, swift.indexOf('UserHash'))), swift.replace('setUserHash', 'setUserJwt'));
    assert.equal(migrateClientProof(swift, undefined, swift.indexOf('loginUser')), undefined);
  });
});
