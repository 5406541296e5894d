/** Inward-only dependency rules (../shared/STYLE.md §2). CI runs `depcruise packages`. */
const pkgs = ["schema", "engine", "data", "solver-highs", "store", "server", "web", "cli"];
const allowed = {
  schema: [],
  engine: ["schema"],
  data: ["schema", "engine"],
  "solver-highs": ["engine", "schema"],
  store: ["schema", "engine"],
  server: ["schema", "engine", "solver-highs", "store", "data"],
  web: ["schema", "engine", "server"],
  cli: ["schema", "engine", "solver-highs", "store", "data", "server"],
};
const forbidden = [];
for (const p of pkgs) {
  const banned = pkgs.filter((q) => q !== p && !allowed[p].includes(q));
  if (banned.length === 0) continue;
  forbidden.push({
    name: `${p}-inward-only`,
    severity: "error",
    comment: `${p} may depend only on: ${allowed[p].join(", ") || "nothing of ours"}`,
    from: { path: `^packages/${p}/src` },
    to: { path: `^(packages/(${banned.join("|")})/|node_modules/@kera/(${banned.join("|")})/)` },
  });
}
forbidden.push({
  name: "engine-and-schema-are-pure",
  severity: "error",
  comment: "No node: built-ins in the pure engine or schema",
  from: { path: "^packages/(engine|schema)/src", pathNot: "\\.test\\.ts$" },
  to: { dependencyTypes: ["core"] },
});
forbidden.push({
  name: "engine-third-party",
  severity: "error",
  comment: "The engine uses nothing from npm but @kera/schema (and zod through it)",
  from: { path: "^packages/engine/src", pathNot: "\\.test\\.ts$" },
  to: {
    dependencyTypes: ["npm", "npm-dev", "npm-optional", "npm-peer", "npm-no-pkg", "npm-unknown"],
    pathNot: "(@kera/schema|packages/schema)",
  },
});
forbidden.push({
  name: "web-no-server-runtime",
  severity: "error",
  comment: "web may import server types only",
  from: { path: "^packages/web/src" },
  to: { path: "^(packages/server|node_modules/@kera/server)", dependencyTypesNot: ["type-only"] },
});
forbidden.push({ name: "no-circular", severity: "error", from: {}, to: { circular: true } });
module.exports = {
  forbidden,
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "(^|/)dist/" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default", "types"],
    },
  },
};
