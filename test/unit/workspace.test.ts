import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { listSnippets, renderSnippet, snippetFile } from '../../src/core/snippets/catalogue';
import { rankSnippets } from '../../src/core/snippets/ranking';
import { getVendor } from '../../src/core/vendors';
import { authFor, describeWorkspace, filesToRead, importSpecifier, secretEnvVar, type EnvUse, type WorkspaceModel } from '../../src/core/workspace';

const ROOT = join(__dirname, '..', '..', '..', 'test', 'fixtures', 'workspace-model');

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));
}

/** The model of a fixture project, read as the extension reads one: the named files' texts only. */
function model(name: string, envReads: EnvUse[] = []): WorkspaceModel {
  const dir = join(ROOT, name);
  const paths = walk(dir).map((p) => relative(dir, p).split(sep).join('/'));
  const texts = new Map(filesToRead(paths).map((p) => [p, readFileSync(join(dir, p), 'utf8')]));
  return describeWorkspace({ paths, texts, envReads });
}

const ids = (m: WorkspaceModel) => m.frameworks.map((f) => f.id);

describe('core/workspace: the project model for the editor', () => {
  it('reads a Next.js app router project: frameworks, SDKs, auth module, alias, package manager', () => {
    const m = model('next-app', [{ path: 'lib/intercom.ts', name: 'INTERCOM_SECRET' }, { path: 'app/page.tsx', name: 'NODE_ENV' }]);
    assert.deepEqual(ids(m), ['nextjs-app', 'react']);
    assert.equal(m.frameworks[0]?.evidence, 'app/api/auth/[...nextauth]/route.ts');
    assert.deepEqual(m.sdks.map((s) => s.package), ['@intercom/messenger-js-sdk', 'react-use-intercom']);
    assert.deepEqual(m.vendors, ['intercom']);
    assert.equal(m.layout.appDir, 'app');
    assert.equal(m.layout.atAlias, '');
    assert.equal(m.packageManager, 'npm');
    assert.equal(m.auth?.file, 'auth.ts');
    assert.deepEqual(authFor(m, 'app/api/intercom/user-hash/route.ts'), { imports: [`import { auth } from '@/auth';`], user: '(await auth())?.user' });
    assert.equal(secretEnvVar(m, getVendor('intercom')), 'INTERCOM_SECRET');
    assert.equal(secretEnvVar(m, getVendor('crisp')), undefined);
  });

  it('reads a Next.js pages router project under src/ with next-auth v4', () => {
    const m = model('next-v4');
    assert.deepEqual(ids(m), ['nextjs-pages', 'react']);
    assert.equal(m.layout.pagesDir, 'src/pages');
    assert.equal(m.layout.atAlias, 'src');
    assert.equal(m.packageManager, 'yarn');
    assert.deepEqual(m.vendors, ['crisp']);
    assert.deepEqual(authFor(m, 'src/pages/api/crisp.ts'), {
      imports: [`import { getServerSession } from 'next-auth';`, `import { authOptions } from '@/lib/auth';`],
      user: '(await getServerSession(authOptions))?.user',
    });
  });

  it('knows the server frameworks of the other manifests', () => {
    assert.deepEqual(ids(model('rails')), ['rails']);
    assert.deepEqual(ids(model('django')), ['django']);
    assert.equal(model('django').layout.djangoApp, 'accounts');
    assert.deepEqual(ids(model('fastapi')), ['fastapi']);
    assert.deepEqual(ids(model('laravel')), ['laravel']);
    assert.deepEqual(ids(model('go')), ['go']);
    assert.deepEqual(ids(model('spring')), ['spring']);
  });

  it('finds messenger SDKs in a Podfile and a Gradle build', () => {
    const m = model('mobile');
    assert.deepEqual(ids(m), ['android', 'ios']);
    assert.deepEqual(m.sdks.map((s) => `${s.manifest}: ${s.package}`).sort(), ['android/app/build.gradle: io.intercom.android:intercom-sdk', 'ios/Podfile: Intercom']);
  });

  it('takes only server-side names that hold the vendor\'s secret, the conventional one first', () => {
    const reads = (...names: string[]) => model('next-app', names.map((name) => ({ path: 'lib/x.ts', name })));
    const intercom = getVendor('intercom');
    assert.equal(secretEnvVar(reads('NEXT_PUBLIC_INTERCOM_SECRET', 'INTERCOM_APP_ID'), intercom), undefined, 'public prefix and app id are not the secret');
    assert.equal(secretEnvVar(reads('INTERCOM_HMAC_KEY', 'INTERCOM_SECRET', 'INTERCOM_SECRET'), intercom), 'INTERCOM_SECRET', 'the most read');
    assert.equal(secretEnvVar(reads('INTERCOM_SECRET', 'INTERCOM_IDENTITY_VERIFICATION_SECRET'), intercom), 'INTERCOM_IDENTITY_VERIFICATION_SECRET');
    assert.deepEqual(describeWorkspace({ paths: [], texts: new Map(), envReads: [{ path: 'a.py', name: 'CRISP_VERIFY_SECRET' }] }).vendors, ['crisp'], 'a secret name alone names the vendor');
  });

  it('writes module specifiers through the @/ alias or relative to the importing file', () => {
    assert.equal(importSpecifier('lib/auth.ts', 'app/api/x/route.ts', ''), '@/lib/auth');
    assert.equal(importSpecifier('lib/auth.ts', 'app/api/x/route.ts', undefined), '../../../lib/auth');
    assert.equal(importSpecifier('src/auth/index.ts', 'src/app/route.ts', 'src'), '@/auth');
    assert.equal(importSpecifier('auth.ts', 'actions.ts', undefined), './auth');
  });
});

describe('the snippet picker on the project model', () => {
  it('puts the project\'s framework first: a Next.js project gets the Next.js route handlers before Express', () => {
    const m = model('next-app');
    const ranked = rankSnippets(listSnippets({ kind: 'server' }), 'intercom', m.frameworks.map((f) => f.id));
    assert.deepEqual(ranked.slice(0, 4).map((r) => r.snippet.id), ['jwt-nextjs-route', 'jwt-nextjs-server-action', 'nextjs-route', 'nextjs-server-action']);
    assert.ok(ranked.slice(0, 4).every((r) => r.fits === 'nextjs-app'));
    assert.equal(ranked[4]?.fits, undefined);
    assert.equal(rankSnippets(listSnippets({ kind: 'server', scheme: 'hmac' }), 'crisp', ['nextjs-app'])[0]?.snippet.id, 'nextjs-route');
  });

  it('places route files where the framework expects them', () => {
    const next = model('next-app').layout;
    assert.equal(snippetFile('nextjs-route', 'intercom', next), 'app/api/intercom/user-hash/route.ts');
    assert.equal(snippetFile('jwt-nextjs-route', 'intercom', next), 'app/api/intercom/jwt/route.ts');
    assert.equal(snippetFile('nextjs-route', 'intercom', model('next-v4').layout), undefined, 'no app router');
    assert.equal(snippetFile('django', 'crisp', model('django').layout), 'accounts/messenger_identity.py');
    assert.equal(snippetFile('rails', 'intercom', {}), 'app/helpers/messenger_identity_helper.rb');
    assert.equal(snippetFile('express', 'intercom', next), undefined, 'an Express route goes into the app that serves it');
  });

  it('renders the Next.js route with the project\'s auth helper and variable, with no unused helper', () => {
    const m = model('next-app');
    const file = 'app/api/intercom/user-hash/route.ts';
    const text = renderSnippet('nextjs-route', { envVar: 'INTERCOM_SECRET', auth: authFor(m, file) }).text;
    assert.match(text, /^import \{ auth \} from '@\/auth';$/m);
    assert.match(text, /process\.env\.INTERCOM_SECRET/);
    assert.doesNotMatch(text, /verifyUserHash|timingSafeEqual|Placeholder/);
    const placeholder = renderSnippet('nextjs-route').text;
    assert.match(placeholder, /^\/\/ Placeholder: import your app's auth helper/m, 'without a helper found, the import is marked');
    // Express exports its helpers, so its verify is there to be used.
    assert.match(renderSnippet('express').text, /export function verifyUserHash/);
  });
});
