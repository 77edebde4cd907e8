/**
 * The language server in a Web Worker (the extension's `browser` entry starts it): LSP over
 * the worker's postMessage. The handlers are in serverCore.ts; the build-context rules,
 * `.hadolint.yaml` lookup and links to local files need a file system and stay silent here.
 */
import './host/browserGlobals';
import { BrowserMessageReader, BrowserMessageWriter, createConnection, ProposedFeatures } from 'vscode-languageserver/browser';
import { browserHost } from './host/browserHost';
import { createServer } from './serverCore';

/** The parts of `DedicatedWorkerGlobalScope` used here (the project's lib is ES2022, without DOM types). */
interface WorkerScope {
  location: { href: string };
  addEventListener(type: 'error' | 'unhandledrejection', listener: (e: { error?: unknown; reason?: unknown; message?: string }) => void): void;
}
const worker = globalThis as unknown as WorkerScope;

const connection = createConnection(ProposedFeatures.all, new BrowserMessageReader(worker as never), new BrowserMessageWriter(worker as never));

worker.addEventListener('error', (e) => connection.console.error(`Uncaught: ${(e.error as Error)?.stack ?? e.message}`));
worker.addEventListener('unhandledrejection', (e) => connection.console.error(`Unhandled rejection: ${(e.reason as Error)?.stack ?? e.reason}`));

// The wasm files are in dist/: the client says where (initializationOptions.wasmBaseUrl).
createServer(connection, browserHost(worker.location.href));
