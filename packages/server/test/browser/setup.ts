import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { ensureWebBuilt, repoRoot } from './web-build.js';

const chromiumPath = '/usr/bin/chromium';
export const artifacts = path.join(repoRoot, 'test-artifacts');
const haveChromium = fs.existsSync(chromiumPath);

/** A developer machine without Chromium skips with the reason; CI must have it, so there it fails instead. */
export const skip = !haveChromium && process.env.CI !== 'true' ? `no Chromium at ${chromiumPath}: apt-get install -y --no-install-recommends chromium` : false;

/** Builds the web app if its sources changed, then starts headless Chromium. */
export async function launchBrowser(): Promise<Browser> {
  if (!haveChromium) throw new Error(`CI=true but Chromium is missing at ${chromiumPath}`);
  ensureWebBuilt();
  fs.mkdirSync(artifacts, { recursive: true });
  return chromium.launch({
    executablePath: chromiumPath,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

export async function phoneContext(browser: Browser, baseURL: string): Promise<BrowserContext> {
  const context = await browser.newContext({ baseURL, viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'en-US' });
  context.setDefaultTimeout(10_000);
  return context;
}

export async function desktopContext(browser: Browser, baseURL: string): Promise<BrowserContext> {
  const context = await browser.newContext({ baseURL, viewport: { width: 1280, height: 800 }, locale: 'en-US' });
  context.setDefaultTimeout(10_000);
  return context;
}

export async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(artifacts, `${name}.png`) });
}

/**
 * The whole of a long screen. The app scrolls inside `.app-main`, not the document, so a Playwright
 * full-page shot would stop at the viewport: grow the viewport to the content instead, then put it back.
 */
export async function tallShot(page: Page, name: string): Promise<void> {
  const size = page.viewportSize();
  if (!size) {
    await shot(page, name);
    return;
  }
  const extra = await page.locator('.app-main').evaluate((el) => el.scrollHeight - el.clientHeight);
  await page.setViewportSize({ width: size.width, height: size.height + Math.max(0, extra) });
  await shot(page, name);
  await page.setViewportSize(size);
}

/** Signs in through the form; `next` is where the app goes afterwards. */
export async function signIn(page: Page, email: string, next?: string): Promise<void> {
  await page.goto(next ? `/signin?next=${encodeURIComponent(next)}` : '/signin');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill('correct horse battery');
  await page.getByRole('button', { name: 'Sign in' }).click();
}
