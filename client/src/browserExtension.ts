/**
 * The extension client in the browser (vscode.dev, github.dev, code-server's web worker
 * extension host): the language server runs in a Web Worker started from the extension's
 * `dist/browser/server.js`. What it shares with the desktop client is in common.ts.
 */
import * as vscode from 'vscode';
import { LanguageClient } from 'vscode-languageclient/browser';
import { CLIENT_ID, clientName, clientOptions, createOutputChannel, registerClientFeatures } from './common';

/** The DOM's Worker (the project's lib is ES2022, without DOM types). */
interface ServerWorker {
  terminate(): void;
}
declare const Worker: new (url: string, options?: { name?: string }) => ServerWorker;

let client: LanguageClient | undefined;
let worker: ServerWorker | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const serverMain = vscode.Uri.joinPath(context.extensionUri, 'dist', 'browser', 'server.js').toString(true);
  // The worker cannot find dist/ from its own location (VS Code runs it from a blob: URL).
  const wasmBaseUrl = vscode.Uri.joinPath(context.extensionUri, 'dist').toString(true);
  const outputChannel = createOutputChannel();
  // A new worker per start, so that "Restart server" really starts a fresh server.
  const startWorker = async () => {
    worker?.terminate();
    worker = new Worker(serverMain, { name: 'Dockerfile Doctor language server' });
    return worker as never;
  };
  client = new LanguageClient(CLIENT_ID, clientName(), startWorker, clientOptions(outputChannel, { wasmBaseUrl }));
  registerClientFeatures(context, outputChannel, () => client, async () => {
    await client?.stop();
    await client?.start();
  });
  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
  worker?.terminate();
  worker = undefined;
}
