import * as assert from 'node:assert/strict';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findGit } from '../../src/core/gitCli';
import { isSecretFile } from '../../src/core/secretFiles';

describe('secret files', () => {
  it('are the files that exist to hold secrets, never source code or committed templates', () => {
    for (const path of ['.env', '.env.local', 'config/.env.production', 'server.env', 'android/local.properties', 'secrets.yml', 'config/secrets.json', '.secrets']) {
      assert.equal(isSecretFile(path), true, path);
    }
    for (const path of ['python_api/views.py', 'server/intercom.js', 'app.config.ts', '.env.example', '.env.sample', 'env.template', 'app/src/main/res/values/strings.xml', 'Info.plist', 'secrets.py', 'gradle.properties']) {
      assert.equal(isSecretFile(path), false, path);
    }
  });
});

describe('findGit', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'idv-findgit-'));
    for (const sub of ['workspace/bin', 'system/bin', 'other']) mkdirSync(join(dir, sub), { recursive: true });
    for (const sub of ['workspace/bin', 'system/bin']) {
      writeFileSync(join(dir, sub, 'git'), '#!/bin/sh\n');
      chmodSync(join(dir, sub, 'git'), 0o755);
    }
    writeFileSync(join(dir, 'other', 'git'), 'not executable');
    chmodSync(join(dir, 'other', 'git'), 0o644);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('takes the first executable git on PATH that is absolute and outside the workspace', () => {
    const path = ['bin', `${dir}/workspace/bin`, `${dir}/other`, `${dir}/system/bin`].join(':');
    assert.equal(findGit({ path, platform: 'linux', exclude: [join(dir, 'workspace')] }), join(dir, 'system', 'bin', 'git'));
    assert.equal(findGit({ path, platform: 'linux', exclude: [] }), join(dir, 'workspace', 'bin', 'git'));
    assert.equal(findGit({ path: `bin:${dir}/other`, platform: 'linux' }), undefined, 'relative entries and non-executables are skipped');
  });
});
