import * as assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { readmeInputs, renderReadme } from '../../src/build/readmeSections';

describe('README', () => {
  it('has up-to-date rules, commands and settings tables (npm run docs regenerates them)', () => {
    const { readme, manifest } = readmeInputs(resolve(__dirname, '..', '..', '..'));
    assert.equal(renderReadme(readme, manifest), readme);
  });
});
