import { config } from "zod";

// The page's Content-Security-Policy forbids eval; zod's JIT would probe `new Function` and log a CSP
// violation. Jitless parsing is the same validation without code generation.
config({ jitless: true });
