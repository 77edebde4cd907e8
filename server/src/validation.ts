/**
 * Validation scheduling: one Linter per document; a change while a lint runs cancels it
 * (the stale result is never published) and the newest text is linted next.
 */
import type { Connection } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { ConfigStore } from './config';
import { FindingLookup, toDiagnostic } from './features/diagnostics';
import { hostFs } from './host/host';
import { Linter, type Finding } from './lint';
import { resolveContext } from './rules/context/_fs';
import type { LintContext } from './rules/types';

interface DocState {
  linter: Linter;
  running: boolean;
  again: boolean;
  /** Problems already written to the log for this document (each is logged once). */
  logged: Set<string>;
  /** The findings last published, with their version (for hover and code actions). */
  published: FindingLookup;
}

export class Validator {
  private states = new Map<string, DocState>();

  constructor(
    private readonly connection: Connection,
    private readonly config: ConfigStore,
    private readonly current: (uri: string) => TextDocument | undefined,
    private readonly ready: Promise<void>,
    /** The workspace folders (file paths): a Dockerfile gets a build context only inside one. */
    private readonly workspaceRoots: () => readonly string[] = () => [],
    /** Called once, after the first diagnostics were published. */
    private onFirstPublish?: () => void,
  ) {}

  schedule(uri: string): void {
    let st = this.states.get(uri);
    if (!st) {
      st = { linter: new Linter(), running: false, again: false, logged: new Set(), published: new FindingLookup(-1, []) };
      this.states.set(uri, st);
    }
    if (st.running) {
      st.again = true;
      return;
    }
    void this.run(uri, st);
  }

  /** The document's warm linter (its chunk cache makes a fix-all on a big file cheap). */
  linterFor(uri: string): Linter | undefined {
    return this.states.get(uri)?.linter;
  }

  /** The findings last published for a document. */
  findingsFor(uri: string): readonly Finding[] {
    return this.states.get(uri)?.published.findings ?? [];
  }

  /** The findings last published for a document, to find a diagnostic's fixes by. */
  publishedFor(uri: string): FindingLookup | undefined {
    return this.states.get(uri)?.published;
  }

  scheduleAll(uris: Iterable<string>): void {
    for (const uri of uris) this.schedule(uri);
  }

  close(uri: string): void {
    this.states.get(uri)?.linter.dispose();
    this.states.delete(uri);
    void this.connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  /** The file's build context: only for files on disk inside a workspace folder (none without a file system). */
  private contextOf(uri: string, setting: string | undefined): LintContext | undefined {
    const file = hostFs()?.uriToPath(uri);
    if (file === undefined) return undefined;
    const roots = this.workspaceRoots();
    if (roots.length === 0) return undefined;
    try {
      return resolveContext(file, setting, roots);
    } catch {
      return undefined;
    }
  }

  private async run(uri: string, st: DocState): Promise<void> {
    st.running = true;
    try {
      do {
        st.again = false;
        await this.ready;
        const doc = this.current(uri);
        if (!doc || this.states.get(uri) !== st) return;
        const version = doc.version;
        const settings = await this.config.get(uri);
        const stale = () => st.again || this.current(uri)?.version !== version || this.states.get(uri) !== st;
        if (stale()) {
          st.again = true;
          continue;
        }
        let findings: Finding[] | undefined;
        try {
          findings = await st.linter.lintAsync(doc.getText(), settings, stale, this.contextOf(uri, settings.buildContext));
        } catch (e) {
          this.connection.console.error(`Linting ${uri} failed: ${(e as Error)?.stack ?? e}`);
          findings = [];
        }
        for (const err of st.linter.lastErrors) {
          if (st.logged.has(err) || st.logged.size > 100) continue;
          st.logged.add(err);
          // A part left unchecked on purpose (a line too long) is a warning; the rest are bugs.
          if (err.includes('not checked')) this.connection.console.warn(`${uri}: ${err}`);
          else this.connection.console.error(`${uri}: ${err}`);
        }
        if (findings === undefined || stale()) {
          st.again = true;
          continue;
        }
        st.published = new FindingLookup(version, findings);
        await this.connection.sendDiagnostics({ uri, version, diagnostics: findings.map(toDiagnostic) });
        if (this.onFirstPublish) {
          const first = this.onFirstPublish;
          this.onFirstPublish = undefined;
          first();
        }
      } while (st.again);
    } finally {
      st.running = false;
    }
  }
}
