export { migrations, StaticMigrationProvider } from "./provider.js";
