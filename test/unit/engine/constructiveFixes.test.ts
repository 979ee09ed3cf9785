import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { applyFixes, type Finding } from '../../../src/core/engine/index';
import { FIXTURES, loadAllGrammars, run, syntax } from './helpers';

/** The one finding of `ruleId` in `findings`. */
function only(findings: readonly Finding[], ruleId: string): Finding {
  const of = findings.filter((f) => f.ruleId === ruleId);
  assert.equal(of.length, 1, JSON.stringify(findings.map((f) => `${f.ruleId}: ${f.message}`)));
  return of[0] as Finding;
}

/** `text` with the finding's first suggestion applied. */
function suggested(text: string, finding: Finding): string {
  const suggestion = finding.suggestions?.[0];
  assert.ok(suggestion, `${finding.ruleId} offers no suggestion: ${finding.message}`);
  return applyFixes(text, [suggestion.fix]);
}

describe('engine: constructive fixes', function () {
  this.timeout(60_000);
  before(loadAllGrammars);

  describe('missing-user-hash adds the proof field, wired to a value the server fills', () => {
    const cases: { name: string; path: string; text: string; added: string; field: string; scheme: string; vendor: string }[] = [
      {
        name: 'Intercom boot, multi-line, with a trailing comma',
        path: 'src/intercom.js',
        text: "Intercom('boot', {\n  app_id: 'ab12cd34',\n  user_id: user.id,\n  email: user.email,\n});\n",
        added: "Intercom('boot', {\n  app_id: 'ab12cd34',\n  user_id: user.id,\n  email: user.email,\n  user_hash: user.userHash,\n});\n",
        field: 'user_hash', scheme: 'hmac', vendor: 'intercom',
      },
      {
        name: 'window.intercomSettings on one line',
        path: 'public/boot.js',
        text: "window.intercomSettings = { app_id: 'ab12cd34', user_id: currentUser.id };\n",
        added: "window.intercomSettings = { app_id: 'ab12cd34', user_id: currentUser.id, user_hash: currentUser.userHash };\n",
        field: 'user_hash', scheme: 'hmac', vendor: 'intercom',
      },
      {
        name: 'react-use-intercom with shorthand props: the camelCase field, as a prop of the same name',
        path: 'src/components/Chat.tsx',
        text: "import { useIntercom } from 'react-use-intercom';\nexport function Chat({ userId, email }) {\n  const { boot } = useIntercom();\n  boot({ userId, email });\n  return null;\n}\n",
        added: "import { useIntercom } from 'react-use-intercom';\nexport function Chat({ userId, email }) {\n  const { boot } = useIntercom();\n  boot({ userId, email, userHash });\n  return null;\n}\n",
        field: 'userHash', scheme: 'hmac', vendor: 'intercom',
      },
      {
        name: 'an Intercom installation that sends JWTs gets the JWT field',
        path: 'src/messenger.js',
        text: "Intercom('boot', { app_id: 'ab12cd34', user_id: me.id, intercom_user_jwt: me.intercomJwt });\nwindow.intercomSettings = { app_id: 'ab12cd34', user_id: me.id };\n",
        added: "Intercom('boot', { app_id: 'ab12cd34', user_id: me.id, intercom_user_jwt: me.intercomJwt });\nwindow.intercomSettings = { app_id: 'ab12cd34', user_id: me.id, intercom_user_jwt: me.userJwt };\n",
        field: 'intercom_user_jwt', scheme: 'jwt', vendor: 'intercom',
      },
      {
        name: 'Featurebase identify',
        path: 'src/feedback.ts',
        text: "Featurebase('identify', { organization: 'acme', email: account.email, userId: account.id });\n",
        added: "Featurebase('identify', { organization: 'acme', email: account.email, userId: account.id, userHash: account.userHash });\n",
        field: 'userHash', scheme: 'hmac', vendor: 'featurebase',
      },
    ];
    for (const c of cases) {
      it(c.name, () => {
        const finding = only(run(c.path, c.text, { syntax }), 'missing-user-hash');
        assert.ok(finding.message.includes(c.field), finding.message);
        assert.equal(finding.fix, undefined, 'never applied by fix-all: the server must provide the value');
        assert.deepEqual(finding.data, { vendor: c.vendor, scheme: c.scheme, field: c.field });
        const fixed = suggested(c.text, finding);
        assert.equal(fixed, c.added);
        // The scan accepts the call it produced.
        assert.deepEqual(run(c.path, fixed, { syntax }).filter((f) => f.ruleId === 'missing-user-hash'), []);
      });
    }

    it('offers no field where the proof is not a field (an argument, a setter): only the vendor for the snippet', () => {
      const text = "import Gleap from 'gleap';\nGleap.identify(user.id, { email: user.email });\n";
      const finding = only(run('src/gleap.js', text, { syntax }), 'missing-user-hash');
      assert.equal(finding.suggestions, undefined);
      assert.equal(finding.data?.vendor, 'gleap');
    });
  });

  describe('user-hash-identifier-mismatch hashes the identifier that is sent', () => {
    const dir = join(FIXTURES, 'rules', 'user-hash-identifier-mismatch', 'true');
    const cases: { file: string; from: string; to: string }[] = [
      { file: 'app/api/intercom/route.ts', from: '.update(user.email)', to: '.update(user.id)' },
      { file: 'src/server/intercom.ts', from: '.update(String(user.id))', to: '.update(String(user.uuid))' },
      { file: 'accounts/identity.py', from: 'str(user.uuid).encode()', to: 'str(user.pk).encode()' },
      { file: 'app/views/layouts/application.html.erb', from: "ENV['INTERCOM_SECRET'], current_user.email)", to: "ENV['INTERCOM_SECRET'], current_user.id)" },
    ];
    for (const c of cases) {
      it(`${c.file}: ${c.from} → ${c.to}`, () => {
        const text = readFileSync(join(dir, c.file), 'utf8');
        const finding = only(run(c.file, text, { syntax }), 'user-hash-identifier-mismatch');
        assert.equal(finding.fix, undefined);
        const fixed = suggested(text, finding);
        assert.ok(text.includes(c.from) && fixed.includes(c.to), fixed);
        assert.equal(fixed.length - text.length, c.to.length - c.from.length, 'only the identifier changes');
        assert.deepEqual(run(c.file, fixed, { syntax }).filter((f) => f.ruleId === 'user-hash-identifier-mismatch'), []);
      });
    }

    it('explains rather than edits when the identifier sent is not a name here', () => {
      // Chatwoot hashes the identifier, and this file sends a literal one: no edit can be right.
      const text = readFileSync(join(dir, 'chatwoot.py'), 'utf8');
      const finding = only(run('chatwoot.py', text, { syntax }), 'user-hash-identifier-mismatch');
      assert.equal(finding.suggestions, undefined);
      assert.match(finding.detail ?? '', /computed from `user\.email\.encode\(\)`.*the user id/s);
    });

    it('names the identifier sent and the one hashed in the detail', () => {
      const text = readFileSync(join(dir, 'app/api/intercom/route.ts'), 'utf8');
      const finding = only(run('app/api/intercom/route.ts', text, { syntax }), 'user-hash-identifier-mismatch');
      assert.equal(finding.message, 'user_hash hashes the email, user_id is sent');
      assert.match(finding.detail ?? '', /computed from `user\.email`.*sent here as `user\.id`.*Hash `user\.id` instead/s);
    });
  });
});
