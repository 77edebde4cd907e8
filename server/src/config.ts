/**
 * Per-document settings pulled with workspace/configuration (scope: resource), cached per
 * URI and dropped on didChangeConfiguration. Clients without that request (other editors)
 * send settings in initializationOptions or didChangeConfiguration instead.
 *
 * Under them lies the project's `.hadolint.yaml` (found from the document's folder up to its
 * workspace folder, then hadolint's user-level files): defaults < config file < editor settings.
 * Problems in a config file are published as diagnostics on that file, logged, and shown once.
 */
import { DiagnosticSeverity, type Connection } from 'vscode-languageserver';
import { findConfigFile, loadConfigFile } from './configFiles';
import { hostFs } from './host/host';
import { DEFAULT_SETTINGS, mergeSettings, normalizeSettings, type Settings } from './settings';

/** The file path of a `file:` URI; undefined for other schemes and where there is no file system (no config file then). */
function toPath(uri: string): string | undefined {
  return hostFs()?.uriToPath(uri);
}

export class ConfigStore {
  private cache = new Map<string, Promise<Settings>>();
  private pushed: unknown = undefined;
  private reported = new Set<string>();
  private folders: string[] = [];
  /** Config file → the problems last published on it (to clear them once fixed). */
  private configDiagnostics = new Map<string, string>();
  /** Document URI → the config file that applies to it (for hover and the log). */
  private applied = new Map<string, string | undefined>();
  private announced = new Set<string>();

  constructor(private readonly connection: Connection, private pull: boolean) {}

  /** Workspace folder URIs (the config lookup does not go above them). */
  setWorkspaceFolders(uris: readonly string[]): void {
    this.folders = uris.map(toPath).filter((p): p is string => !!p).sort((a, b) => b.length - a.length);
  }

  /** Settings sent by the client (initializationOptions or didChangeConfiguration). */
  setPushed(raw: unknown): void {
    const section = raw && typeof raw === 'object' && 'dockerfileDoctor' in raw ? (raw as Record<string, unknown>).dockerfileDoctor : raw;
    this.pushed = section;
    this.cache.clear();
  }

  clear(): void {
    this.cache.clear();
  }

  forget(uri: string): void {
    this.cache.delete(uri);
    this.applied.delete(uri);
  }

  /** The config file that applied to a document when its settings were last read. */
  configFileFor(uri: string): string | undefined {
    return this.applied.get(uri);
  }

  get(uri: string): Promise<Settings> {
    let s = this.cache.get(uri);
    if (!s) {
      s = this.load(uri);
      this.cache.set(uri, s);
    }
    return s;
  }

  /** Re-reads every config file seen so far and republishes (or clears) its problems. */
  refreshConfigFiles(): void {
    for (const file of [...this.configDiagnostics.keys()]) this.publishConfigProblems(file);
  }

  private warnOnce(message: string): void {
    if (this.reported.has(message)) return;
    this.reported.add(message);
    this.connection.console.warn(message);
    void this.connection.window.showWarningMessage(`Dockerfile Doctor: ${message}`);
  }

  private publishConfigProblems(file: string): ReturnType<typeof loadConfigFile> {
    const loaded = loadConfigFile(file);
    const key = loaded.messages.join('\n');
    if (this.configDiagnostics.get(file) !== key) {
      this.configDiagnostics.set(file, key);
      void this.connection.sendDiagnostics({
        uri: hostFs()?.pathToUri(file) ?? file,
        diagnostics: loaded.problems.map((p) => ({
          range: { start: { line: p.line, character: p.character }, end: { line: p.endLine, character: Math.max(p.endCharacter, p.line === p.endLine ? p.character + 1 : 0) } },
          severity: DiagnosticSeverity.Error,
          source: 'dockerfile-doctor',
          message: p.message,
        })),
      });
    }
    for (const m of loaded.messages) this.warnOnce(m);
    return loaded;
  }

  private projectSettings(uri: string): Partial<Settings> | undefined {
    const file = toPath(uri);
    const path = hostFs()?.path;
    if (!file || !path) return undefined;
    const dir = path.dirname(file);
    const folder = this.folders.find((f) => dir === f || dir.startsWith(f.endsWith(path.sep) ? f : f + path.sep));
    let config: string | undefined;
    try {
      config = findConfigFile(dir, { stopAt: folder });
    } catch (e) {
      this.connection.console.warn(`Looking for a .hadolint.yaml for ${uri} failed: ${(e as Error).message}`);
    }
    this.applied.set(uri, config);
    if (!config) return undefined;
    if (!this.announced.has(`${config}\n${dir}`)) {
      this.announced.add(`${config}\n${dir}`);
      this.connection.console.info(`${uri}: using ${config}`);
    }
    return this.publishConfigProblems(config).config.settings;
  }

  private async load(uri: string): Promise<Settings> {
    let raw: unknown = this.pushed;
    if (this.pull) {
      try {
        raw = await this.connection.workspace.getConfiguration({ scopeUri: uri, section: 'dockerfileDoctor' });
      } catch (e) {
        this.connection.console.warn(`Could not read the settings for ${uri}: ${(e as Error).message}`);
      }
    }
    const { settings, problems } = normalizeSettings(raw);
    for (const p of problems) this.warnOnce(p);
    const project = this.projectSettings(uri);
    // defaults < config file < editor settings (the editor's rule severities win per rule).
    return project ? mergeSettings(mergeSettings(DEFAULT_SETTINGS, project), settings) : settings;
  }
}
