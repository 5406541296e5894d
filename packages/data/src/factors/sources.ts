import type { Source } from "./cited.js";

/**
 * Sources of the shipped factors. Keys follow shared/domain/KERA.md ([E..], [B..]) and REGULATIONS.md (§).
 */
export const SOURCES = {
  decree788: {
    key: "REGULATIONS §1",
    title:
      "Valtioneuvoston asetus rakennuksissa käytettävien energiamuotojen kertoimien lukuarvoista 788/2017, § 1 (in force 1.1.2018)",
    url: "https://www.finlex.fi/fi/laki/alkup/2017/20170788",
  },
  decree9of2013: {
    key: "REGULATIONS §1 (previous factors)",
    title: "Energy-carrier factors of the repealed decree 9/2013, as quoted by sarkki.net (secondary)",
    url: "https://sarkki.net/2018/01/energiamuotojen-kertoimet-muuttuneet/",
  },
  fortumDhProduction: {
    key: "KERA [E7] / REGULATIONS §3.2",
    title: "Fortum: Kaukolämmön tuotantoluvut (Espoo, Kauniainen, Kirkkonummi; benefit-sharing method)",
    url: "https://www.fortum.fi/yrityksille-ja-yhteisoille/lammitys-ja-jaahdytys/kaukolampo/kaukolampoa-yha-puhtaammin/kaukolammon-tuotantoluvut",
  },
  fortumDh2018: {
    key: "KERA [E6] / REGULATIONS §3.2",
    title: "Fortum: Kaukolämpöä yhä puhtaammin (2018 production mix and factor)",
    url: "https://www.fortum.fi/yrityksille-ja-yhteisoille/lammitys-ja-jaahdytys/kaukolampo/kaukolampoa-yha-puhtaammin",
  },
  espooCcc: {
    key: "shared/data/espoo_district_heating_factors",
    title:
      "City of Espoo, Climate City Contract – 2030 Climate Neutrality Action Plan (2023), tables A-1.1 and A-2.3 (HSY Hilma inventory)",
    url: "https://github.com/Open-Earth-Foundation/Query_mechanism_urbind/blob/3a310cc053045bd901b0e0d6e9bdd16fc8cfc024/documents/Espoo.md",
  },
  motiva: {
    key: "REGULATIONS §3.1 (Motiva)",
    title: "Motiva: CO2-päästökertoimet (statistical year 2014; out of date)",
    url: "https://www.motiva.fi/ratkaisut/energiankaytto_suomessa/co2-laskentaohje_energiankulutuksen_hiilidioksidipaastojen_laskentaan/co2-paastokertoimet",
  },
  statFin14qt: {
    key: "REGULATIONS §3.1 (Statistics Finland 14qt)",
    title: "Statistics Finland table 14qt: emission coefficients for electricity generation",
    url: "https://pxdata.stat.fi/PxWeb/pxweb/en/StatFin/StatFin__ehk/14qt.px/",
  },
  electricityMaps2022: {
    key: "shared/data/fi_co2_intensity_2022_electricitymaps",
    title: "Electricity Maps, hourly carbon intensity of electricity consumed in Finland, 2022 (zone FI)",
    url: "https://github.com/arodio/FedStale/blob/a0348b4513b2fe15434e242dbbc26bc77f5a4edf/building_availability_matrices/historical_data/FI_2022_hourly.csv",
  },
  fortumDcEspoo: {
    key: "KERA [E10]",
    title: "Fortum: district cooling in Espoo from sea-water and waste-water heat pumps",
    url: "https://www.fortum.com/about-us/forthedoers-blog/district-or-local-theres-cool-solution-every-property-need",
  },
  omakotiliitto2025: {
    key: "KERA [E18]",
    title: "Omakotiliitto 2025 district-heating price survey (STT release)",
    url: "https://www.sttinfo.fi/tiedote/71207873/omakotitalojen-kaukolammon-hinnoissa-suuria-eroja?lang=fi",
  },
  fortumTariff2020: {
    key: "KERA [E19]",
    title: "Fortum: fjärrvärmepriser egnahemshus (Espoo detached-house tariff, VAT 24 % incl.)",
    url: "https://www.fortum.fi/sv/privat/uppvarmning/fjarrvarme/fjarrvarmepriser-egnahemshus",
  },
  electricityTax: {
    key: "KERA [E24]",
    title: "Sopimusvahti: Sähkövero (electricity tax classes I and II, VAT 25.5 %)",
    url: "https://www.sopimusvahti.fi/en/tietopankki/sahkovero",
  },
  electricityTaxClasses: {
    key: "KERA [E25]",
    title: "Vaasan Sähkö: electricity tax and tax categories",
    url: "https://vaasansahko.fi/en/companies/electricity-tax-and-electricity-tax-categories",
  },
  caruna: {
    key: "KERA [E26]",
    title: "Caruna: electricity distribution prices (Caruna Espoo Oy)",
    url: "https://caruna.fi/en/products-and-services/home-and-real-estate/electricity-distribution-prices",
  },
  spot2020: {
    key: "KERA [E21]",
    title: "Sähkösopimukset: electricity prices (FI spot 2020 average)",
    url: "https://xn--shksopimukset-bfb6y.com/en/electricity-prices/",
  },
  spot2022: {
    key: "KERA [E20]",
    title: "MTV Uutiset / Fingrid: FI spot 2022 average 15.5 c/kWh",
    url: "https://www.mtvuutiset.fi/artikkeli/fingrid-sahkon-hinta-laskee-kevaalla-kannattaako-maaraaikainen-sahkosopimus-solmia-nyt/8601152",
  },
  spot2023: {
    key: "shared/data/fi_spot_price_2023",
    title: "FI day-ahead prices 2023 (Nord Pool via ENTSO-E/sahkotin.fi); mean over calendar 2023 hours",
    url: "https://github.com/vividfog/nordpool-predict-fi/blob/778b8bbd7d4f8a7f4973d0e618f5c446511a309c/data/create/30_spot_price_with_vat/sahkotin_spot_price_vat.csv",
  },
  vatTemporary2023: {
    key: "shared/data/fi_spot_price_2023",
    title:
      "VAT rates applied to FI electricity prices: 10 % for delivery 1.12.2022–30.4.2023 (temporary), 24 % otherwise (fi_spot_price_2023/SOURCE.md round-trip check)",
    url: "https://github.com/vividfog/nordpool-predict-fi/blob/778b8bbd7d4f8a7f4973d0e618f5c446511a309c/data/create/30_spot_price_with_vat/sahkotin_spot_price_vat.csv",
  },
} as const satisfies Record<string, Source>;
