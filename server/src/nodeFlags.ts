/**
 * V8 flags for the Node entries (language server, CLI), set before the shell parser's wasm is
 * compiled. `--liftoff-only`: tree-sitter-bash is one 1.3 MB wasm module, mostly a parse table
 * function; V8's optimising tier (TurboFan) re-compiles it in the background on the first big
 * parse, which took ~50 MB of peak memory (VmHWM 122 → 74 MB linting 1,000 lines) and, on two
 * cores, CPU from the first lint itself. The baseline compiler's code is fast enough for the
 * scripts of a Dockerfile (measured in `npm run bench`; see README "Design notes").
 * `DOCKERFILE_DOCTOR_WASM_TIERUP=1` turns the optimising tier back on (for measuring).
 */
import { setFlagsFromString } from 'node:v8';

if (process.env.DOCKERFILE_DOCTOR_WASM_TIERUP !== '1') {
  try {
    setFlagsFromString('--liftoff-only');
  } catch {
    // Not fatal: the parser works either way.
  }
}
