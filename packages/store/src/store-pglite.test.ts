import { createStore } from "./create-store.js";
import { MEMORY_DATA_DIR } from "./config.js";
import { describeStoreContract } from "./test-support/store-contract.js";

describeStoreContract("PGlite (in memory)", async () => ({
  store: await createStore({ kind: "pglite", dataDir: MEMORY_DATA_DIR }),
  cleanup: async () => {},
}));
