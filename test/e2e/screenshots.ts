/**
 * Look at the pages: `npx tsx test/e2e/screenshots.ts [PATH[@WIDTH][|SELECTOR] ...]` serves the test build
 * (node_modules/.cache/atlas-site, left by `npm test`; ATLAS_DIST=DIR serves another build) and writes PNGs to /tmp. SCHEME=dark for dark mode, CV=keep
 * to keep content-visibility, FULL=0 for the viewport only. Needs fonts-noto-cjk for Chinese text.
 */
import { DIST, launch, serve } from '../../scripts/browser.ts';

const server = await serve(process.env.ATLAS_DIST ?? DIST, '/atlas/');
const browser = await launch();
const scheme = process.env.SCHEME === 'dark' ? 'dark' : 'light';
const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, colorScheme: scheme });
const page = await context.newPage();
page.on('console', (m) => console.log('console', m.type(), m.text()));
page.on('pageerror', (e) => console.log('pageerror', e.message));
for (const arg of process.argv.slice(2).length ? process.argv.slice(2) : ['']) {
  const [pathWidth = '', selector] = arg.split('|');
  const [path = '', width] = pathWidth.split('@');
  await page.setViewportSize({ width: Number(width) || 1280, height: 900 });
  await page.goto(server.url + path);
  // Render what content-visibility would skip below the fold (CV=keep to see the page as is).
  if (process.env.CV !== 'keep') await page.addStyleTag({ content: '* { content-visibility: visible !important; }' });
  const file = `/tmp/shot-${path.replace(/[^a-z0-9]+/gi, '_') || 'home'}${width ? `-${width}` : ''}${selector ? `-${selector.replace(/[^a-z0-9]+/gi, '')}` : ''}-${scheme}.png`;
  if (selector) await page.locator(selector).first().screenshot({ path: file });
  else await page.screenshot({ path: file, fullPage: process.env.FULL !== '0' });
  console.log(file);
}
await browser.close();
await server.close();
