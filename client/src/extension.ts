/**
 * The extension client: starts the bundled language server and restarts it if it dies.
 * Wiring only: all logic lives in the server.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';

let client: LanguageClient | undefined;

const DOCS_SCHEME = 'dockerfile-doctor-docs';

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
    // A rule's docs, offline: the server has them (in the UI language); shown as a Markdown preview.
    vscode.workspace.registerTextDocumentContentProvider(DOCS_SCHEME, {
      provideTextDocumentContent: async (uri) => {
        const docs = await client?.sendRequest<{ markdown: string } | null>('dockerfileDoctor/ruleDocs', { id: uri.path.replace(/^\//, '').replace(/\.md$/, '') });
        return docs?.markdown ?? '';
      },
    }),
    vscode.commands.registerCommand('dockerfileDoctor.showRuleDocs', async (id: unknown) => {
      if (typeof id !== 'string') return;
      await vscode.commands.executeCommand('markdown.showPreview', vscode.Uri.from({ scheme: DOCS_SCHEME, path: `/${id}.md` }));
    }),
  );
  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
