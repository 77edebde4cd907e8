/**
 * The browser host (the server in a Web Worker: vscode.dev, github.dev, code-server's web
 * worker extension host): no file system, and the wasm files fetched from `wasmBase`: the
 * worker's script is `dist/browser/server.js` and the wasm files are in `dist/` (shared with the
 * Node bundles, so the .vsix holds them once), served by the extension host from the extension's URI.
 */
import type { ServerHost } from './host';

/** The host for a worker that finds the wasm files under `wasmBase` (a folder URL ending in `/`). */
export function browserHost(wasmBase: string, fetchImpl: typeof fetch = (u) => fetch(u)): ServerHost {
  return {
    platform: 'browser',
    async loadWasm(name) {
      const url = new URL(name, wasmBase).href;
      const res = await fetchImpl(url);
      if (!res.ok) throw new Error(`fetching ${url} failed: ${res.status} ${res.statusText}`);
      return new Uint8Array(await res.arrayBuffer());
    },
    version: '0.1.0',
  };
}
