/**
 * The extension client: starts the bundled language server and restarts it if it dies.
 * Wiring only: all logic lives in the server.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const module = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const outputChannel = vscode.window.createOutputChannel('Dockerfile Doctor', { log: true });
  const clientOptions: LanguageClientOptions = {
    // Files and untitled buffers alike: every scheme.
    documentSelector: [{ language: 'dockerfile' }],
    outputChannel,
    synchronize: { configurationSection: 'dockerfileDoctor' },
  };
  client = new LanguageClient('dockerfileDoctor', vscode.l10n.t('Dockerfile Doctor'), serverOptions, clientOptions);
  context.subscriptions.push(
    outputChannel,
    vscode.commands.registerCommand('dockerfileDoctor.restartServer', async () => {
      await client?.restart();
    }),
    vscode.commands.registerCommand('dockerfileDoctor.showOutput', () => outputChannel.show(true)),
  );
  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
