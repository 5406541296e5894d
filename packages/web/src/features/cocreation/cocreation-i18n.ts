import { useMemo } from "react";
import {
  interpolate,
  LOCALE_TAGS,
  useI18n,
  type Locale,
  type MessageKey,
  type Translator,
} from "../../i18n/i18n.js";
import { cocreationEn, cocreationFi, cocreationSv, type CocreationMessages } from "./cocreation-messages.js";

export type CocreationKey = keyof CocreationMessages;
const COCREATION: Readonly<Record<Locale, CocreationMessages>> = {
  fi: cocreationFi,
  sv: cocreationSv,
  en: cocreationEn,
};

/** The app's translator, extended with the co-creation strings and signed numbers. */
export interface CocreationTranslator extends Omit<Translator, "t"> {
  t(key: CocreationKey | MessageKey, vars?: Readonly<Record<string, string | number>>): string;
  /** A number with its sign (`+1.2`, `−0.4`, `0`); `digits` fraction digits at most. */
  signed(value: number | null | undefined, digits?: number): string;
  /** A fraction as a signed percentage (`+2.5%`, `+2,5 %`); `digits` fraction digits at most. */
  signedPct(fraction: number | null | undefined, digits?: number): string;
}

const isCocreationKey = (key: string): key is CocreationKey => key in cocreationEn;

export function createCocreationTranslator(tr: Translator): CocreationTranslator {
  const messages = COCREATION[tr.locale];
  const formats = new Map<string, Intl.NumberFormat>();
  const signedFormat = (value: number | null | undefined, digits: number, percent: boolean): string => {
    if (value === null || value === undefined || !Number.isFinite(value)) return "–";
    const key = `${percent ? "p" : "n"}${digits}`;
    let f = formats.get(key);
    if (!f) {
      f = new Intl.NumberFormat(LOCALE_TAGS[tr.locale], {
        ...(percent ? { style: "percent" as const } : {}),
        maximumFractionDigits: digits,
        signDisplay: "exceptZero",
      });
      formats.set(key, f);
    }
    return f.format(value);
  };
  const self: CocreationTranslator = {
    locale: tr.locale,
    num: (value, digits) => tr.num(value, digits),
    pct: (fraction, digits) => tr.pct(fraction, digits),
    date: (value) => tr.date(value),
    t(key, vars) {
      if (!isCocreationKey(key)) return tr.t(key, vars);
      return interpolate(messages[key], vars, (v) => tr.num(v));
    },
    signed(value, digits = 0) {
      return signedFormat(value, digits, false);
    },
    signedPct(fraction, digits = 0) {
      return signedFormat(fraction, digits, true);
    },
  };
  return self;
}

/** The co-creation page's translator for the current language. */
export function useCocreationI18n(): CocreationTranslator {
  const tr = useI18n();
  return useMemo(() => createCocreationTranslator(tr), [tr]);
}
