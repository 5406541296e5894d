import { createContext, useContext } from "react";
import { en, type Messages } from "./en.js";
import { fi } from "./fi.js";
import { sv } from "./sv.js";

export type Locale = "fi" | "sv" | "en";
export type MessageKey = keyof Messages;
export const LOCALES: readonly Locale[] = ["fi", "sv", "en"];
export const MESSAGES: Readonly<Record<Locale, Messages>> = { fi, sv, en };
/** BCP 47 tags used for number and date formatting (Finland's Swedish, not Sweden's). */
export const LOCALE_TAGS: Readonly<Record<Locale, string>> = { fi: "fi-FI", sv: "sv-FI", en: "en-GB" };

/** Short names of the twelve months in a language (`Jan` … `Dec`, `tammi` … `joulu`). */
export function monthNames(locale: Locale): string[] {
  const f = new Intl.DateTimeFormat(LOCALE_TAGS[locale], { month: "short", timeZone: "UTC" });
  return Array.from({ length: 12 }, (_, m) => f.format(Date.UTC(2021, m, 15)));
}

/** The first of the browser's preferred languages that the app speaks; English otherwise. */
export function pickLocale(preferred: readonly string[]): Locale {
  for (const tag of preferred) {
    const base = tag.toLowerCase().split("-")[0];
    if (base === "fi" || base === "sv" || base === "en") return base;
    if (base === "nb" || base === "no" || base === "da") return "sv";
  }
  return "en";
}

/** Fills `{name}` placeholders of a message; numbers go through `num` (the locale's grouping). */
export function interpolate(
  text: string,
  vars: Readonly<Record<string, string | number>> | undefined,
  num: (value: number) => string,
): string {
  if (!vars) return text;
  return text.replace(/\{(\w+)\}/g, (m, name: string) => {
    const v = vars[name];
    return v === undefined ? m : typeof v === "number" ? num(v) : v;
  });
}

export interface Translator {
  readonly locale: Locale;
  t(key: MessageKey, vars?: Readonly<Record<string, string | number>>): string;
  /** A number with grouping per locale; `digits` fraction digits at most. */
  num(value: number | null | undefined, digits?: number): string;
  pct(fraction: number | null | undefined, digits?: number): string;
  date(iso: string | number | Date): string;
}

export function createTranslator(locale: Locale): Translator {
  const messages = MESSAGES[locale];
  const tag = LOCALE_TAGS[locale];
  const formats = new Map<string, Intl.NumberFormat>();
  const fmt = (key: string, options: Intl.NumberFormatOptions): Intl.NumberFormat => {
    let f = formats.get(key);
    if (!f) {
      f = new Intl.NumberFormat(tag, options);
      formats.set(key, f);
    }
    return f;
  };
  return {
    locale,
    t(key, vars) {
      return interpolate(messages[key] ?? en[key] ?? key, vars, (v) => this.num(v));
    },
    num(value, digits = 0) {
      if (value === null || value === undefined || !Number.isFinite(value)) return "–";
      return fmt(`n${digits}`, { maximumFractionDigits: digits }).format(value);
    },
    pct(fraction, digits = 0) {
      if (fraction === null || fraction === undefined || !Number.isFinite(fraction)) return "–";
      return fmt(`p${digits}`, { style: "percent", maximumFractionDigits: digits }).format(fraction);
    },
    date(value) {
      return new Intl.DateTimeFormat(tag, {
        dateStyle: "medium",
        timeStyle: "short",
        timeZone: "Europe/Helsinki",
      }).format(new Date(value));
    },
  };
}

export const I18nContext = createContext<{ tr: Translator; setLocale: (l: Locale) => void }>({
  tr: createTranslator("en"),
  setLocale: () => undefined,
});

export function useI18n(): Translator {
  return useContext(I18nContext).tr;
}
