/**
 * One parsed model per open document version, shared by every editor feature (symbols,
 * folding, hover, completion, rename …): a request never re-parses a file that another
 * request of the same version has parsed. Bounded: the models of the last few versions of a
 * few documents are kept, never more.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { DockerfileModel } from '../model';

const LIMIT = 8;
const cache = new Map<string, { version: number; model: DockerfileModel | null }>();

/** The document's model, or null when dockerfile-ast cannot read it (never throws). */
export function modelFor(doc: TextDocument): DockerfileModel | null {
  const hit = cache.get(doc.uri);
  if (hit && hit.version === doc.version) {
    // Most recently used last.
    cache.delete(doc.uri);
    cache.set(doc.uri, hit);
    return hit.model;
  }
  let model: DockerfileModel | null;
  try {
    model = new DockerfileModel(doc.getText());
  } catch {
    try {
      model = new DockerfileModel(doc.getText().replace(/\r(?!\n)/g, '\n'));
    } catch {
      model = null;
    }
  }
  cache.delete(doc.uri);
  cache.set(doc.uri, { version: doc.version, model });
  while (cache.size > LIMIT) cache.delete(cache.keys().next().value as string);
  return model;
}

/** Drops a closed document's model. */
export function forgetModel(uri: string): void {
  cache.delete(uri);
}
