import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_CONFIG, RULES, type Finding } from '../../../src/core/engine/index';
import { buildProject, type ProjectFile } from '../../../src/core/project/index';
import { syntaxLanguageOf } from '../../../src/core/syntax/index';
import { FIXTURES, filesBelow, loadAllGrammars, run, syntax } from './helpers';

/**
 * The Problems view and the CLI's one-line output cut a long message before its useful part, so
 * every message says the fact in at most this many characters and leaves the explanation to
 * `detail` (the hover, JSON, SARIF) and the rule's docs.
 */
const MAX = 80;

interface Said {
  readonly where: string;
  readonly ruleId: string;
  readonly message: string;
  readonly detail?: string;
}

function said(where: string, findings: readonly Finding[]): Said[] {
  return findings.map((f) => ({ where, ruleId: f.ruleId, message: f.message, ...(f.detail !== undefined ? { detail: f.detail } : {}) }));
}

/** Every finding on every rule fixture, by the text scanner and by the syntax facts. */
function onRuleFixtures(): Said[] {
  const out: Said[] = [];
  for (const rule of RULES) {
    for (const kind of ['true', 'false']) {
      const dir = join(FIXTURES, 'rules', rule.id, kind);
      for (const file of filesBelow(dir)) {
        const text = readFileSync(join(dir, file), 'utf8');
        out.push(...said(`${rule.id}/${kind}/${file}`, run(file, text)), ...said(`${rule.id}/${kind}/${file} (facts)`, run(file, text, { syntax })));
      }
    }
  }
  return out;
}

/** The project model's cross-file findings on its fixture projects. */
async function onProjectFixtures(): Promise<Said[]> {
  const root = join(FIXTURES, 'project-model');
  const out: Said[] = [];
  for (const name of readdirSync(root).filter((n) => statSync(join(root, n)).isDirectory())) {
    const files: ProjectFile[] = [];
    const other: string[] = [];
    const walk = async (rel: string): Promise<void> => {
      for (const entry of readdirSync(join(root, name, rel))) {
        const path = rel === '' ? entry : `${rel}/${entry}`;
        if (statSync(join(root, name, path)).isDirectory()) await walk(path);
        else {
          const language = syntaxLanguageOf(path);
          if (language === 'javascript' || language === 'typescript' || language === 'tsx') files.push({ path, facts: await syntax.facts(readFileSync(join(root, name, path), 'utf8'), language) });
          else other.push(path);
        }
      }
    };
    await walk('');
    for (const f of buildProject(files, { config: DEFAULT_CONFIG, otherPaths: other }).findings) {
      out.push({ where: `project-model/${name}/${f.path}`, ruleId: f.ruleId, message: f.message, ...(f.detail !== undefined ? { detail: f.detail } : {}) });
    }
  }
  return out;
}

describe('engine: messages', function () {
  this.timeout(60_000);
  let all: Said[] = [];
  before(async () => {
    await loadAllGrammars();
    all = [...onRuleFixtures(), ...await onProjectFixtures()];
  });

  it(`every rule reports on its fixtures, each message at most ${MAX} characters`, () => {
    for (const rule of RULES) assert.ok(all.some((s) => s.ruleId === rule.id), `no finding of ${rule.id} on the fixtures`);
    const long = all.filter((s) => s.message.length > MAX).map((s) => `${s.where} [${s.ruleId}] (${s.message.length}) ${s.message}`);
    assert.deepEqual(long, []);
  });

  it('messages are one line that ends without a full stop, and any detail says more than the message', () => {
    const bad = all.filter((s) => s.message.includes('\n') || s.message.endsWith('.') || (s.detail !== undefined && s.detail.length <= s.message.length));
    assert.deepEqual(bad.map((s) => `${s.where}: ${s.message}`), []);
  });

  it('the cross-file findings are among those checked', () => {
    assert.ok(all.some((s) => s.where.startsWith('project-model/')));
  });
});
