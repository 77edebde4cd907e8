/**
 * The language server: connection wiring only; the logic lives in lint.ts, rules/ and features/.
 */
import {
  createConnection, ProposedFeatures, TextDocuments, TextDocumentSyncKind, CodeActionKind,
  DidChangeConfigurationNotification, DidChangeWatchedFilesNotification, type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { ConfigStore } from './config';
import { forgetConfigFiles } from './configFiles';
import { codeActions, FIX_ALL_KIND } from './features/codeActions';
import { completion } from './features/completion';
import { forgetModel } from './features/document';
import { configHover, hover } from './features/hover';
import { setLocale } from './l10n';
import { initEngine } from './lint';
import { Validator } from './validation';

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
let config: ConfigStore;
let validator: Validator;
let dynamicConfig = false;
let dynamicWatch = false;

process.on('uncaughtException', (e) => connection.console.error(`Uncaught: ${e?.stack ?? e}`));
process.on('unhandledRejection', (e) => connection.console.error(`Unhandled rejection: ${(e as Error)?.stack ?? e}`));

connection.onInitialize((params): InitializeResult => {
  const opts = (params.initializationOptions && typeof params.initializationOptions === 'object'
    ? params.initializationOptions : {}) as Record<string, unknown>;
  // Editors that do not send `locale` can pass `initializationOptions.locale`.
  setLocale(params.locale ?? (typeof opts.locale === 'string' ? opts.locale : undefined) ?? process.env.VSCODE_NLS_LOCALE);
  const caps = params.capabilities;
  const pull = !!caps.workspace?.configuration;
  dynamicConfig = !!caps.workspace?.didChangeConfiguration?.dynamicRegistration;
  dynamicWatch = !!caps.workspace?.didChangeWatchedFiles?.dynamicRegistration;
  config = new ConfigStore(connection, pull);
  config.setWorkspaceFolders(params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []));
  if (opts.settings !== undefined) config.setPushed(opts.settings);
  const ready = initEngine().catch((e) => {
    connection.console.error(`Could not load the shell parser: ${e?.stack ?? e}`);
    throw e;
  });
  validator = new Validator(connection, config, (uri) => documents.get(uri), ready);
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND], resolveProvider: false },
      hoverProvider: true,
      completionProvider: { triggerCharacters: [] },
    },
    serverInfo: { name: 'dockerfile-doctor', version: process.env.DOCKERFILE_DOCTOR_VERSION ?? '0.1.0' },
  };
});

connection.onInitialized(() => {
  if (dynamicConfig) void connection.client.register(DidChangeConfigurationNotification.type, { section: 'dockerfileDoctor' });
  // `.hadolint.yaml` changes: re-read (any LSP client that can watch files, VS Code included).
  if (dynamicWatch) void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/{.hadolint.yaml,.hadolint.yml}' }] });
});

connection.onDidChangeConfiguration((change) => {
  if (change.settings !== undefined && change.settings !== null) config.setPushed(change.settings);
  config.clear();
  validator.scheduleAll(documents.keys());
});

connection.onDidChangeWatchedFiles(() => {
  forgetConfigFiles();
  config.clear();
  config.refreshConfigFiles();
  validator.scheduleAll(documents.keys());
});

documents.onDidChangeContent((e) => validator.schedule(e.document.uri));
documents.onDidClose((e) => {
  forgetModel(e.document.uri);
  config.forget(e.document.uri);
  validator.close(e.document.uri);
});

connection.onCodeAction(async (params) => {
  const doc = documents.get(params.textDocument.uri);
  if (!doc) return [];
  try {
    return codeActions(doc, params, await config.get(doc.uri), validator.linterFor(doc.uri));
  } catch (e) {
    connection.console.error(`Code actions failed: ${(e as Error)?.stack ?? e}`);
    return [];
  }
});

connection.onHover((params) => {
  const doc = documents.get(params.textDocument.uri);
  try {
    if (!doc) return null;
    const word = hover(doc, params);
    const cfg = configHover(params, validator.findingsFor(doc.uri), config.configFileFor(doc.uri));
    if (!word || !cfg) return word ?? cfg;
    return { contents: { kind: 'markdown', value: `${(word.contents as { value: string }).value}\n\n---\n\n${(cfg.contents as { value: string }).value}` }, range: word.range };
  } catch {
    return null;
  }
});

connection.onCompletion((params) => {
  const doc = documents.get(params.textDocument.uri);
  try {
    return doc ? completion(doc, params) : [];
  } catch {
    return [];
  }
});

documents.listen(connection);
connection.listen();
