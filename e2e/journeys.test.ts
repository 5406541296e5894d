/**
 * Browser journeys of issue 7, in Chromium against the built platform: the public page in three
 * languages, a partner's scenario edit and run, a comparison, and a what-if slider. Every page is
 * checked with axe-core (no serious or critical WCAG 2.1 A/AA violations); screenshots go to e2e/artifacts/.
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  launchBrowser,
  screenshot,
  seriousA11yViolations,
  startPlatform,
  watchErrors,
  type Platform,
} from "./support.js";

let platform: Platform;
let browser: Browser;

beforeAll(async () => {
  platform = await startPlatform();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await platform?.stop();
});

async function openPage(
  locale: string,
  path = "/",
  viewport = { width: 1280, height: 900 },
): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext({ locale, viewport });
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(`${platform.url}${path}`);
  return { page, errors };
}

async function expectAccessible(page: Page): Promise<void> {
  const violations = await seriousA11yViolations(page);
  expect(violations, JSON.stringify(violations, null, 2)).toEqual([]);
}

const HEADINGS: Record<string, RegExp> = {
  "fi-FI": /matkalla energiapositiiviseksi/,
  "sv-FI": /på väg mot ett energipositivt/,
  "en-GB": /on the way to an energy-positive/,
};

describe("public district page", () => {
  for (const locale of Object.keys(HEADINGS)) {
    it(`shows the status, indicators and charts in ${locale}`, async () => {
      const { page, errors } = await openPage(locale);
      await page.waitForSelector("[data-testid=kpis-positivity]", { timeout: 90_000 });
      await expect.poll(() => page.locator("h1").innerText()).toMatch(HEADINGS[locale] as RegExp);
      expect(await page.evaluate(() => document.documentElement.lang)).toBe(locale.slice(0, 2));
      const ratio = await page.locator("[data-testid=kpis-positivity]").innerText();
      expect(ratio).toMatch(/\d/);
      // Finnish and Swedish put a space before the percent sign; English does not.
      if (locale === "en-GB") expect(ratio).toMatch(/\d%$/);
      else expect(ratio).toMatch(/\d\s%$/);
      await page.waitForSelector("[data-testid=sankey] canvas");
      await page.waitForSelector("[data-testid=monthly] canvas");
      await page.waitForSelector("[data-testid=buildout] canvas", { timeout: 90_000 });
      // The text alternative of a chart: its data table.
      await page.locator("[data-testid=monthly] button[aria-expanded]").click();
      expect(await page.locator("[data-testid=monthly] table tbody tr").count()).toBe(12);
      await screenshot(page, `public-${locale}`);
      await expectAccessible(page);
      expect(errors).toEqual([]);
      await page.context().close();
    });
  }

  it("switches language without reloading and works on a phone", async () => {
    const { page, errors } = await openPage("en-GB", "/", { width: 390, height: 844 });
    await page.waitForSelector("[data-testid=kpis-positivity]", { timeout: 90_000 });
    await page.selectOption("[data-testid=language]", "fi");
    await expect.poll(() => page.locator("h1").innerText()).toMatch(HEADINGS["fi-FI"] as RegExp);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(1);
    await screenshot(page, "public-phone-fi");
    await expectAccessible(page);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
