/**
 * The client code shared by the desktop (Node) and the browser (Web Worker) entries: the
 * client options, the output channel and the commands. Each entry only says how the server starts.
 */
import * as vscode from 'vscode';
import type { BaseLanguageClient, LanguageClientOptions } from 'vscode-languageclient';

const DOCS_SCHEME = 'dockerfile-doctor-docs';

export const CLIENT_ID = 'dockerfileDoctor';

export function clientName(): string {
  return vscode.l10n.t('Dockerfile Doctor');
}

export function createOutputChannel(): vscode.LogOutputChannel {
  return vscode.window.createOutputChannel('Dockerfile Doctor', { log: true });
}

export function clientOptions(outputChannel: vscode.LogOutputChannel, initializationOptions?: Record<string, unknown>): LanguageClientOptions {
  return {
    initializationOptions,
    // Files and untitled buffers alike: every scheme (vscode-vfs:, vscode-remote: … in the browser).
    documentSelector: [{ language: 'dockerfile' }],
    outputChannel,
    synchronize: { configurationSection: 'dockerfileDoctor' },
  };
}

/**
 * Registers the commands and the rule-docs provider; `client()` is the running client, if any,
 * and `restart` restarts its server (the Node client has its own; the browser's starts a new worker).
 */
export function registerClientFeatures(context: vscode.ExtensionContext, outputChannel: vscode.OutputChannel, client: () => BaseLanguageClient | undefined, restart: () => Promise<void>): void {
  context.subscriptions.push(
    outputChannel,
    vscode.commands.registerCommand('dockerfileDoctor.restartServer', restart),
    vscode.commands.registerCommand('dockerfileDoctor.showOutput', () => outputChannel.show(true)),
    // A rule's docs, offline: the server has them (in the UI language); shown as a Markdown preview.
    vscode.workspace.registerTextDocumentContentProvider(DOCS_SCHEME, {
      provideTextDocumentContent: async (uri) => {
        const docs = await client()?.sendRequest<{ markdown: string } | null>('dockerfileDoctor/ruleDocs', { id: uri.path.replace(/^\//, '').replace(/\.md$/, '') });
        return docs?.markdown ?? '';
      },
    }),
    vscode.commands.registerCommand('dockerfileDoctor.showRuleDocs', async (id: unknown) => {
      if (typeof id !== 'string') return;
      await vscode.commands.executeCommand('markdown.showPreview', vscode.Uri.from({ scheme: DOCS_SCHEME, path: `/${id}.md` }));
    }),
  );
}
