import { describe, expect, it } from "vitest";
import { en } from "../../i18n/en.js";
import { createTranslator } from "../../i18n/i18n.js";
import { createCocreationTranslator } from "./cocreation-i18n.js";
import { cocreationEn, cocreationFi, cocreationSv } from "./cocreation-messages.js";

describe("co-creation strings (loaded with the lazy route)", () => {
  it("fi, sv and en have the same keys, none empty, none shadowing an app-wide key", () => {
    const keys = Object.keys(cocreationEn).sort();
    expect(Object.keys(cocreationFi).sort()).toEqual(keys);
    expect(Object.keys(cocreationSv).sort()).toEqual(keys);
    for (const m of [cocreationEn, cocreationFi, cocreationSv])
      for (const v of Object.values(m)) expect(v.trim()).not.toBe("");
    expect(keys.filter((k) => k in en)).toEqual([]);
  });

  it("keeps the same placeholders in every language", () => {
    const vars = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const k of Object.keys(cocreationEn) as (keyof typeof cocreationEn)[]) {
      expect(vars(cocreationFi[k]), `fi.${k}`).toEqual(vars(cocreationEn[k]));
      expect(vars(cocreationSv[k]), `sv.${k}`).toEqual(vars(cocreationEn[k]));
    }
  });

  it("translates co-creation and app-wide keys, and signs numbers per locale", () => {
    const fi = createCocreationTranslator(createTranslator("fi"));
    expect(fi.t("impactShow")).toBe("Näytä vaikutus");
    expect(fi.t("loading")).toBe("Ladataan…");
    expect(fi.t("commitmentProposal", { title: "Lisää aurinkoa" })).toBe("Ehdotus: Lisää aurinkoa");
    expect(fi.signed(-1234.5, 1).replace(/\s/g, " ")).toBe("−1 234,5");
    const en = createCocreationTranslator(createTranslator("en"));
    expect(en.signed(2.25, 1)).toBe("+2.3");
    expect(en.signed(0)).toBe("0");
    expect(en.signed(-0.2)).toBe("0");
    expect(en.signed(null)).toBe("–");
    expect(en.signedPct(0.025, 1)).toBe("+2.5%");
    expect(fi.signedPct(-0.1).replace(/\s/g, " ")).toBe("−10 %");
  });
});
