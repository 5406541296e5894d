import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  {
    ignores: [
      "**/dist/**",
      "**/node_modules/**",
      "data/**",
      "out/**",
      "bench/results/**",
      "e2e/artifacts/**",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "no-restricted-syntax": [
        "error",
        { selector: "ExportDefaultDeclaration", message: "Use named exports." },
      ],
    },
  },
  {
    files: ["packages/engine/src/**/*.ts", "packages/schema/src/**/*.ts"],
    ignores: ["**/*.test.ts"],
    rules: {
      "no-console": "error",
      "no-restricted-globals": ["error", { name: "process", message: "The engine is pure: no process." }],
      "no-restricted-properties": [
        "error",
        { object: "Date", property: "now", message: "The engine is pure: no clock." },
        { object: "Math", property: "random", message: "The engine is pure: use a seeded generator." },
      ],
    },
  },
  {
    files: ["**/*.cjs"],
    languageOptions: { sourceType: "commonjs", globals: { module: "writable", require: "readonly" } },
  },
  {
    files: ["scripts/**/*.mjs", "bench/**/*.mjs"],
    languageOptions: {
      globals: { process: "readonly", console: "readonly", URL: "readonly", setTimeout: "readonly" },
    },
  },
  {
    files: [
      "**/*.config.ts",
      "**/*.config.js",
      "eslint.config.js",
      "scripts/**",
      "packages/web/vite.config.ts",
    ],
    rules: { "no-restricted-syntax": "off" },
  },
);
