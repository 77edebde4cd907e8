/**
 * Document links: a FROM image opens its registry page (Docker Hub for library and user
 * images, the registry's host otherwise), a local COPY/ADD source opens the file. The server
 * only builds the addresses: it never fetches them. Without a file system (the browser) only
 * the image links are made.
 */
import type { DocumentLink } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { hostFs } from '../host/host';
import { t } from '../l10n';
import { indexFor, memo, type SymbolIndex } from './symbolsIndex';

const DOCKER_HUB = new Set(['docker.io', 'index.docker.io', 'registry-1.docker.io', 'registry.hub.docker.com']);

/**
 * The registry page of an image reference (`alpine:3.20`, `bitnami/redis`,
 * `ghcr.io/owner/app@sha256:…`), or null for `scratch`, variables and what is not an image.
 * Returns the address and the length of the name part (without tag or digest).
 */
export function imageLink(ref: string): { url: string; length: number } | null {
  if (ref === '' || ref.includes('$') || ref.toLowerCase() === 'scratch') return null;
  const at = ref.indexOf('@');
  let name = at >= 0 ? ref.slice(0, at) : ref;
  const lastSlash = name.lastIndexOf('/');
  const colon = name.indexOf(':', lastSlash + 1);
  if (colon >= 0) name = name.slice(0, colon);
  if (!/^[A-Za-z0-9][A-Za-z0-9._\-/:]*$/.test(name) || name.endsWith('/') || name.includes('//')) return null;
  const parts = name.split('/');
  const first = parts[0];
  const hasHost = parts.length > 1 && (first.includes('.') || first.includes(':') || first === 'localhost');
  const host = hasHost ? first.toLowerCase() : 'docker.io';
  const repo = (hasHost ? parts.slice(1) : parts).join('/').toLowerCase();
  if (repo === '') return null;
  if (DOCKER_HUB.has(host)) {
    const segs = repo.split('/');
    if (segs.length === 1 || (segs.length === 2 && segs[0] === 'library')) return { url: `https://hub.docker.com/_/${segs[segs.length - 1]}`, length: name.length };
    if (segs.length === 2) return { url: `https://hub.docker.com/r/${segs[0]}/${segs[1]}`, length: name.length };
    return null;
  }
  // A local or private registry by address has no public page.
  if (host === 'localhost' || host.startsWith('localhost:') || /^[0-9.]+(?::[0-9]+)?$/.test(host) || host.startsWith('[')) return null;
  if (host === 'quay.io') return { url: `https://quay.io/repository/${repo}`, length: name.length };
  return { url: `https://${host}/${repo}`, length: name.length };
}

export function documentLinks(doc: TextDocument): DocumentLink[] {
  const index = indexFor(doc);
  return index ? memo(index, `links ${doc.uri}`, () => links(doc, index)) : [];
}

function links(doc: TextDocument, index: SymbolIndex): DocumentLink[] {
  const out: DocumentLink[] = [];
  const stageNames = new Set(index.stages.map((s) => s.name).filter((n): n is string => n !== null));
  for (const st of index.stages) {
    if (!st.image || st.parent !== null || stageNames.has(st.image.value.toLowerCase())) continue;
    const link = imageLink(st.image.value);
    if (!link) continue;
    out.push({ range: index.model.range(st.image.start, st.image.start + link.length), target: link.url, tooltip: t('Open {0}', link.url) });
  }
  if (doc.uri.startsWith('file:') && hostFs()) out.push(...sourceLinks(doc, index));
  return out;
}

/** COPY/ADD sources that are files next to the Dockerfile (not globs, URLs, variables or other stages). */
function sourceLinks(doc: TextDocument, index: SymbolIndex): DocumentLink[] {
  const fs = hostFs();
  const docPath = fs?.uriToPath(doc.uri);
  if (!fs || docPath === undefined) return [];
  const path = fs.path;
  let dir: string;
  try {
    dir = path.dirname(docPath);
  } catch {
    return [];
  }
  const out: DocumentLink[] = [];
  const seen = new Map<string, string | null>();
  for (const ins of index.model.instructions) {
    if (ins.keyword !== 'COPY' && ins.keyword !== 'ADD') continue;
    if (ins.flags.some((f) => f.name === 'from') || Array.isArray(ins.json) || ins.json === null) continue;
    const sources = ins.args.slice(0, -1);
    for (const a of sources) {
      const v = a.value;
      if (v === '' || v.startsWith('<<') || /[*?[$\\`'"]/.test(v) || v.includes('://') || v.startsWith('git@')) continue;
      let target = seen.get(v);
      if (target === undefined) {
        target = null;
        try {
          // Sources are relative to the build context even when written `/app.py`; none leave it.
          const file = path.join(dir, v);
          const rel = path.relative(dir, file);
          if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) continue;
          if (fs.stat(file)?.isFile) target = fs.pathToUri(file);
        } catch {
          target = null;
        }
        seen.set(v, target);
      }
      if (target) out.push({ range: index.model.range(a.start, a.end), target });
    }
  }
  return out;
}
