import * as assert from 'node:assert/strict';
import { factsOf, fixture } from './helpers';

describe('syntax: directives, imports and exports', () => {
  it("reads the directive prologue, after comments and a hashbang, and nothing after code", async () => {
    const a = await factsOf("#!/usr/bin/env node\n// header\n/* more */\n'use client';\n\"use strict\";\nimport x from 'y';\n'use server';", 'javascript');
    assert.deepEqual(a.directives.map((d) => d.value), ['use client', 'use strict']);
    const b = await factsOf("import x from 'y';\n'use client';", 'typescript');
    assert.deepEqual(b.directives, []);
    const c = await factsOf("'use client' + suffix;", 'javascript');
    assert.deepEqual(c.directives, []);
  });

  it('reads ES imports, require and dynamic import with the names they bind', async () => {
    const text = [
      "import crypto, { createHmac as hmac, type KeyObject } from 'node:crypto';",
      "import * as jose from 'jose';",
      "import type { Props } from './types';",
      "import './side-effect.css';",
      "const { sign } = require('jsonwebtoken');",
      "const CryptoJS = require('crypto-js');",
      "const lazy = await import('./lazy');",
    ].join('\n');
    const { imports } = await factsOf(text, 'typescript');
    assert.deepEqual(imports.map((i) => [i.kind, i.source, i.names.map((n) => `${n.imported}:${n.local}`).join(','), i.typeOnly ?? false]), [
      ['import', 'node:crypto', 'default:crypto,createHmac:hmac,KeyObject:KeyObject', false],
      ['import', 'jose', '*:jose', false],
      ['import', './types', 'Props:Props', true],
      ['import', './side-effect.css', '', false],
      ['require', 'jsonwebtoken', 'sign:sign', false],
      ['require', 'crypto-js', '*:CryptoJS', false],
      ['dynamic', './lazy', '', false],
    ]);
  });

  it('reads Python imports, one fact per imported module', async () => {
    const { imports } = await factsOf('import os, hmac as h\nfrom hashlib import sha256, md5 as m\nfrom . import views\nfrom jwt import *\n', 'python');
    assert.deepEqual(imports.map((i) => [i.source, i.names.map((n) => `${n.imported}:${n.local}`).join(',')]), [
      ['os', 'os:os'], ['hmac', 'hmac:h'], ['hashlib', 'sha256:sha256,md5:m'], ['.', 'views:views'], ['jwt', '*:*'],
    ]);
  });

  it('reads exports: declarations, defaults, lists and re-exports', async () => {
    const text = [
      "export const a = 1, b = async () => 2;",
      "export async function handler() {}",
      "export class Store {}",
      "export { x, y as z };",
      "export * from './all';",
      "export * as ns from './ns';",
      "export { default as Button } from './Button';",
      "export default Store;",
    ].join('\n');
    const { exports, asyncDefaultComponent } = await factsOf(text, 'typescript');
    assert.deepEqual(exports.map((e) => [e.name, e.kind, e.async ?? false, e.source]), [
      ['a', 'variable', false, undefined], ['b', 'function', true, undefined], ['handler', 'function', true, undefined],
      ['Store', 'class', false, undefined], ['x', 'value', false, undefined], ['z', 'value', false, undefined],
      ['*', 'reexport', false, './all'], ['ns', 'reexport', false, './ns'], ['Button', 'reexport', false, './Button'],
      ['default', 'value', false, undefined],
    ]);
    assert.equal(asyncDefaultComponent, false);
  });

  it('recognises an async default-exported component: a Next.js server component', async () => {
    const { facts } = await fixture('next-app/app/support/IntercomLoader.tsx');
    assert.equal(facts.asyncDefaultComponent, true);
    assert.deepEqual(facts.directives, []);
    const client = await fixture('next-app/app/support/IntercomClient.tsx');
    assert.equal(client.facts.asyncDefaultComponent, false, 'not async');
    assert.deepEqual(client.facts.directives.map((d) => d.value), ['use client']);

    const cases: [string, boolean][] = [
      ['const Page = async () => { return <main />; };\nexport default Page;', true],
      ['export default async function () { return <div>hi</div>; }', true],
      ['export default async function loadData() { return fetch(url); }', false],
      ['async function Settings() { return null; }\nexport default Settings;', true],
      ['export default function Page() { return <main />; }', false],
    ];
    for (const [source, expected] of cases) assert.equal((await factsOf(source, 'tsx')).asyncDefaultComponent, expected, source);
  });
});
