/**
 * Between two slices of a long job (a lint or fix-all of a big file), a request that arrived
 * meanwhile is read, handled and answered: vscode-jsonrpc handles a message in one check phase
 * and writes the answer from the next one (its write queue runs on setImmediate). The order of
 * the event loop's turns is deterministic, so this needs no timing.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Linter } from '../../server/src/lint';
import { DEFAULT_SETTINGS } from '../../server/src/settings';
import { yieldTurns } from '../../server/src/yieldTurns';
import { ready } from '../helpers';

/** What vscode-jsonrpc does with a request: handle it in one turn, write the answer in the next. */
function request(order: string[], name: string): void {
  setImmediate(() => {
    order.push(`handle ${name}`);
    setImmediate(() => order.push(`answer ${name}`));
  });
}

describe('yielding between slices', () => {
  it('a request that arrives during a slice is answered before the next slice', async () => {
    const order: string[] = [];
    const job = (async () => {
      for (let i = 1; i <= 3; i++) {
        order.push(`slice ${i}`);
        if (i === 1) request(order, 'hover');
        if (i === 2) request(order, 'completion');
        await yieldTurns();
      }
    })();
    await job;
    assert.deepEqual(order, ['slice 1', 'handle hover', 'answer hover', 'slice 2', 'handle completion', 'answer completion', 'slice 3']);
  });

  it('lintAsync of a big file answers a request before it finishes (it runs in slices)', async () => {
    await ready;
    const stage = ['FROM debian:12 AS s', 'RUN apt-get update && apt-get install -y curl git make gcc', 'COPY . /src', 'RUN cd /src && make', ''];
    const text = Array.from({ length: 2000 }, () => stage.join('\n')).join('');
    const order: string[] = [];
    let done = false;
    const lint = new Linter().lintAsync(text, DEFAULT_SETTINGS, () => false).then((f) => {
      done = true;
      return f;
    });
    // A request arriving while the lint runs: answered while the lint is still running.
    request(order, 'hover');
    await new Promise<void>((resolve) => {
      const poll = () => (order.includes('answer hover') ? resolve() : setImmediate(poll));
      poll();
    });
    assert.equal(done, false, 'the request was answered before the lint finished');
    assert.ok((await lint)!.length > 0);
  });
});
