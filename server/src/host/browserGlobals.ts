/**
 * The two Node.js globals the server's code paths use without importing them, provided in the
 * Web Worker (imported first by browserServer.ts; nothing else is polyfilled):
 *
 * - `setImmediate`: lint.ts's `lintAsync` yields to the event loop with it every ~8 ms on a big
 *   file. Here it is a MessageChannel task (setTimeout(0) is clamped to 4 ms when nested).
 * - `Buffer.from(string, 'utf-8')`: dockerfile-ast's `Util.isUTF8BOM` encodes the first character
 *   of the file with it. Only that call is provided (TextEncoder); any other use throws, so a new
 *   dependency on Buffer fails loudly in the browser test instead of misbehaving.
 */
const g = globalThis as Record<string, unknown>;

if (typeof g.setImmediate !== 'function') {
  const queue: (() => void)[] = [];
  const channel = new MessageChannel();
  // (DOM MessagePort: setting onmessage starts the port.)
  (channel.port1 as unknown as { onmessage: () => void }).onmessage = () => queue.shift()?.();
  g.setImmediate = (callback: (...args: unknown[]) => void, ...args: unknown[]) => {
    queue.push(() => callback(...args));
    channel.port2.postMessage(null);
  };
}

if (g.Buffer === undefined) {
  const encoder = new TextEncoder();
  g.Buffer = {
    from(value: unknown, encoding?: string): Uint8Array {
      if (typeof value !== 'string' || (encoding !== undefined && !/^utf-?8$/i.test(encoding))) {
        throw new Error(`Buffer.from(${typeof value}, ${encoding}) is not available in the browser build`);
      }
      return encoder.encode(value);
    },
  };
}
