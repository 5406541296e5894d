/**
 * Weather data sets shipped by @kera/data (ids agreed with the data package; FMI open data, CC BY 4.0).
 * The FMI test reference year TRY2020 for Vantaa is the Finnish energy-calculation reference for Espoo's
 * climate zone (/work/shared/data/README.md); the variants are FMI's future-climate years.
 */
const SCENARIOS = ["rcp26", "rcp45", "rcp85"] as const;
const YEARS = ["2030", "2050", "2080"] as const;

/** Ids of shipped weather data sets: `fmi-try2020-vantaa` and `fmi-try2020-vantaa-<rcp>-<year>`. */
export const WEATHER_DATASETS: readonly string[] = [
  "fmi-try2020-vantaa",
  ...SCENARIOS.flatMap((s) => YEARS.map((y) => `fmi-try2020-vantaa-${s}-${y}`)),
];

/** The default weather data set. */
export const DEFAULT_WEATHER_DATASET = "fmi-try2020-vantaa";

/** File formats a weather file may have. */
export const WEATHER_FILE_FORMATS = ["epw", "fmiTry", "csv"] as const;
export type WeatherFileFormat = (typeof WEATHER_FILE_FORMATS)[number];
