import { describe, expect, it } from "vitest";
import { en } from "./en.js";
import { fi } from "./fi.js";
import { createTranslator, monthNames, pickLocale } from "./i18n.js";
import { sv } from "./sv.js";

describe("i18n", () => {
  it("fi, sv and en have the same keys, none empty", () => {
    const keys = Object.keys(en).sort();
    expect(Object.keys(fi).sort()).toEqual(keys);
    expect(Object.keys(sv).sort()).toEqual(keys);
    for (const m of [en, fi, sv]) for (const v of Object.values(m)) expect(v.trim()).not.toBe("");
  });

  it("keeps the same placeholders in every language", () => {
    const vars = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const k of Object.keys(en) as (keyof typeof en)[]) {
      expect(vars(fi[k]), `fi.${k}`).toEqual(vars(en[k]));
      expect(vars(sv[k]), `sv.${k}`).toEqual(vars(en[k]));
    }
  });

  it("picks the browser's first supported language", () => {
    expect(pickLocale(["de-DE", "sv-SE", "fi"])).toBe("sv");
    expect(pickLocale(["fi-FI"])).toBe("fi");
    expect(pickLocale(["de"])).toBe("en");
  });

  it("formats numbers per locale", () => {
    expect(createTranslator("en").num(12345.6, 1)).toBe("12,345.6");
    // Finnish and Swedish (Finland) group with a no-break space and use a decimal comma.
    expect(createTranslator("fi").num(12345.6, 1).replace(/\s/g, " ")).toBe("12 345,6");
    expect(createTranslator("sv").num(0.5, 1)).toBe("0,5");
    expect(createTranslator("fi").t("delta", { value: "+3" })).toBe("muutos +3");
  });

  it("names the months in the app's language (Finland's Swedish, British English)", () => {
    expect(monthNames("en")).toHaveLength(12);
    expect(monthNames("en")[0]).toBe("Jan");
    expect(monthNames("fi")[0]).toMatch(/^tammi/);
    expect(monthNames("sv")[11]).toMatch(/^dec/);
  });
});
