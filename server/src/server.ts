/**
 * The language server under Node.js (VS Code desktop, code-server, Neovim, Helix …: IPC or
 * stdio, chosen by vscode-languageserver from the command line). The handlers are in serverCore.ts.
 */
import './nodeFlags';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { nodeHost } from './host/nodeHost';
import { createServer } from './serverCore';

const connection = createConnection(ProposedFeatures.all);

process.on('uncaughtException', (e) => connection.console.error(`Uncaught: ${e?.stack ?? e}`));
process.on('unhandledRejection', (e) => connection.console.error(`Unhandled rejection: ${(e as Error)?.stack ?? e}`));

createServer(connection, nodeHost);
