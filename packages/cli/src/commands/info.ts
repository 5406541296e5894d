import {
  type AssetKind,
  type CapacityTotal,
  type DistrictSummary,
  USE_TYPES,
  isBuiltInUseType,
  summarizeDistrict,
} from "@kera/schema";
import { parseArgs } from "../args.js";
import { type Command, EXIT } from "../command.js";
import { formatIssues, readDistrictFile } from "../read-district.js";

const fmt = (n: number) => Math.round(n).toLocaleString("en-GB");

function capacityText(t: CapacityTotal): string {
  return `${t.count} x, ${fmt(t.capacity)} ${t.unit}${t.extendable > 0 ? ` (+${t.extendable} extendable)` : ""}`;
}

function render(s: DistrictSummary): string {
  const lines = [
    `${s.name}`,
    `  timeline        ${s.timeline.start}, ${s.timeline.hours} h`,
    `  buildings       ${fmt(s.buildingCount)} in ${s.buildingGroupCount} groups`,
    `  heated area     ${fmt(s.heatedFloorAreaM2)} m2`,
    `  residents       ${fmt(s.residents)}`,
    `  jobs            ${fmt(s.jobs)}`,
    `  stakeholders    ${s.stakeholderCount}`,
    "",
    "Buildings by use type:",
  ];
  for (const [use, u] of Object.entries(s.byUseType)) {
    const label = isBuiltInUseType(use) ? USE_TYPES[use].name : use;
    lines.push(
      `  ${label.padEnd(30)} ${String(u.buildingCount).padStart(5)} bldg ${fmt(u.heatedFloorAreaM2).padStart(10)} m2 ${fmt(u.residents).padStart(7)} res ${fmt(u.jobs).padStart(7)} jobs`,
    );
  }
  lines.push("", `Assets (${s.assets.count}) by kind:`);
  for (const [kind, t] of Object.entries(s.assets.byKind) as [AssetKind, CapacityTotal][])
    lines.push(`  ${kind.padEnd(18)} ${capacityText(t)}`);
  lines.push("", "Assets by owner:");
  for (const [owner, o] of Object.entries(s.assets.byOwner)) {
    const kinds = (Object.entries(o.byKind) as [AssetKind, CapacityTotal][])
      .map(([k, t]) => `${k} ${fmt(t.capacity)} ${t.unit}`)
      .join(", ");
    lines.push(`  ${owner.padEnd(22)} ${kinds}`);
  }
  return `${lines.join("\n")}\n`;
}

export const infoCommand: Command = {
  name: "info",
  summary: "Summarise a district: buildings, floor area, residents, jobs, assets by kind and owner",
  usage: `Usage: kera info <file> [--json]

Prints the key figures of a valid district model. With --json, one object with the keys
name, buildingCount, buildingGroupCount, heatedFloorAreaM2, residents, jobs, stakeholderCount,
byUseType, assets { count, byKind, byOwner } and timeline.

Options:
  --json   machine-readable output
  -h, --help

Exit codes: 0 ok, 2 invalid or unreadable model, 1 internal error.`,
  run(argv, io) {
    const args = parseArgs(argv, { flags: ["json"] });
    if (args.flags.has("help")) {
      io.stdout(`${infoCommand.usage}\n`);
      return EXIT.ok;
    }
    if (args.errors.length > 0 || args.positional.length !== 1) {
      io.stderr(
        `${[...args.errors, ...(args.positional.length !== 1 ? ["expected exactly one <file>"] : [])].join("\n")}\n\n${infoCommand.usage}\n`,
      );
      return EXIT.invalidInput;
    }
    const file = args.positional[0] as string;
    const { result } = readDistrictFile(file, io.cwd);
    if (!result.ok) {
      io.stderr(`${file}: invalid model; run "kera validate ${file}"\n${formatIssues(result.issues, file)}`);
      return EXIT.invalidInput;
    }
    const summary = summarizeDistrict(result.value);
    io.stdout(args.flags.has("json") ? `${JSON.stringify(summary, null, 2)}\n` : render(summary));
    return EXIT.ok;
  },
};
