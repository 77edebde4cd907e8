/**
 * The mirror and recipe snippets of snippets/dockerfile.code-snippets (the single source, bundled
 * into the server as JSON), served as completion items so every LSP editor gets them and their
 * names and descriptions are localised like every other message. The file's descriptions are
 * "English — 中文": the English part is the l10n key (the Chinese one is in the bundle, a test
 * checks both agree).
 */
import raw from '../../../../snippets/dockerfile.code-snippets';

export interface Snippet {
  /** The snippet's name (the key in the file), English. */
  name: string;
  prefixes: string[];
  body: string;
  /** English description. */
  description: string;
}

interface SnippetJson {
  prefix?: unknown;
  body?: unknown;
  description?: unknown;
}

function load(): Snippet[] {
  const out: Snippet[] = [];
  for (const [name, value] of Object.entries(raw as Record<string, SnippetJson>)) {
    const prefixes = (Array.isArray(value.prefix) ? value.prefix : [value.prefix]).filter((p): p is string => typeof p === 'string');
    const body = Array.isArray(value.body) ? value.body.join('\n') : typeof value.body === 'string' ? value.body : '';
    const description = typeof value.description === 'string' ? value.description.split(' — ')[0].trim() : '';
    if (prefixes.length > 0 && body) out.push({ name, prefixes, body, description });
  }
  return out;
}

export const SNIPPETS: readonly Snippet[] = load();

/** The English texts of the snippets (names and descriptions), for the l10n meta-test. */
export function snippetMessages(): string[] {
  return SNIPPETS.flatMap((s) => [s.name, s.description]);
}
