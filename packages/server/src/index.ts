export { createApp, API_VERSION, type CreateAppOptions, type KeraApp } from "./app.js";
export { readConfig, testConfig, isLoopbackHost, type ServerConfig } from "./config.js";
export { POLICY, type PolicyEntry } from "./auth/policy.js";
export {
  ROLES,
  type Role,
  type StoredRole,
  type ServerStore,
  type ServerJobs,
  type JobEvent,
} from "./ports.js";
export type { RegisteredRoute } from "./route-kit.js";
export { createAccount, type NewAccount } from "./users.js";
export { createInlineJobs } from "./inline-jobs.js";
export { runScenario, type RunScenarioInput, type RunScenarioOutput } from "./compute/run-scenario.js";
export type { ProblemBody, ProblemIssue } from "./problem.js";
export { startServer, type StartServerOptions, type RunningServer } from "./main.js";
export { openServerStore, addUser, listUsers, parseRole, startJobWorker } from "./admin-tools.js";
