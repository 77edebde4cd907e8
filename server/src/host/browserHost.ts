/**
 * The browser host (the server in a Web Worker: vscode.dev, github.dev, other web extension
 * hosts): no file system, and the wasm files fetched from the extension's `dist/` folder.
 *
 * Where that folder is: the client says so in `initializationOptions.wasmBaseUrl` (from
 * `context.extensionUri`). The worker's own location is no guide inside VS Code: its web
 * extension host turns `new Worker(url)` into a `blob:` worker that runs `importScripts(url)`.
 * Without the option (another client) and with a worker started from an http(s) URL, the folder
 * above the script (`dist/browser/server.js` → `dist/`) is used.
 */
import type { ServerHost } from './host';

function folderUrl(raw: unknown): string | undefined {
  if (typeof raw !== 'string' || raw === '') return undefined;
  try {
    const url = new URL(raw.endsWith('/') ? raw : `${raw}/`);
    return url.protocol === 'blob:' ? undefined : url.href;
  } catch {
    return undefined;
  }
}

/**
 * The host for a worker; `scriptUrl` is `self.location.href`, used only when it is an http(s) URL
 * and the client sends no `wasmBaseUrl`.
 */
export function browserHost(scriptUrl: string, fetchImpl: typeof fetch = (u) => fetch(u)): ServerHost {
  let base = /^https?:/i.test(scriptUrl) ? new URL('../', scriptUrl).href : undefined;
  return {
    platform: 'browser',
    configure(opts) {
      base = folderUrl(opts.wasmBaseUrl) ?? base;
    },
    async loadWasm(name) {
      if (!base) throw new Error(`cannot load ${name}: the worker runs from ${scriptUrl.split('?')[0]} and the client sent no initializationOptions.wasmBaseUrl`);
      const url = new URL(name, base).href;
      const res = await fetchImpl(url);
      if (!res.ok) throw new Error(`fetching ${url} failed: ${res.status} ${res.statusText}`);
      return new Uint8Array(await res.arrayBuffer());
    },
    version: '0.1.0',
  };
}
