/**
 * Browser journey of issue 8 (co-creation, web side): a partner proposes more PV, a resident supports it, the
 * district admin accepts it into the scenario, simulates the new version (the indicators are recomputed) and
 * sees the cooperation allocation. The page is checked with axe-core; screenshots go to e2e/artifacts/.
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  launchBrowser,
  screenshot,
  seriousA11yViolations,
  startPlatform,
  watchErrors,
  type Account,
  type Platform,
} from "./support.js";

const ACCOUNTS = {
  partner: { email: "partner@example.org", password: "a-long-partner-password" },
  resident: { email: "resident@example.org", password: "a-long-resident-password" },
  admin: { email: "city@example.org", password: "a-long-city-admin-password" },
} as const;

let platform: Platform;
let browser: Browser;

beforeAll(async () => {
  // A resident and a district admin (no district attached: every district) besides the default partner.
  platform = await startPlatform({
    extraUsers: [
      {
        ...ACCOUNTS.resident,
        role: "resident",
        organisation: "kera-residents",
        displayName: "Riku Resident",
      },
      { ...ACCOUNTS.admin, role: "district_admin", organisation: "city-espoo", displayName: "Cia City" },
    ],
  });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await platform?.stop();
});

async function signedIn(account: Account): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext({ locale: "en-GB", viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(`${platform.url}/cocreation`);
  await page.waitForSelector("#login-email");
  await page.fill("#login-email", account.email);
  await page.fill("#login-password", account.password);
  await page.click("form.login button[type=submit]");
  await page.waitForSelector("#proposals-h", { timeout: 60_000 });
  return { page, errors };
}

async function expectAccessible(page: Page): Promise<void> {
  const violations = await seriousA11yViolations(page);
  expect(violations, JSON.stringify(violations, null, 2)).toEqual([]);
}

const TITLE = "More PV on the housing roofs";

describe("co-creation", () => {
  it("a partner proposes more PV, a resident supports it, the admin accepts, simulates and sees the cooperation allocation", async () => {
    // Partner proposes.
    const partner = await signedIn(ACCOUNTS.partner);
    await partner.page.fill("#prop-title", TITLE);
    await partner.page.fill("#prop-rationale", "The roofs of block 1 have room for more panels.");
    // A negative capacity is refused by the district schema: the 422 issue shows next to the field.
    await partner.page.fill("#prop-capacity", "-10");
    await partner.page.click("[data-testid=propose]");
    await partner.page.waitForSelector("#issue-capacity", { timeout: 30_000 });
    expect(await partner.page.getAttribute("#prop-capacity", "aria-invalid")).toBe("true");
    await partner.page.fill("#prop-capacity", "400");
    await partner.page.fill("#prop-investmentEur", "250000");
    await partner.page.click("[data-testid=propose]");
    const item = partner.page.locator("[data-testid=proposal]", { hasText: TITLE });
    await item.waitFor({ timeout: 30_000 });
    expect(await item.getAttribute("data-status")).toBe("open");
    // A second proposal, which the admin will decline.
    await partner.page.fill("#prop-title", "Smaller PV");
    await partner.page.fill("#prop-capacity", "10");
    await partner.page.click("[data-testid=propose]");
    await partner.page.locator("[data-testid=proposal]", { hasText: "Smaller PV" }).waitFor();
    await expectAccessible(partner.page);
    await screenshot(partner.page, "cocreation-partner-proposed");
    // The refused proposal's 422 is logged by Chromium as a failed resource; nothing else may fail.
    expect(partner.errors.filter((e) => !/status of 422/.test(e))).toEqual([]);

    // Resident supports.
    const resident = await signedIn(ACCOUNTS.resident);
    const rItem = resident.page.locator("[data-testid=proposal]", { hasText: TITLE });
    await rItem.locator("[data-testid=support]").click();
    await expect.poll(() => rItem.locator("[data-testid=support]").getAttribute("aria-pressed")).toBe("true");
    await expect.poll(() => rItem.innerText()).toMatch(/1 supports/);
    await rItem.locator("textarea").fill("Yes please!");
    await rItem.locator("form button[type=submit]").click();
    await rItem.locator("[data-testid=comment]", { hasText: "Yes please!" }).waitFor();
    expect(resident.errors).toEqual([]);

    // Admin accepts, simulates the new version and looks at the cooperation allocation.
    const admin = await signedIn(ACCOUNTS.admin);
    const declined = admin.page.locator("[data-testid=proposal]", { hasText: "Smaller PV" });
    await declined.locator("input").fill("Less generation than planned");
    await declined.locator("[data-testid=decline]").click();
    await expect.poll(() => declined.getAttribute("data-status")).toBe("declined");
    expect(await declined.innerText()).toContain("Reason: Less generation than planned");
    const aItem = admin.page.locator("[data-testid=proposal]", { hasText: TITLE });
    await aItem.locator("[data-testid=accept]").click();
    const accepted = admin.page.locator("[data-testid=accepted-version]");
    await accepted.waitFor({ timeout: 30_000 });
    await expect.poll(() => aItem.getAttribute("data-status")).toBe("accepted");
    expect(await accepted.innerText()).toContain("Accepted proposal");
    await accepted.locator("[data-testid=run]").click();
    await admin.page.waitForSelector("[data-testid=run-status][data-status=succeeded]", { timeout: 170_000 });
    await admin.page.waitForSelector("[data-testid=run-results] [data-testid=run-kpis]", { timeout: 30_000 });
    await admin.page.click("[data-testid=show-cooperation]");
    const shares = admin.page.locator("[data-testid=coop-shares] tbody tr");
    await shares.first().waitFor({ timeout: 170_000 });
    expect(await shares.count()).toBeGreaterThan(1);
    expect(await admin.page.locator("[data-testid=coop-value]").innerText()).toMatch(/EUR\/a/);
    await expectAccessible(admin.page);
    await screenshot(admin.page, "cocreation-admin-accepted");
    expect(admin.errors).toEqual([]);

    // The partner sees the district totals but only its own row of the allocation.
    await partner.page.reload();
    await partner.page.waitForSelector("#login-email, #proposals-h");
    await partner.page.click("[data-testid=show-cooperation]");
    const own = partner.page.locator("[data-testid=coop-shares] tbody tr");
    await own.first().waitFor({ timeout: 170_000 });
    expect(await own.count()).toBe(1);
    expect(await own.first().locator("th").innerText()).toBe("housing-tiili");
    await screenshot(partner.page, "cocreation-partner-cooperation");
    // The refused proposal's 422 is logged by Chromium as a failed resource; nothing else may fail.
    expect(partner.errors.filter((e) => !/status of 422/.test(e))).toEqual([]);
  }, 600_000);
});
