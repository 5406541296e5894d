import type { Network, NetworkTargets } from "../network/network.js";

/**
 * Stakeholders who own something that takes part in the energy balance (a load, a source, a converter, a
 * storage, a waste-heat stream or an off-site contract), in the network's stakeholder order. Owners of grid
 * connections only are not included: the grids are the outside market every coalition trades with.
 */
export function defaultPlayers(network: Network): string[] {
  const owners = new Set<string>();
  for (const list of [
    network.loads,
    network.flexibleLoads,
    network.sources,
    network.converters,
    network.storages,
    network.wasteHeat,
    network.offsite,
  ])
    for (const e of list) owners.add(e.owner);
  const ordered = network.stakeholders.map((s) => s.id).filter((id) => owners.has(id));
  for (const o of owners) if (!ordered.includes(o)) ordered.push(o);
  return ordered;
}

/**
 * The sub-network a coalition controls (docs/concepts/cooperation-and-sharing.md):
 * - loads, flexible loads, sources, converters, storages, waste-heat streams and off-site contracts owned by
 *   a member; everything else is left out;
 * - every grid connection (electricity, district heating, district cooling) is kept for every coalition at
 *   the same tariff and limits: the outside market is open to all, alone or together. Fixed connection fees
 *   are dropped (they do not depend on cooperation and would otherwise be counted once per coalition);
 * - a heat pump whose waste-heat source belongs to a non-member cannot run (its COP series is set to 0):
 *   the supermarket's waste heat is usable only by a coalition holding both the stream and the heat pump;
 * - the district's targets (energy positivity, CO2 cap, budget) are dropped, they bind the whole district
 *   and not a group of partners; shared capacity limits keep the members' assets.
 * A coalition without members' elements has only the grids and costs 0.
 */
export function coalitionNetwork(network: Network, members: ReadonlySet<string>): Network {
  const own = <T extends { readonly owner: string }>(list: readonly T[]): T[] =>
    list.filter((e) => members.has(e.owner));
  const wasteHeat = own(network.wasteHeat);
  const heatIds = new Set(wasteHeat.map((w) => w.id));
  const converters = own(network.converters).map((c) =>
    c.sourceId !== undefined && !heatIds.has(c.sourceId)
      ? { ...c, efficiency: new Float64Array(c.efficiency.length) }
      : c,
  );
  const assetIds = new Set(
    [...own(network.sources), ...converters, ...own(network.storages), ...own(network.offsite)].map(
      (a) => a.id,
    ),
  );
  const targets: NetworkTargets = {
    capacityLimits: (network.targets.capacityLimits ?? [])
      .map((l) => ({ ...l, assetIds: l.assetIds.filter((id) => assetIds.has(id)) }))
      .filter((l) => l.assetIds.length > 0),
  };
  return {
    ...network,
    loads: own(network.loads),
    flexibleLoads: own(network.flexibleLoads),
    sources: own(network.sources),
    wasteHeat,
    converters,
    storages: own(network.storages),
    offsite: own(network.offsite),
    grids: network.grids.map((g) => ({ ...g, tariff: { ...g.tariff, fixedEurPerYear: 0 } })),
    stakeholders: network.stakeholders.filter((s) => members.has(s.id)),
    targets,
  };
}
