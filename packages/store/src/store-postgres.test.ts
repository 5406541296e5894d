import { createStore } from "./create-store.js";
import { createTestSchema } from "./test-support/postgres.js";
import { describeStoreContract } from "./test-support/store-contract.js";

describeStoreContract("PostgreSQL (fresh schema per run)", async () => {
  const test = await createTestSchema();
  try {
    const store = await createStore({ kind: "postgres", url: test.url, schema: test.schema });
    return { store, cleanup: test.drop };
  } catch (error) {
    await test.drop();
    throw error;
  }
});
