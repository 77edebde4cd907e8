/**
 * V8 flags for the Node entries (language server, CLI), set before the shell parser's wasm is
 * compiled.
 *
 * `--liftoff-only`: tree-sitter-bash is one 1.3 MB wasm module, mostly a parse table
 * function; V8's optimising tier (TurboFan) re-compiles it in the background on the first big
 * parse, which took ~50 MB of peak memory (VmHWM 122 → 74 MB linting 1,000 lines) and, on two
 * cores, CPU from the first lint itself. The baseline compiler's code is fast enough for the
 * scripts of a Dockerfile (measured in `npm run bench`; see README "Design notes").
 * `DOCKERFILE_DOCTOR_WASM_TIERUP=1` turns the optimising tier back on (for measuring).
 *
 * `--heap-growing-percent=100`: after a full GC the old generation may grow to twice what is
 * alive, where V8 lets a fast-allocating process grow up to four times: the peak memory of a
 * 10,000-line editing session fell from ~240 to ~150–190 MB at the same keystroke latency.
 *
 * `--max-inlined-bytecode-size-cumulative=150`: TurboFan inlines at most 150 bytes of bytecode
 * into one optimised function instead of 920. The rules are many small functions, each worth
 * optimising on its own; inlining them into their callers made big compile jobs, which on two
 * cores ran beside the first keystrokes after opening a file. Measured over the protocol at
 * 1,000 lines, the 60 keystrokes after opening (four alternating runs each): p95 ~24 → ~20 ms,
 * p50 unchanged, peak memory after them 98–101 → 92–93 MB; the steady state after 250
 * keystrokes, 10,000 lines and the CLI are unchanged or better (see README "Design notes").
 *
 * `--interrupt-budget=264000`: a function is optimised after twice as much work in the baseline
 * tiers as V8's default asks (132 KB of bytecode executed). Most of a keystroke's code runs only a
 * few times per keystroke; optimising it early gave the first keystrokes after an open many
 * compile jobs and deoptimisations. Over the protocol at 1,000 lines (seven alternating runs
 * each, on top of the inlining budget): the 60 keystrokes after opening p95 ~20 → ~17 ms at the
 * same p50; in-process, the steady state after 250 keystrokes p95 11.8 → 11.0, p99 22 → 17 ms;
 * peak memory 92–95 → 86–87 MB; open, 10,000 lines and the CLI unchanged. Four times the
 * default made the median slower.
 *
 * What V8 reads only when it makes the heap comes from the command line instead:
 * nodeArgs.json, which the extension client starts the server with (and `npm run bench` too).
 * `--max-semi-space-size=2` keeps the young generation at 2 MB per semi-space instead of
 * letting it grow to 16: each scavenge copies less (pauses ~1.5 ms instead of ~4 ms, the tail
 * of the keystroke latency) and the peak memory is ~20 MB lower.
 */
import { setFlagsFromString } from 'node:v8';

try {
  setFlagsFromString('--heap-growing-percent=100');
} catch {
  // Not fatal: V8's own heap growth.
}

try {
  setFlagsFromString('--max-inlined-bytecode-size-cumulative=150');
} catch {
  // Not fatal: V8's own inlining budget.
}

try {
  setFlagsFromString('--interrupt-budget=264000');
} catch {
  // Not fatal: V8's own tiering.
}

if (process.env.DOCKERFILE_DOCTOR_WASM_TIERUP !== '1') {
  try {
    setFlagsFromString('--liftoff-only');
  } catch {
    // Not fatal: the parser works either way.
  }
}
