import * as z from "zod";
import { DEFAULT_WEATHER_DATASET, WEATHER_FILE_FORMATS } from "../catalogue/weather-datasets.js";
import { strict, withMeta } from "../metadata.js";

export const weatherSchema = withMeta(
  z.union([
    strict(
      {
        dataset: withMeta(z.string().min(1), {
          description:
            "Id of a weather data set shipped with the platform: `fmi-try2020-vantaa` (FMI test reference year 2020, Vantaa) or a future climate `fmi-try2020-vantaa-rcp45-2050` (rcp26|rcp45|rcp85 x 2030|2050|2080).",
          examples: [DEFAULT_WEATHER_DATASET],
        }),
      },
      "A shipped weather data set.",
    ),
    strict(
      {
        file: withMeta(z.string().min(1), {
          description: "Path of a weather file, relative to the model file.",
        }),
        format: withMeta(z.enum(WEATHER_FILE_FORMATS).optional(), {
          description:
            "File format: `epw` (EnergyPlus), `fmiTry` (FMI TRY CSV) or `csv` (generic hourly CSV with unit headers). Default: from the file extension (.epw → epw, otherwise csv).",
        }),
      },
      "A weather file.",
    ),
  ]),
  { description: "Hourly weather: a shipped data set or a file." },
);
export type WeatherRef = z.output<typeof weatherSchema>;
