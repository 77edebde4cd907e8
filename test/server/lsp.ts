/**
 * A minimal LSP client over stdio for protocol tests: starts the built server bundle,
 * answers workspace/configuration, and collects published diagnostics.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import type { Diagnostic, PublishDiagnosticsParams, TextEdit } from 'vscode-languageserver-protocol';

export const SERVER = path.resolve(__dirname, '../../../dist/server.js');

export class LspClient {
  readonly proc: ChildProcess;
  readonly conn: MessageConnection;
  settings: unknown = {};
  stderr = '';
  private diagnostics = new Map<string, PublishDiagnosticsParams>();
  private waiters: { uri: string; test: (p: PublishDiagnosticsParams) => boolean; resolve: (p: PublishDiagnosticsParams) => void }[] = [];
  private versions = new Map<string, number>();
  readonly texts = new Map<string, string>();

  /** The server's log messages (window/logMessage), in order. */
  readonly logs: string[] = [];
  private logWaiters: { test: RegExp; resolve: (line: string) => void }[] = [];

  /** `env`: the server's environment (default: this process's). */
  constructor(options: { env?: NodeJS.ProcessEnv } = {}) {
    this.proc = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'], env: options.env ?? process.env });
    this.proc.stderr!.on('data', (d) => (this.stderr += d));
    this.conn = createMessageConnection(new StreamMessageReader(this.proc.stdout!), new StreamMessageWriter(this.proc.stdin!));
    this.conn.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => this.settings));
    this.conn.onRequest('client/registerCapability', () => null);
    this.conn.onRequest('window/showMessageRequest', () => null);
    this.conn.onNotification('window/showMessage', () => undefined);
    this.conn.onNotification('window/logMessage', (m: { message: string }) => {
      this.logs.push(m.message);
      this.logWaiters = this.logWaiters.filter((w) => {
        if (!w.test.test(m.message)) return true;
        w.resolve(m.message);
        return false;
      });
    });
    this.conn.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
      this.diagnostics.set(p.uri, p);
      this.waiters = this.waiters.filter((w) => {
        if (w.uri === p.uri && w.test(p)) {
          w.resolve(p);
          return false;
        }
        return true;
      });
    });
    this.conn.listen();
  }

  async initialize(locale = 'en', extra: Record<string, unknown> = {}): Promise<Record<string, unknown>> {
    const result = await this.conn.sendRequest('initialize', {
      processId: process.pid,
      rootUri: null,
      locale,
      capabilities: { workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true } }, textDocument: { publishDiagnostics: { versionSupport: true } } },
      ...extra,
    });
    await this.conn.sendNotification('initialized', {});
    return result as Record<string, unknown>;
  }

  /** Resolves with the first log line matching `test` (one already logged, or the next). */
  waitForLog(test: RegExp, timeoutMs = 10000): Promise<string> {
    const seen = this.logs.find((l) => test.test(l));
    if (seen !== undefined) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no log line matching ${test} within ${timeoutMs} ms; logs: ${JSON.stringify(this.logs)}\n${this.stderr}`)), timeoutMs);
      this.logWaiters.push({ test, resolve: (l) => { clearTimeout(timer); resolve(l); } });
    });
  }

  /** Resolves with the next diagnostics for `uri` that pass `test` (or the current ones if they do). */
  waitFor(uri: string, test: (p: PublishDiagnosticsParams) => boolean = () => true, timeoutMs = 10000): Promise<PublishDiagnosticsParams> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no matching diagnostics for ${uri} within ${timeoutMs} ms; last: ${JSON.stringify(this.diagnostics.get(uri))}\n${this.stderr}`)), timeoutMs);
      this.waiters.push({ uri, test, resolve: (p) => { clearTimeout(timer); resolve(p); } });
    });
  }

  /** Waits for the diagnostics of the document's current version. */
  current(uri: string): Promise<PublishDiagnosticsParams> {
    const version = this.versions.get(uri);
    const last = this.diagnostics.get(uri);
    if (last && last.version === version) return Promise.resolve(last);
    return this.waitFor(uri, (p) => p.version === version);
  }

  async open(uri: string, text: string): Promise<PublishDiagnosticsParams> {
    this.versions.set(uri, 1);
    this.texts.set(uri, text);
    const wait = this.waitFor(uri, (p) => p.version === 1);
    await this.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'dockerfile', version: 1, text } });
    return wait;
  }

  async change(uri: string, text: string, wait = true): Promise<PublishDiagnosticsParams | undefined> {
    const version = (this.versions.get(uri) ?? 0) + 1;
    this.versions.set(uri, version);
    this.texts.set(uri, text);
    const w = wait ? this.waitFor(uri, (p) => p.version === version) : undefined;
    await this.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
    return w;
  }

  async close(uri: string): Promise<void> {
    await this.conn.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  codeActions(uri: string, diagnostics: Diagnostic[], only?: string[]): Promise<{ title: string; kind: string; isPreferred?: boolean; diagnostics?: Diagnostic[]; edit?: { changes: Record<string, TextEdit[]> } }[]> {
    const range = diagnostics[0]?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    return this.conn.sendRequest('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics, only } });
  }

  /** Any request (for features without a helper here). */
  request<T = unknown>(method: string, params: unknown): Promise<T> {
    return this.conn.sendRequest(method, params) as Promise<T>;
  }

  async shutdown(): Promise<void> {
    try {
      await Promise.race([this.conn.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 2000))]);
      await this.conn.sendNotification('exit');
    } catch {
      // already gone
    }
    this.conn.dispose();
    this.proc.kill();
  }
}

/** Applies LSP text edits to a text (edits do not overlap). */
export function applyEdits(text: string, edits: TextEdit[]): string {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\r' && text[i + 1] === '\n') continue;
    if (c === '\n' || c === '\r') starts.push(i + 1);
  }
  const off = (p: { line: number; character: number }) => (p.line < starts.length ? starts[p.line] + p.character : text.length);
  const sorted = edits.map((e) => ({ s: off(e.range.start), e: off(e.range.end), t: e.newText })).sort((a, b) => b.s - a.s);
  for (const e of sorted) text = text.slice(0, e.s) + e.t + text.slice(e.e);
  return text;
}
