#!/usr/bin/env node
// Thin launcher so that `npx kera` works before and after a rebuild; the code lives in dist/.
await import("../dist/main.js");
