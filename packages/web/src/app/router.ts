import { useEffect, useState } from "react";

/** The app's pages; the path is the only state in the URL (plus `?s=` ids on the compare page). */
export type Route = "public" | "whatIf" | "workspace" | "compare" | "map" | "cocreation";

export const PATHS: Readonly<Record<Route, string>> = {
  public: "/",
  whatIf: "/what-if",
  workspace: "/scenarios",
  compare: "/compare",
  map: "/map",
  cocreation: "/cocreation",
};

export function routeOf(pathname: string): Route {
  const p = pathname.replace(/\/+$/, "") || "/";
  for (const [route, path] of Object.entries(PATHS) as [Route, string][]) {
    if (p === path) return route;
  }
  return "public";
}

export function navigate(path: string): void {
  history.pushState(null, "", path);
  dispatchEvent(new PopStateEvent("popstate"));
}

export function useRoute(): Route {
  const [route, setRoute] = useState<Route>(() => routeOf(location.pathname));
  useEffect(() => {
    const on = () => setRoute(routeOf(location.pathname));
    addEventListener("popstate", on);
    return () => removeEventListener("popstate", on);
  }, []);
  return route;
}
