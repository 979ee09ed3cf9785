import * as assert from 'node:assert/strict';
import { IDENTIFY_CALLS } from '../../../src/core/engine/identify-calls';
import { MESSENGER_SHAPES } from '../../../src/core/messenger-calls';
import { VENDORS } from '../../../src/core/vendors';
import { factsOf, fieldTexts, fixture } from './helpers';

describe('syntax: messenger calls', () => {
  it('reads Intercom boot and update with the fields sent and each value as an expression', async () => {
    const text = "Intercom('boot', { app_id: 'abc', user_id: String(user.id), email: user.email });\nIntercom('update', { user_hash: hash });\nIntercom('shutdown');";
    const { messengerCalls } = await factsOf(text, 'javascript');
    assert.deepEqual(messengerCalls.map((c) => [c.vendor, c.command, c.target]), [['intercom', 'boot', 'Intercom'], ['intercom', 'update', 'Intercom']]);
    const boot = messengerCalls[0];
    assert.deepEqual(fieldTexts(boot), { app_id: "'abc'", user_id: 'String(user.id)', email: 'user.email' });
    const userId = boot?.fields.find((f) => f.name === 'user_id')?.value;
    assert.equal(userId?.kind, 'call');
    assert.equal(userId?.callee, 'String');
    assert.equal(userId?.args?.[0]?.path, 'user.id');
    assert.equal(text.slice(userId?.start, userId?.end), 'String(user.id)');
    assert.equal(boot?.open, false);
  });

  it('reads window.intercomSettings, and a user_hash assigned to it afterwards', async () => {
    const { text, facts } = await fixture('web/intercom-settings.js');
    const assignment = facts.messengerCalls.find((c) => c.kind === 'assignment');
    assert.equal(assignment?.target, 'intercomSettings');
    assert.deepEqual(fieldTexts(assignment), { app_id: 'APP_ID', user_id: 'currentUser.id', user_hash: 'currentUser.intercomHash' });
    assert.equal(assignment?.fields.find((f) => f.name === 'user_hash')?.from, 'assigned');
    assert.ok(text.slice(assignment?.settings?.start, assignment?.settings?.end).startsWith('{\n  app_id'));
  });

  it('follows settings built in a variable a few lines above, with members assigned in between', async () => {
    const { facts } = await fixture('web/intercom-settings.js');
    const call = facts.messengerCalls.find((c) => c.kind === 'call');
    assert.ok(call, JSON.stringify(facts.messengerCalls));
    // The command is a variable: the call is reported with no command, not dropped.
    assert.equal(call.command, undefined);
    assert.deepEqual(fieldTexts(call), { app_id: 'APP_ID', name: 'me.displayName', user_id: 'me.id', email: 'me.email' });
    assert.deepEqual(call.fields.map((f) => f.from), ['variable', 'variable', 'assigned', 'assigned']);
    assert.equal(facts.messengerCalls.filter((c) => c.kind === 'call').length, 1, "Intercom('shutdown') is no messenger call");
  });

  it('follows a spread of a local settings variable into the call', async () => {
    const { facts } = await fixture('next-app/app/support/IntercomClient.tsx');
    const [call] = facts.messengerCalls;
    assert.equal(call?.shape, 'call Intercom');
    // Casts are looked through: the value is what is cast.
    assert.deepEqual(fieldTexts(call), { app_id: 'process.env.NEXT_PUBLIC_INTERCOM_APP_ID', user_id: 'userId', email: 'email', user_hash: 'userHash' });
    assert.deepEqual(call?.fields.map((f) => f.from ?? 'literal'), ['spread', 'spread', 'spread', 'literal']);
    assert.equal(call?.open, false);
    assert.equal(call?.fields[0]?.value.path, 'process.env.NEXT_PUBLIC_INTERCOM_APP_ID');
  });

  it('marks settings that cannot be known as open', async () => {
    const { messengerCalls } = await factsOf("Intercom('boot', { ...props.settings, user_id: id });\nIntercom('update', makeSettings(user));", 'javascript');
    assert.deepEqual(messengerCalls.map((c) => c.open), [true, true]);
    assert.deepEqual(messengerCalls[0]?.fields.map((f) => f.name), ['...', 'user_id']);
  });

  it('finds Crisp pushes through an alias, with optional chaining, split over lines', async () => {
    const { text, facts } = await fixture('web/crisp-session.ts');
    const pushes = facts.messengerCalls.filter((c) => c.vendor === 'crisp');
    assert.equal(pushes.length, 2, 'the nickname push is not an identity command');
    const [aliased, optional] = pushes;
    assert.equal(aliased?.target, '$crisp.push');
    assert.deepEqual(aliased?.via, ['alias']);
    assert.equal(aliased?.command, 'set user:email');
    assert.equal(text.slice(aliased?.start, aliased?.end).split('\n').length, 5);
    assert.deepEqual(aliased?.args[0]?.items?.[2]?.items?.map((i) => i.path), ['account.email']);
    assert.deepEqual(optional?.via, ['optional-chaining']);
    assert.deepEqual(optional?.args[0]?.items?.[2]?.items?.map((i) => i.path), ['email', 'signature']);
  });

  it('sees optional chaining on the call itself and on the member', async () => {
    const { messengerCalls } = await factsOf("window.Intercom?.('boot', { user_id: id });\nIntercom?.loginUserWithUserAttributes({ userId: id });\nFrontChat?.('init', { email, userHash });", 'typescript');
    assert.deepEqual(messengerCalls.map((c) => [c.target, c.via]), [
      ['Intercom', ['optional-chaining']], ['Intercom.loginUserWithUserAttributes', ['optional-chaining']], ['FrontChat', ['optional-chaining']],
    ]);
  });

  it('reads tawk.to through an alias assignment and through the global', async () => {
    const { facts } = await fixture('web/tawk-visitor.js');
    assert.deepEqual(facts.messengerCalls.map((c) => [c.kind, c.target, c.via]), [['assignment', 'Tawk_API.visitor', ['alias']], ['call', 'Tawk_API.setAttributes', undefined]]);
    assert.deepEqual(Object.keys(fieldTexts(facts.messengerCalls[0])), ['name', 'email', 'hash']);
    assert.deepEqual(Object.keys(fieldTexts(facts.messengerCalls[1])), ['name', 'email']);
  });

  it('reads the hook and plugin forms of Intercom, and the vendors with their own call shapes', async () => {
    const text = [
      "const { boot, update: refresh } = useIntercom();",
      "boot({ userId: user.id, userHash: hash });",
      "refresh({ email });",
      "this.$intercom.boot({ userId, email });",
      "window.$chatwoot.setUser(user.id, { email: user.email, identifier_hash: hash });",
      "Beacon('identify', { email, signature });",
      "Gleap.identify(String(user.id), { email }, hash);",
      "Crisp.user.setEmail(user.email);",
      "Featurebase('identify', { organization: 'acme', email, userId });",
      "zE('messenger', 'loginUser', (callback) => callback(token));",
      "window.pylon = { chat_settings: { app_id: 'p', email, email_hash: hash } };",
      "Plain.init({ appId: 'x', customerDetails: { email, emailHash } });",
      "Intercom.setUserHash(hash);",
    ].join('\n');
    const { messengerCalls } = await factsOf(text, 'javascript');
    assert.deepEqual(messengerCalls.map((c) => `${c.vendor} ${c.shape}${c.command ? ` [${c.command}]` : ''}`), [
      'intercom call useIntercom().boot',
      'intercom call useIntercom().update',
      'intercom call $intercom.boot',
      'chatwoot call $chatwoot.setUser',
      'helpscout call Beacon [identify]',
      'gleap call Gleap.identify',
      'crisp call Crisp.user.setEmail',
      'featurebase call Featurebase [identify]',
      'zendesk call zE [messenger loginUser]',
      'pylon property chat_settings',
      'plain property customerDetails',
      'intercom call Intercom.setUserHash',
    ]);
    assert.deepEqual(messengerCalls.find((c) => c.vendor === 'chatwoot')?.fields.map((f) => f.name), ['email', 'identifier_hash']);
    assert.deepEqual(messengerCalls.find((c) => c.vendor === 'pylon')?.fields.map((f) => f.name), ['app_id', 'email', 'email_hash']);
    assert.equal(messengerCalls.find((c) => c.vendor === 'gleap')?.args.length, 3);
  });

  it("takes a bare setUserEmail for Crisp's only when it is imported from Crisp's SDK", async () => {
    const sdk = await factsOf("import { setUserEmail } from 'react-native-crisp-chat-sdk';\nsetUserEmail(user.email);", 'typescript');
    assert.deepEqual(sdk.messengerCalls.map((c) => [c.vendor, c.target, c.args.length]), [['crisp', 'setUserEmail', 1]]);
    const required = await factsOf("const { setUserEmail } = require('react-native-crisp-chat-sdk');\nsetUserEmail(email, signature);", 'javascript');
    assert.equal(required.messengerCalls[0]?.args.length, 2);
    const other = await factsOf("import { setUserEmail } from './profile';\nsetUserEmail(user.email);", 'typescript');
    assert.deepEqual(other.messengerCalls, []);
  });

  it('does not take calls with a shape-like name on something else for messenger calls', async () => {
    const text = "server.boot({ port });\nlist.push(['set', 'user:email']);\nsettings.Intercom = 1;\nconst x = { intercomSettings: {} };";
    assert.deepEqual((await factsOf(text, 'javascript')).messengerCalls, []);
  });

  it('has a shape for every web call the text engine knows, and only known vendors', () => {
    const vendors = new Set(VENDORS.map((v) => v.id));
    for (const shape of MESSENGER_SHAPES) assert.ok(vendors.has(shape.vendor), shape.target);
    for (const call of IDENTIFY_CALLS.filter((c) => c.settings !== 'file')) {
      const name = call.needle.replace(/\($/, '').replace('?.', '.');
      assert.ok(MESSENGER_SHAPES.some((s) => s.vendor === call.vendor && (s.target === name || s.target.endsWith(`.${name}`))), `no shape for ${call.needle}`);
    }
  });
});
