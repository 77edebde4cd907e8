/**
 * Gives the event loop back between the slices of a long job (a lint or fix-all of a big file).
 *
 * One `setImmediate` is not enough for a request that arrives during a slice: vscode-jsonrpc
 * handles the message in one check phase and writes the answer in the next (its writes go
 * through a semaphore that runs on `setImmediate`). With a single turn, the job's next slice
 * was queued before that write, so each hover waited two slices (40–60 ms during a fix-all of
 * 10,000 lines). Three turns in a row let the request be read, handled and answered before the
 * job goes on; a turn with nothing waiting costs microseconds.
 */
const TURNS = 3;

export async function yieldTurns(): Promise<void> {
  for (let i = 0; i < TURNS; i++) await new Promise<void>((resolve) => setImmediate(resolve));
}
