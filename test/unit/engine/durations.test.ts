/** The token lifetimes messenger-jwt reads, as each ecosystem spells them (rules/durations.ts). */
import * as assert from 'node:assert/strict';
import { durationSeconds, expirySeconds } from '../../../src/core/engine/rules/durations';

describe('engine: token lifetimes as code spells them', () => {
  it('reads durations: vercel/ms strings, numbers of seconds, timedelta', () => {
    const cases: [string, number | undefined][] = [
      ["'1h'", 3600], ['"30d"', 2_592_000], ["'2 hours'", 7200], ["'10m'", 600], ['3600', 3600], ["'90000'", 90],
      ['timedelta(hours=1)', 3600], ['timedelta(days=7, hours=1)', 608_400], ["'1 fortnight'", undefined], ['ttl', undefined], ['', undefined],
    ];
    for (const [text, seconds] of cases) assert.equal(durationSeconds(text), seconds, text);
  });

  it('reads what an expiry adds to now in JavaScript, Python, Ruby, PHP and Go', () => {
    const cases: [string, number | undefined][] = [
      ['Math.floor(Date.now() / 1000) + 60 * 60', 3600],
      ['Math.floor(Date.now() / 1000) + (60 * 60 * 24 * 30)', 2_592_000],
      ['datetime.now(tz=timezone.utc) + timedelta(days=365)', 31_536_000],
      ['int(time.time()) + 3600', 3600],
      ['1.hour.from_now.to_i', 3600],
      ['(Time.now + 30.days).to_i', 2_592_000],
      ['time() + 3600', 3600],
      ['time.Now().Add(time.Hour).Unix()', 3600],
      ['time.Now().Add(24 * time.Hour * 30).Unix()', 2_592_000],
      ['user.sessionExpiresAt', undefined],
      ['someTimestamp', undefined],
    ];
    for (const [text, seconds] of cases) assert.equal(expirySeconds(text), seconds, text);
  });

  it('gives up on text longer than any expiry is spelt (the readers look at 200 or 300 characters, no more)', () => {
    assert.equal(expirySeconds(`x + ${'('.repeat(10_000)}`), undefined);
    assert.equal(durationSeconds('1'.repeat(100_000)), undefined);
  });
});
