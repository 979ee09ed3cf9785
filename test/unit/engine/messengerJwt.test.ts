/** messenger-jwt reads syntax facts only for files that could hold a messenger's JWT. */
import * as assert from 'node:assert/strict';
import { DEFAULT_CONFIG, lint, type FactsSource } from '../../../src/core/engine/index';
import { loadAllGrammars, syntax } from './helpers';

/** A facts source that counts the files it parses. */
function counting(): { source: FactsSource; parsed: () => number } {
  let parsed = 0;
  return {
    source: { factsSync: (text, language) => { parsed++; return syntax.factsSync(text, language); } },
    parsed: () => parsed,
  };
}

describe('engine: messenger-jwt parses only what could be a messenger JWT', () => {
  before(async function () {
    this.timeout(60_000);
    await loadAllGrammars();
  });

  it('does not parse an app\'s own session token, and does parse a token named for a messenger', () => {
    const session = counting();
    const own = "import jwt from 'jsonwebtoken';\nexport const session = (id) => jwt.sign({ sub: id }, process.env.SESSION_SECRET, { expiresIn: '90d' });\n";
    assert.deepEqual(lint(own, { path: 'src/auth/session.js', committed: true, config: DEFAULT_CONFIG, syntax: session.source }), []);
    assert.equal(session.parsed(), 0, 'a JWT no messenger is named near is not parsed for facts');

    const messenger = counting();
    const intercom = "import jwt from 'jsonwebtoken';\nexport const token = (id) => jwt.sign({ user_id: id }, process.env.INTERCOM_MESSENGER_SECRET);\n";
    const findings = lint(intercom, { path: 'server/messenger.js', committed: true, config: DEFAULT_CONFIG, syntax: messenger.source });
    assert.deepEqual(findings.map((f) => f.ruleId), ['messenger-jwt']);
    assert.ok(messenger.parsed() >= 1);
  });
});
