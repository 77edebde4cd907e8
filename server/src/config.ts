/**
 * Per-document settings pulled with workspace/configuration (scope: resource), cached per
 * URI and dropped on didChangeConfiguration. Clients without that request (other editors)
 * send settings in initializationOptions or didChangeConfiguration instead.
 */
import type { Connection } from 'vscode-languageserver';
import { normalizeSettings, type Settings } from './settings';

export class ConfigStore {
  private cache = new Map<string, Promise<Settings>>();
  private pushed: unknown = undefined;
  private reported = new Set<string>();

  constructor(private readonly connection: Connection, private pull: boolean) {}

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
  }

  get(uri: string): Promise<Settings> {
    let s = this.cache.get(uri);
    if (!s) {
      s = this.load(uri);
      this.cache.set(uri, s);
    }
    return s;
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
    for (const p of problems) {
      if (this.reported.has(p)) continue;
      this.reported.add(p);
      this.connection.console.warn(p);
      void this.connection.window.showWarningMessage(`Dockerfile Doctor: ${p}`);
    }
    return settings;
  }
}
