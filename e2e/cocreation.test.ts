/**
 * Browser journey of issue 8 (co-creation, web side): a partner proposes more PV and sees its impact (alone and
 * combined with the other open proposals), commits to it and sees the target tracker; a resident supports it; the
 * district admin accepts it into the scenario, simulates the new version (the indicators are recomputed), sees the
 * cooperation allocation and computes alternative plans side by side. The analyses may answer 202 (a job) first.
 * The page is checked with axe-core; screenshots go to e2e/artifacts/.
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

let platform: Platform;
let browser: Browser;
/** Status codes of the analysis endpoints as the pages saw them (200 with the result, or 202 and a run to follow). */
const analysisAnswers: string[] = [];

beforeAll(async () => {
  // A resident and a district admin (no district attached: every district) besides the default partner.
  platform = await startPlatform({ extraUsers: RESIDENT_AND_ADMIN });
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
  page.on("response", (r) => {
    const m = /\/api\/v1\/.*\/(impact|tracker|cooperation|alternatives)(\?|$)/.exec(r.url());
    if (m?.[1]) analysisAnswers.push(`${m[1]} ${r.status()}`);
  });
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
    // Any other change (a heat purchase, a connection, ...) can be written as JSON: a syntax error is caught in the
    // page, a schema error comes back as a 422 whose path inside the change shows next to the text area.
    await partner.page.check("[data-testid=mode-json]");
    await partner.page.fill("#prop-change", '{"assets": [');
    await partner.page.click("[data-testid=propose]");
    await partner.page.waitForSelector("#issue-change", { timeout: 30_000 });
    expect(await partner.page.locator("#issue-change").innerText()).toMatch(/Not valid JSON/);
    await partner.page.fill("#prop-change", '{"assets": [{"id": "hp-supermarket", "capacity": -1}]}');
    await partner.page.click("[data-testid=propose]");
    await expect
      .poll(() => partner.page.locator("#issue-change").innerText(), { timeout: 30_000 })
      .toMatch(/assets\[\d+\]\.capacity: /);
    expect(await partner.page.getAttribute("#prop-change", "aria-invalid")).toBe("true");
    await partner.page.check("[data-testid=mode-resize]");
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

    // Impact of the first proposal: alone and combined with the other open proposal, against the baseline.
    await item.locator("[data-testid=impact-show]").click();
    const impact = item.locator("[data-testid=impact]");
    await impact.waitFor({ timeout: 170_000 });
    const epRow = impact.locator("tr[data-figure=energyPositivityRatio]");
    expect(await epRow.locator("[data-testid=impact-alone]").innerText()).toMatch(/^\d[\d,.]*\s?%$/);
    expect(await epRow.locator("[data-testid=impact-combined]").innerText()).toMatch(/^\d[\d,.]*\s?%$/);
    expect(await impact.locator("tr[data-figure=co2NetKg]").innerText()).toMatch(/t\/a/);
    expect(await impact.locator("tr[data-figure=generationKWh] td").nth(2).innerText()).toMatch(
      /^[+−-]?\d[\d,.]* MWh\/a$/,
    );
    expect(await item.locator("[data-testid=impact-includes]").innerText()).toContain("Smaller PV");

    // The partner commits to its proposal; a year out of range is refused next to the year field first.
    await partner.page.selectOption("#commit-target", { label: TITLE });
    await partner.page.fill("#commit-year", "1800");
    await partner.page.fill("#commit-description", "Panels ordered for block 1");
    await partner.page.click("[data-testid=commit]");
    await partner.page.waitForSelector("#commit-issue-year", { timeout: 30_000 });
    expect(await partner.page.getAttribute("#commit-year", "aria-invalid")).toBe("true");
    await partner.page.fill("#commit-year", "2030");
    await partner.page.click("[data-testid=commit]");
    const commitment = partner.page.locator("[data-testid=commitment-list] tbody tr", { hasText: TITLE });
    await commitment.waitFor({ timeout: 30_000 });
    expect(await commitment.innerText()).toContain("2030");
    // Recording a commitment recomputes the tracker: one row per target year of the Kera model (2035).
    const trackerRows = partner.page.locator("[data-testid=tracker] tbody tr");
    await trackerRows.first().waitFor({ timeout: 170_000 });
    expect(await trackerRows.count()).toBe(1);
    expect(await trackerRows.first().locator("th").innerText()).toBe("2035");
    expect(await trackerRows.first().innerText()).toMatch(/\bMet\b|Not met/);
    expect(await trackerRows.first().innerText()).toContain(TITLE);
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
    await rItem.locator("[data-testid=comment-draft]").fill("Yes please!");
    await rItem.locator("[data-testid=comment-send]").click();
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
    // Silos versus together for cost, emissions and energy positivity, and the core check in words.
    const silos = admin.page.locator("[data-testid=coop-silos] tbody tr");
    expect(await silos.count()).toBe(3);
    expect(await silos.nth(2).locator("th").innerText()).toBe("Energy positivity");
    expect(await admin.page.locator("[data-testid=coop-core]").innerText()).toMatch(/^Core check: /);

    // Alternatives to negotiate over: the optimum and clearly different plans within 5 % of its cost.
    await admin.page.fill("#alt-slack", "5");
    await admin.page.fill("#alt-count", "2");
    await admin.page.click("[data-testid=alt-compute]");
    const plans = admin.page.locator("[data-testid=alt-plans] thead th[data-plan]");
    await plans.first().waitFor({ timeout: 170_000 });
    expect(await plans.count()).toBeGreaterThanOrEqual(2);
    expect(await plans.first().getAttribute("data-plan")).toBe("optimum");
    expect(
      await admin.page.locator("[data-testid=alt-plans] tr[data-row=cost] td").first().innerText(),
    ).toMatch(/\d/);
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
    expect(analysisAnswers.filter((a) => !/ (200|202)$/.test(a))).toEqual([]);
    console.log(`analysis answers: ${analysisAnswers.join(", ")}`);
  }, 600_000);
});
