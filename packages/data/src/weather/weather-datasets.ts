/**
 * Weather data sets shipped in `assets/weather/` (FMI TRY2020 Vantaa and its future-climate variants,
 * FMI open data, CC BY 4.0; see assets/weather/ATTRIBUTION.md). Ids agree with `WEATHER_DATASETS` in
 * @kera/schema.
 */
export interface WeatherDataset {
  readonly id: string;
  readonly title: string;
  /** File under assets/weather/. */
  readonly file: string;
  /** Climate scenario, or "present". */
  readonly scenario: "present" | "rcp26" | "rcp45" | "rcp85";
  /** Target period of a future climate, or undefined for the present climate. */
  readonly period: 2030 | 2050 | 2080 | undefined;
  /** Sanity checks of the file from shared/data/weather_vantaa_try2020_fmi/SOURCE.md (mean degC, kWh/m2/a, Kd). */
  readonly check: { readonly meanTemperatureC: number; readonly ghiKwhM2: number; readonly hdd17Kd: number };
}

const ATTRIBUTION =
  "Finnish Meteorological Institute (FMI), test reference year TRY2020, Vantaa; CC BY 4.0 (https://www.ilmatieteenlaitos.fi/energialaskenta-try2020)";

/** `Weather.source` text for the shipped data sets. */
export function weatherDatasetSource(dataset: WeatherDataset): string {
  return `${dataset.title}. ${ATTRIBUTION}`;
}

type Future = readonly [WeatherDataset["scenario"], 2030 | 2050 | 2080, number, number, number];
// Sanity-check table of SOURCE.md: mean T, GHI, HDD17 per scenario and period.
const FUTURE: readonly Future[] = [
  ["rcp26", 2030, 6.8, 988, 3897],
  ["rcp26", 2050, 7.15, 992, 3784],
  ["rcp26", 2080, 7.23, 994, 3757],
  ["rcp45", 2030, 6.97, 987, 3843],
  ["rcp45", 2050, 7.64, 991, 3626],
  ["rcp45", 2080, 8.38, 992, 3390],
  ["rcp85", 2030, 7.12, 986, 3795],
  ["rcp85", 2050, 8.29, 988, 3427],
  ["rcp85", 2080, 10.24, 989, 2854],
];

/** The default weather: FMI TRY2020, Vantaa (reference site of Finnish climate zone I, incl. Espoo). */
export const DEFAULT_WEATHER_DATASET_ID = "fmi-try2020-vantaa";

export const WEATHER_DATASET_LIST: readonly WeatherDataset[] = [
  {
    id: DEFAULT_WEATHER_DATASET_ID,
    title: "FMI TRY2020 Vantaa, present climate",
    file: "Vantaa-TRY2020.csv",
    scenario: "present",
    period: undefined,
    check: { meanTemperatureC: 5.85, ghiKwhM2: 975, hdd17Kd: 4207 },
  },
  ...FUTURE.map(([scenario, period, t, ghi, hdd]): WeatherDataset => ({
    id: `fmi-try2020-vantaa-${scenario}-${period}`,
    title: `FMI TRY2020 Vantaa, future climate RCP${scenario.slice(3, 4)}.${scenario.slice(4)} ${period}`,
    file: `Vantaa_TRY2020_${scenario.toUpperCase()}_${period}.csv.gz`,
    scenario,
    period,
    check: { meanTemperatureC: t, ghiKwhM2: ghi, hdd17Kd: hdd },
  })),
];

/** The shipped data set with this id, or undefined. */
export function findWeatherDataset(id: string): WeatherDataset | undefined {
  return WEATHER_DATASET_LIST.find((d) => d.id === id);
}
