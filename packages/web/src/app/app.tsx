import { lazy, Suspense, useEffect, useMemo, useState, type MouseEvent } from "react";
import { PublicPage } from "../features/public/public-page.js";
import {
  createTranslator,
  I18nContext,
  LOCALES,
  pickLocale,
  type Locale,
  type MessageKey,
} from "../i18n/i18n.js";
import { navigate, PATHS, useRoute, type Route } from "./router.js";

const WhatIfPage = lazy(() =>
  import("../features/what-if/what-if-page.js").then((m) => ({ default: m.WhatIfPage })),
);
const WorkspacePage = lazy(() =>
  import("../features/workspace/workspace-page.js").then((m) => ({ default: m.WorkspacePage })),
);
const ComparePage = lazy(() =>
  import("../features/compare/compare-page.js").then((m) => ({ default: m.ComparePage })),
);
const CocreationPage = lazy(() =>
  import("../features/cocreation/cocreation-page.js").then((m) => ({ default: m.CocreationPage })),
);
const MapPage = lazy(() => import("../features/map/map-page.js").then((m) => ({ default: m.MapPage })));

/** The district the public pages show (the seeded one). */
export const DISTRICT_SLUG = "kera";
const LOCALE_KEY = "kera.locale";
const NAV: readonly [Route, MessageKey][] = [
  ["public", "navPublic"],
  ["whatIf", "navWhatIf"],
  ["map", "navMap"],
  ["workspace", "navWorkspace"],
  ["compare", "navCompare"],
  ["cocreation", "navCocreation"],
];
const LANGUAGE_NAMES: Readonly<Record<Locale, string>> = { fi: "Suomi", sv: "Svenska", en: "English" };

function initialLocale(): Locale {
  const fromUrl = new URLSearchParams(location.search).get("lang");
  const stored = fromUrl ?? localStorage.getItem(LOCALE_KEY);
  if (stored === "fi" || stored === "sv" || stored === "en") return stored;
  return pickLocale(navigator.languages ?? [navigator.language]);
}

export function App() {
  const [locale, setLocaleState] = useState<Locale>(initialLocale);
  const route = useRoute();
  const tr = useMemo(() => createTranslator(locale), [locale]);
  const ctx = useMemo(
    () => ({
      tr,
      setLocale: (l: Locale) => {
        localStorage.setItem(LOCALE_KEY, l);
        setLocaleState(l);
      },
    }),
    [tr],
  );
  useEffect(() => {
    document.documentElement.lang = locale;
    document.title = `${tr.t(NAV.find(([r]) => r === route)?.[1] ?? "navPublic")} · ${tr.t("appName")}`;
  }, [locale, route, tr]);
  useEffect(() => {
    document.getElementById("main")?.focus({ preventScroll: true });
  }, [route]);

  const go = (e: MouseEvent<HTMLAnchorElement>, path: string) => {
    if (e.metaKey || e.ctrlKey || e.shiftKey || e.button !== 0) return;
    e.preventDefault();
    navigate(path);
  };

  return (
    <I18nContext.Provider value={ctx}>
      <a className="skip-link" href="#main">
        {tr.t("skipToContent")}
      </a>
      <header className="app-header">
        <a className="brand" href="/" onClick={(e) => go(e, "/")}>
          {tr.t("appName")}
        </a>
        <nav aria-label={tr.t("appName")}>
          <ul>
            {NAV.map(([r, key]) => (
              <li key={r}>
                <a
                  href={PATHS[r]}
                  aria-current={r === route ? "page" : undefined}
                  onClick={(e) => go(e, PATHS[r])}
                >
                  {tr.t(key)}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <label className="lang">
          <span>{tr.t("language")}</span>
          <select
            value={locale}
            onChange={(e) => ctx.setLocale(e.target.value as Locale)}
            data-testid="language"
          >
            {LOCALES.map((l) => (
              <option key={l} value={l} lang={l}>
                {LANGUAGE_NAMES[l]}
              </option>
            ))}
          </select>
        </label>
      </header>
      <main id="main" tabIndex={-1}>
        <Suspense fallback={<p role="status">{tr.t("loading")}</p>}>
          {route === "public" ? <PublicPage slug={DISTRICT_SLUG} /> : null}
          {route === "whatIf" ? <WhatIfPage slug={DISTRICT_SLUG} /> : null}
          {route === "workspace" ? <WorkspacePage slug={DISTRICT_SLUG} /> : null}
          {route === "compare" ? <ComparePage slug={DISTRICT_SLUG} /> : null}
          {route === "map" ? <MapPage slug={DISTRICT_SLUG} /> : null}
          {route === "cocreation" ? <CocreationPage slug={DISTRICT_SLUG} /> : null}
        </Suspense>
      </main>
      <footer className="app-footer">
        <p>{tr.t("footer")}</p>
      </footer>
    </I18nContext.Provider>
  );
}
