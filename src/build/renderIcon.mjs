// images/icon.svg -> images/icon.png (128x128, transparent corners), the icon the Marketplace,
// Open VSX and the Extensions view show. Rendered by the same headless Chromium the tests drive
// (playwright-core, /usr/bin/chromium or IDV_CHROMIUM). Run with `npm run icon` after editing
// the SVG and commit both. It is not part of `npm run generate`: a raster's bytes depend on the
// renderer's version, so a byte-for-byte staleness check would fail on another machine.
import { readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';

const SOURCE = 'images/icon.svg';
const TARGET = 'images/icon.png';
const SIZE = 128;

const svg = readFileSync(SOURCE, 'utf8');
const browser = await chromium.launch({
  executablePath: process.env.IDV_CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
});
try {
  const page = await browser.newPage({ viewport: { width: SIZE, height: SIZE }, deviceScaleFactor: 1 });
  await page.setContent(`<!doctype html><html><body style="margin:0;background:transparent">${svg}</body></html>`);
  await page.locator('svg').screenshot({ path: TARGET, omitBackground: true });
  console.log(`${TARGET}: ${SIZE}x${SIZE} from ${SOURCE}`);
} finally {
  await browser.close();
}
