import * as assert from 'node:assert/strict';
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
