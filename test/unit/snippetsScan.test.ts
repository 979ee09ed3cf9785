import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { main } from '../../src/cli/main';
import { listSnippets, renderSnippet } from '../../src/core/snippets/catalogue';

/**
 * The product's own recommended code must pass its own scan: every snippet, for every vendor
 * it supports, written where its framework keeps such code, then `idv scan` over the project.
 * A finding here means the linter cries wolf on code it told the user to write.
 */
const WHERE: Readonly<Record<string, string>> = {
  express: 'server/routes/intercom.js',
  nestjs: 'src/intercom/intercom.controller.ts',
  'nextjs-route': 'app/api/intercom/route.ts',
  'nextjs-server-action': 'app/actions/intercom.ts',
  deno: 'deno/server.ts',
  bun: 'bun/server.ts',
  'cloudflare-workers': 'workers/src/index.ts',
  django: 'accounts/views.py',
  flask: 'flask_app/app.py',
  fastapi: 'api/main.py',
  rails: 'app/controllers/intercom_controller.rb',
  php: 'public/intercom-hash.php',
  laravel: 'app/Http/Controllers/IntercomController.php',
  go: 'internal/intercom/handler.go',
  spring: 'src/main/java/com/example/IntercomController.java',
  ktor: 'src/main/kotlin/com/example/Intercom.kt',
  grails: 'grails-app/controllers/example/IntercomController.groovy',
  aspnetcore: 'Api/Controllers/IntercomController.cs',
  phoenix: 'lib/example_web/controllers/intercom_controller.ex',
  rust: 'src/intercom.rs',
  perl: 'lib/Example/Intercom.pm',
  'jwt-express': 'server/routes/messenger-jwt.js',
  'jwt-nestjs': 'src/messenger/messenger-jwt.controller.ts',
  'jwt-nextjs-route': 'app/api/messenger-jwt/route.ts',
  'jwt-nextjs-server-action': 'app/actions/messenger-jwt.ts',
  'jwt-deno': 'deno/messenger_jwt.ts',
  'jwt-bun': 'bun/messenger-jwt.ts',
  'jwt-cloudflare-workers': 'workers/src/messenger-jwt.ts',
  'jwt-django': 'accounts/messenger_jwt.py',
  'jwt-flask': 'flask_app/messenger_jwt.py',
  'jwt-fastapi': 'api/messenger_jwt.py',
  'jwt-rails': 'app/helpers/messenger_jwt_helper.rb',
  'jwt-php': 'public/messenger-jwt.php',
  'jwt-laravel': 'app/Http/Controllers/MessengerJwtController.php',
  'jwt-go': 'internal/messenger/jwt.go',
  'jwt-spring': 'src/main/java/com/example/MessengerJwtController.java',
  'jwt-ktor': 'src/main/kotlin/com/example/MessengerJwt.kt',
  'jwt-grails': 'grails-app/controllers/example/MessengerJwtController.groovy',
  'jwt-aspnetcore': 'Api/MessengerJwt.cs',
  'jwt-phoenix': 'lib/example_web/controllers/messenger_jwt_controller.ex',
  'jwt-rust': 'src/messenger_jwt.rs',
  'jwt-perl': 'lib/Example/MessengerJwt.pm',
  web: 'public/index.html',
  react: 'src/components/Messenger.jsx',
  'nextjs-client': 'app/components/Messenger.tsx',
  vue: 'src/components/Messenger.vue',
  'web-jwt': 'src/messenger-jwt.js',
  'ios-swift': 'ios/App/Messenger.swift',
  'ios-objc': 'ios/App/Messenger.m',
  'android-kotlin': 'android/app/src/main/java/com/example/Messenger.kt',
  'android-java': 'android/app/src/main/java/com/example/MessengerJava.java',
  'react-native': 'mobile/src/Messenger.tsx',
  flutter: 'mobile_flutter/lib/messenger.dart',
  'react-jwt': 'src/components/MessengerJwt.jsx',
  'nextjs-client-jwt': 'app/components/MessengerJwt.tsx',
  'vue-jwt': 'src/components/MessengerJwt.vue',
  'ios-swift-jwt': 'ios/App/MessengerJwt.swift',
  'ios-objc-jwt': 'ios/App/MessengerJwt.m',
  'android-kotlin-jwt': 'android/app/src/main/java/com/example/MessengerJwt.kt',
  'android-java-jwt': 'android/app/src/main/java/com/example/MessengerJwtJava.java',
  'react-native-jwt': 'mobile/src/MessengerJwt.tsx',
  'flutter-jwt': 'mobile_flutter/lib/messenger_jwt.dart',
};

describe('snippets: the product passes its own scan', function () {
  this.timeout(120_000);

  it('every snippet, for every vendor, in a realistic project layout: zero findings', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'idv-own-'));
    try {
      let files = 0;
      for (const s of listSnippets()) {
        const where = WHERE[s.id];
        assert.ok(where, `no project path for snippet ${s.id}: add one above`);
        for (const vendor of s.vendors) {
          const path = where.replace(/(\.[a-z]+)$/, `.${vendor}$1`).replace(/\/([^/]+)$/, `/${vendor}/$1`);
          mkdirSync(dirname(join(dir, path)), { recursive: true });
          writeFileSync(join(dir, path), `${renderSnippet(s.id, { vendor }).text}\n`);
          files++;
        }
      }
      let out = '';
      let err = '';
      const code = await main(['scan', '--format', 'json'], { stdout: (t) => { out += t; }, stderr: (t) => { err += t; }, stdin: process.stdin, env: {}, cwd: dir });
      const { findings, skipped } = JSON.parse(out) as { findings: { file: string; line: number; ruleId: string; message: string }[]; skipped: unknown[] };
      assert.deepEqual(skipped, []);
      assert.ok(files > 200, `${files} snippet files`);
      assert.deepEqual(findings.map((f) => `${f.file}:${f.line} ${f.ruleId}: ${f.message.slice(0, 100)}`), [], `${findings.length} findings on the product's own snippets`);
      assert.equal(code, 0, err);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
