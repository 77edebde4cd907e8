/**
 * The extension client on the desktop (Node extension host): starts the bundled language
 * server over IPC and restarts it if it dies. Wiring only: all logic lives in the server;
 * what the browser entry (browserExtension.ts) shares is in common.ts.
 */
import * as path from 'node:path';
import type * as vscode from 'vscode';
import { LanguageClient, TransportKind, type ServerOptions } from 'vscode-languageclient/node';
import { CLIENT_ID, clientName, clientOptions, createOutputChannel, registerClientFeatures } from './common';
// V8 options the server needs at start (see the file's neighbour nodeFlags.ts); the benchmark starts it the same way.
import SERVER_NODE_ARGS from '../../server/src/nodeArgs.json';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const module = context.asAbsolutePath(path.join('dist', 'server.js'));
  // Where the server keeps the compiled code of its bundle between starts (server/src/bootstrap.ts).
  // vscode-languageclient adds this to the extension host's environment.
  const env = { DOCKERFILE_DOCTOR_CODE_CACHE: path.join(context.globalStorageUri.fsPath, 'code-cache') };
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc, options: { execArgv: SERVER_NODE_ARGS, env } },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: [...SERVER_NODE_ARGS, '--nolazy', '--inspect=6019'], env } },
  };
  const outputChannel = createOutputChannel();
  client = new LanguageClient(CLIENT_ID, clientName(), serverOptions, clientOptions(outputChannel));
  registerClientFeatures(context, outputChannel, () => client, async () => {
    await client?.restart();
  });
  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
