/**
 * The language server, platform-neutral: connection wiring only; the logic lives in lint.ts,
 * rules/ and features/. `server.ts` (Node: IPC/stdio) and `browserServer.ts` (a Web Worker)
 * create the connection and the host and call `createServer`.
 */
import {
  TextDocuments, TextDocumentSyncKind, CodeActionKind,
  DidChangeConfigurationNotification, DidChangeWatchedFilesNotification, type Connection, type InitializeResult,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { ConfigStore } from './config';
import { forgetConfigFiles } from './configFiles';
import { codeActions, FIX_ALL_KIND, resolveCodeAction } from './features/codeActions';
import { completion, configureCompletion, COMPLETION_TRIGGERS } from './features/completion';
import { forgetModel } from './features/document';
import { formatDocument, formatOnType, formatRange } from './features/formatting';
import { configHover, hover } from './features/hover';
import { signatureHelp, SIGNATURE_TRIGGERS } from './features/signatureHelp';
import { locale, setLocale } from './l10n';
import { rulesByCode } from './rules';
import { foldingRanges } from './features/folding';
import { inlayHints } from './features/inlayHints';
import { documentLinks } from './features/links';
import { definition, documentHighlights, prepareRename, references, rename } from './features/navigation';
import { selectionRanges } from './features/selection';
import { SEMANTIC_LEGEND, semanticTokens, semanticTokensRange } from './features/semanticTokens';
import { documentSymbols, workspaceSymbols } from './features/symbols';
import { forgetIndex } from './features/symbolsIndex';

import { initEngine } from './lint';
import { Validator } from './validation';
import { clearContextCache } from './rules/context/_fs';
import { setHost, type ServerHost } from './host/host';

/** How long after the first diagnostics the host's after-first-lint work runs. */
const AFTER_FIRST_LINT_MS = 3000;

/**
 * Registers every handler on `connection` and starts listening. `host` supplies what needs the
 * platform (files, the wasm bytes); it is installed for the whole server (`setHost`).
 */
export function createServer(connection: Connection, host: ServerHost): void {
  setHost(host);
  const documents = new TextDocuments(TextDocument);
  let config: ConfigStore;
  let validator: Validator;
  let dynamicConfig = false;
  let inlayRefresh = false;
  let dynamicWatch = false;
  /** The client resolves a code action's `edit` lazily (codeAction/resolve). */
  let lazyEdits = false;
  let workspaceRoots: string[] = [];

  connection.onInitialize((params): InitializeResult => {
    const opts = (params.initializationOptions && typeof params.initializationOptions === 'object'
      ? params.initializationOptions : {}) as Record<string, unknown>;
    host.configure?.(opts);
    // Editors that do not send `locale` can pass `initializationOptions.locale`.
    setLocale(params.locale ?? (typeof opts.locale === 'string' ? opts.locale : undefined) ?? host.defaultLocale);
    const caps = params.capabilities;
    const pull = !!caps.workspace?.configuration;
    dynamicConfig = !!caps.workspace?.didChangeConfiguration?.dynamicRegistration;
    inlayRefresh = !!caps.workspace?.inlayHint?.refreshSupport;
    dynamicWatch = !!caps.workspace?.didChangeWatchedFiles?.dynamicRegistration;
    lazyEdits = !!caps.textDocument?.codeAction?.resolveSupport?.properties?.includes('edit');
    // Build-context checks (COPY sources, .dockerignore) run only for files inside these.
    const folders = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
    workspaceRoots = host.fs ? folders.map((u) => host.fs!.uriToPath(u)).filter((p): p is string => p !== undefined) : [];
    config = new ConfigStore(connection, pull);
    config.setWorkspaceFolders(params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []));
    if (opts.settings !== undefined) config.setPushed(opts.settings);
    const ready = initEngine().catch((e) => {
      connection.console.error(`Could not load the shell parser: ${e?.stack ?? e}`);
      throw e;
    });
    configureCompletion(caps, params.clientInfo?.name);
    validator = new Validator(connection, config, (uri) => documents.get(uri), ready, () => workspaceRoots, () => {
      if (!host.afterFirstLint) return;
      // Later, not in the way of the first keystrokes (the Node host writes its code cache here).
      const timer = setTimeout(() => {
        const line = host.afterFirstLint?.();
        if (line) connection.console.info(`Code cache: ${line}`);
      }, AFTER_FIRST_LINT_MS);
      (timer as { unref?: () => void }).unref?.();
    });
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.RefactorRewrite, FIX_ALL_KIND], resolveProvider: true },
        hoverProvider: true,
        completionProvider: { triggerCharacters: COMPLETION_TRIGGERS },
        signatureHelpProvider: { triggerCharacters: SIGNATURE_TRIGGERS, retriggerCharacters: [','] },
        documentFormattingProvider: true,
        documentRangeFormattingProvider: true,
        documentOnTypeFormattingProvider: { firstTriggerCharacter: '\n' },
        documentSymbolProvider: { label: 'Dockerfile Doctor' },
        workspaceSymbolProvider: true,
        foldingRangeProvider: true,
        selectionRangeProvider: true,
        definitionProvider: true,
        referencesProvider: true,
        documentHighlightProvider: true,
        renameProvider: { prepareProvider: true },
        documentLinkProvider: { resolveProvider: false },
        semanticTokensProvider: { legend: SEMANTIC_LEGEND, full: true, range: true },
        inlayHintProvider: { resolveProvider: false },
      },
      serverInfo: { name: 'dockerfile-doctor', version: host.version },
    };
  });

  connection.onInitialized(() => {
    if (!host.fs) connection.console.info('No file system here (browser): the build-context checks, .hadolint.yaml lookup and links to local files are off.');
    if (dynamicConfig) void connection.client.register(DidChangeConfigurationNotification.type, { section: 'dockerfileDoctor' });
    // Re-read on change: `.hadolint.yaml` (the config), ignore files and created/deleted files (the build-context checks).
    if (dynamicWatch) {
      void connection.client.register(DidChangeWatchedFilesNotification.type, {
        watchers: [{ globPattern: '**/{.hadolint.yaml,.hadolint.yml}' }, { globPattern: '**/.dockerignore' }, { globPattern: '**/*.dockerignore' }, { globPattern: '**/*', kind: 1 | 4 }],
      });
    }
  });

  connection.onDidChangeConfiguration((change) => {
    if (change.settings !== undefined && change.settings !== null) config.setPushed(change.settings);
    config.clear();
    validator.scheduleAll(documents.keys());
    if (inlayRefresh) void connection.languages.inlayHint.refresh().catch(() => undefined);
  });

  connection.onDidChangeWatchedFiles(() => {
    clearContextCache();
    forgetConfigFiles();
    config.clear();
    config.refreshConfigFiles();
    validator.scheduleAll(documents.keys());
  });

  documents.onDidChangeContent((e) => validator.schedule(e.document.uri));
  documents.onDidClose((e) => {
    forgetModel(e.document.uri);
    forgetIndex(e.document.uri);
    config.forget(e.document.uri);
    validator.close(e.document.uri);
  });

  connection.onCodeAction(async (params) => {
    const doc = documents.get(params.textDocument.uri);
    if (!doc) return [];
    try {
      return await codeActions(doc, params, await config.get(doc.uri), { linter: validator.linterFor(doc.uri), published: validator.publishedFor(doc.uri), lazyEdits });
    } catch (e) {
      connection.console.error(`Code actions failed: ${(e as Error)?.stack ?? e}`);
      return [];
    }
  });

  connection.onCodeActionResolve(async (action) => {
    try {
      const uri = (action.data as { uri?: unknown } | undefined)?.uri;
      const doc = typeof uri === 'string' ? documents.get(uri) : undefined;
      return doc ? await resolveCodeAction(action, doc, await config.get(doc.uri), validator.linterFor(doc.uri)) : action;
    } catch (e) {
      connection.console.error(`Resolving a code action failed: ${(e as Error)?.stack ?? e}`);
      return action;
    }
  });

  // The docs of a rule, in the UI language, for the client's "Show documentation" command (offline).
  connection.onRequest('dockerfileDoctor/ruleDocs', (params: { id?: unknown }) => ruleDocs(typeof params?.id === 'string' ? params.id : ''));

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

  function ruleDocs(id: string): { id: string; markdown: string } | null {
    const rule = rulesByCode(id)[0];
    return rule ? { id: rule.id, markdown: locale() === 'zh-cn' ? rule.docs['zh-cn'] : rule.docs.en } : null;
  }
  connection.onSignatureHelp((params) => {
    const doc = documents.get(params.textDocument.uri);
    try {
      return doc ? signatureHelp(doc, params) : null;
    } catch {
      return null;
    }
  });

  connection.onDocumentFormatting(async (params) => {
    const doc = documents.get(params.textDocument.uri);
    try {
      return doc ? formatDocument(doc, params, (await config.get(doc.uri)).format) : [];
    } catch (e) {
      connection.console.error(`Formatting failed: ${(e as Error)?.stack ?? e}`);
      return [];
    }
  });

  connection.onDocumentRangeFormatting(async (params) => {
    const doc = documents.get(params.textDocument.uri);
    try {
      return doc ? formatRange(doc, params, (await config.get(doc.uri)).format) : [];
    } catch (e) {
      connection.console.error(`Formatting failed: ${(e as Error)?.stack ?? e}`);
      return [];
    }
  });

  connection.onDocumentOnTypeFormatting(async (params) => {
    const doc = documents.get(params.textDocument.uri);
    try {
      return doc ? formatOnType(doc, params, (await config.get(doc.uri)).format) : [];
    } catch {
      return [];
    }
  });

  /** Runs a request on its document; a failure is logged and answered with `fallback`, never thrown. */
  function guarded<P extends { textDocument: { uri: string } }, R>(name: string, fallback: R, f: (doc: TextDocument, p: P) => R): (p: P) => R {
    return (p) => {
      const doc = documents.get(p.textDocument.uri);
      if (!doc) return fallback;
      try {
        return f(doc, p);
      } catch (e) {
        connection.console.error(`${name} failed: ${(e as Error)?.stack ?? e}`);
        return fallback;
      }
    };
  }

  connection.onDocumentSymbol(guarded('Document symbols', [], (doc) => documentSymbols(doc)));
  connection.onFoldingRanges(guarded('Folding', [], (doc) => foldingRanges(doc)));
  connection.onSelectionRanges(guarded('Selection ranges', [], (doc, p) => selectionRanges(doc, p.positions)));
  connection.onDefinition(guarded('Definition', null, (doc, p) => definition(doc, p.position)));
  connection.onReferences(guarded('References', [], (doc, p) => references(doc, p.position, p.context.includeDeclaration)));
  connection.onDocumentHighlight(guarded('Highlights', [], (doc, p) => documentHighlights(doc, p.position)));
  connection.onPrepareRename(guarded('Prepare rename', null, (doc, p) => prepareRename(doc, p.position)));
  connection.onRenameRequest(guarded('Rename', null, (doc, p) => rename(doc, p.position, p.newName)));
  connection.onDocumentLinks(guarded('Document links', [], (doc) => documentLinks(doc)));
  connection.languages.semanticTokens.on(guarded('Semantic tokens', { data: [] }, (doc) => semanticTokens(doc)));
  connection.languages.semanticTokens.onRange(guarded('Semantic tokens', { data: [] }, (doc, p) => semanticTokensRange(doc, p.range)));
  connection.languages.inlayHint.on(async (p) => {
    const doc = documents.get(p.textDocument.uri);
    try {
      return doc && (await config.get(doc.uri)).inlayHints.argDefaults ? inlayHints(doc, p.range) : [];
    } catch (e) {
      connection.console.error(`Inlay hints failed: ${(e as Error)?.stack ?? e}`);
      return [];
    }
  });
  connection.onWorkspaceSymbol((p) => {
    try {
      return workspaceSymbols(documents.all(), p.query);
    } catch {
      return [];
    }
  });

  documents.listen(connection);
  connection.listen();
}
