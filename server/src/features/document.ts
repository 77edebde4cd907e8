/**
 * One model per open document version, shared by every editor feature (symbols, folding,
 * hover, completion, formatting, rename …): a request never re-parses a file that another
 * request of the same version has parsed. The model is assembled from per-stage chunks
 * (`chunkedModel.ts`), each parsed once and cached by its text, so the first request after a
 * keystroke re-parses one stage, not the file. Bounded: the last few documents used are kept.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { DockerfileModel } from '../model';
import { ChunkedModels } from './chunkedModel';

const LIMIT = 8;
const cache = new Map<string, { version: number; model: DockerfileModel | null; models: ChunkedModels }>();

/** The document's model, or null when it cannot be read at all (never throws). */
export function modelFor(doc: TextDocument): DockerfileModel | null {
  const hit = cache.get(doc.uri);
  if (hit && hit.version === doc.version) {
    // Most recently used last.
    cache.delete(doc.uri);
    cache.set(doc.uri, hit);
    return hit.model;
  }
  const models = hit?.models ?? new ChunkedModels();
  let model: DockerfileModel | null;
  try {
    model = models.build(doc.getText());
  } catch {
    model = null;
  }
  cache.delete(doc.uri);
  cache.set(doc.uri, { version: doc.version, model, models });
  while (cache.size > LIMIT) cache.delete(cache.keys().next().value as string);
  return model;
}

/** Drops a closed document's model. */
export function forgetModel(uri: string): void {
  cache.delete(uri);
}
