/**
 * Browser journey of issue 8 (comments on map assets): an anonymous visitor sees a sign-in hint; a resident signs
 * in on the map, selects an asset by keyboard and comments; a partner replies; the district admin hides the reply
 * with a reason; the resident sees it hidden with the reason and the count badge on the plan. The pages are
 * checked with axe-core; screenshots go to e2e/artifacts/.
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  JOURNEY_ACCOUNTS,
  launchBrowser,
  RESIDENT_AND_ADMIN,
  screenshot,
  seriousA11yViolations,
  startPlatform,
  watchErrors,
  type Account,
  type Platform,
} from "./support.js";

const ACCOUNTS = JOURNEY_ACCOUNTS;
/** A PV system of the Kera model (an asset, drawn as a circle on the plan). */
const ASSET = "pv-city";
const ITEM = `[data-testid=site-plan] [data-id=${ASSET}]`;

let platform: Platform;
let browser: Browser;

beforeAll(async () => {
  platform = await startPlatform({ extraUsers: RESIDENT_AND_ADMIN });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await platform?.stop();
});

async function openMap(): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext({ locale: "en-GB", viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(`${platform.url}/map`);
  await page.waitForSelector(ITEM, { timeout: 60_000 });
  return { page, errors };
}

/** Selects the asset with the keyboard: focus it, press Enter. */
async function selectByKeyboard(page: Page): Promise<void> {
  await page.focus(ITEM);
  await page.keyboard.press("Enter");
  await expect.poll(() => page.getAttribute(ITEM, "aria-pressed")).toBe("true");
  expect(await page.locator("[data-testid=map-details]").innerText()).toContain(ASSET);
}

/** Signs in with the form the comment panel offers, then waits for the thread. */
async function signInOnMap(page: Page, account: Account): Promise<void> {
  await page.getByRole("button", { name: "Sign in to comment" }).click();
  await page.fill("#login-email", account.email);
  await page.fill("#login-password", account.password);
  await page.click("form.login button[type=submit]");
  await page.waitForSelector("[data-testid=comment-thread]", { timeout: 60_000 });
}

async function expectAccessible(page: Page): Promise<void> {
  const violations = await seriousA11yViolations(page);
  expect(violations, JSON.stringify(violations, null, 2)).toEqual([]);
}

const thread = (page: Page) => page.locator("[data-testid=comment-thread]");
const comment = (page: Page, text: string) =>
  thread(page).locator("[data-testid=comment]", { hasText: text }).last();

const QUESTION = "Will these panels shade the playground?";
const REPLY = "Buy our panel cleaning service at example.com!";
const REASON = "Advertising";

describe("map comments", () => {
  it("a resident comments on an asset, a partner replies, the admin hides the reply with a reason", async () => {
    // Resident: anonymous first (a sign-in hint, no error), then signs in on the map and comments.
    const resident = await openMap();
    await selectByKeyboard(resident.page);
    await resident.page.waitForSelector("[data-testid=map-comments-signin]");
    await expectAccessible(resident.page);
    await signInOnMap(resident.page, ACCOUNTS.resident);
    expect(await thread(resident.page).innerText()).toContain("No comments yet.");
    await resident.page.fill("#map-draft", QUESTION);
    await resident.page.click("[data-testid=comment-send]");
    await comment(resident.page, QUESTION).waitFor({ timeout: 30_000 });
    await expect
      .poll(() => resident.page.locator("[data-testid=comment-status]").innerText())
      .toBe("Your comment was sent.");
    // The plan shows the count as text (a badge) and in the item's accessible name.
    await expect.poll(() => resident.page.getAttribute(ITEM, "data-comments")).toBe("1");
    expect(await resident.page.getAttribute(ITEM, "aria-label")).toContain("Comments: 1");
    expect(await resident.page.locator("[data-testid=comment-badge]").innerHTML()).toContain(">1<");
    // A building group has a thread of its own.
    const group = "[data-testid=site-plan] [data-id=supermarket]";
    await resident.page.focus(group);
    await resident.page.keyboard.press("Enter");
    await thread(resident.page).getByText("No comments yet.").waitFor();
    await resident.page.fill("#map-draft", "Could the loading bay get a roof with PV?");
    await resident.page.click("[data-testid=comment-send]");
    await expect.poll(() => resident.page.getAttribute(group, "data-comments")).toBe("1");
    expect(await thread(resident.page).innerText()).not.toContain(QUESTION);
    await selectByKeyboard(resident.page);
    await expectAccessible(resident.page);
    expect(resident.errors).toEqual([]);

    // Partner replies (keyboard: Reply moves the focus to the text field, labelled with what it answers).
    const partner = await openMap();
    await selectByKeyboard(partner.page);
    await signInOnMap(partner.page, ACCOUNTS.partner);
    await comment(partner.page, QUESTION).locator("[data-testid=comment-reply]").press("Enter");
    await expect.poll(() => partner.page.evaluate(() => document.activeElement?.id)).toBe("map-draft");
    expect(await partner.page.locator("label[for=map-draft]").innerText()).toContain(QUESTION);
    await partner.page.keyboard.type(REPLY);
    await partner.page.click("[data-testid=comment-send]");
    // The reply is nested in the list item of the question.
    await comment(partner.page, QUESTION).locator("[data-testid=comment]", { hasText: REPLY }).waitFor();
    await expect.poll(() => partner.page.getAttribute(ITEM, "data-comments")).toBe("2");
    // Partners cannot moderate.
    expect(await partner.page.locator("[data-testid=comment-hide]").count()).toBe(0);
    expect(partner.errors).toEqual([]);

    // District admin hides the reply; the reason is required.
    const admin = await openMap();
    await selectByKeyboard(admin.page);
    await signInOnMap(admin.page, ACCOUNTS.admin);
    const reply = comment(admin.page, REPLY);
    await reply.locator("[data-testid=comment-hide]").first().click();
    const reason = reply.locator("input");
    await expect.poll(() => admin.page.evaluate(() => document.activeElement?.tagName)).toBe("INPUT");
    expect(await reply.locator("[data-testid=comment-hide-submit]").isDisabled()).toBe(true);
    await reason.fill(REASON);
    await reply.locator("[data-testid=comment-hide-submit]").click();
    await admin.page
      .locator("[data-testid=comment-hidden]", { hasText: REASON })
      .waitFor({ timeout: 30_000 });
    // Moderators still read the original text.
    expect(await thread(admin.page).innerText()).toContain(
      `Original text (visible to moderators only): ${REPLY}`,
    );
    expect(await admin.page.locator("[data-testid=comment-status]").innerText()).toBe(
      "The comment was hidden.",
    );
    await expectAccessible(admin.page);
    await screenshot(admin.page, "map-comments-admin");
    expect(admin.errors).toEqual([]);

    // The resident (still signed in after a reload) sees the reply hidden with the reason, not its text.
    await resident.page.reload();
    await resident.page.waitForSelector(ITEM, { timeout: 60_000 });
    await selectByKeyboard(resident.page);
    await resident.page.waitForSelector("[data-testid=comment-thread]", { timeout: 30_000 });
    const hidden = resident.page.locator("[data-testid=comment][data-hidden=true]");
    await hidden.waitFor();
    expect(await hidden.innerText()).toContain(`Hidden by a moderator: ${REASON}`);
    expect(await thread(resident.page).innerText()).not.toContain(REPLY);
    expect(await thread(resident.page).innerText()).toContain(QUESTION);
    expect(await resident.page.getAttribute(ITEM, "data-comments")).toBe("2");
    await expectAccessible(resident.page);
    await screenshot(resident.page, "map-comments-resident");
    expect(resident.errors).toEqual([]);
  }, 600_000);
});
