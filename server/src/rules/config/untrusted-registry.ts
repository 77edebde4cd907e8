/**
 * untrusted-registry — `FROM` pulls from a registry outside `trustedRegistries` (hadolint
 * DL3026). Silent until registries are configured. A bare name (`alpine`, `library/nginx`)
 * is Docker Hub (`docker.io`); `*.gcr.io` matches any subdomain; stage references, `scratch`
 * and images built from variables (unknown until build time) are exempt.
 */
import { t } from '../../l10n';
import type { Rule } from '../types';
import type { Range } from '../../text';
import en from './untrusted-registry.md';
import zhCn from './untrusted-registry.zh-cn.md';

interface FromFact {
  range: Range;
  image: string;
  name: string | null;
}

/** The registry an image reference pulls from (`docker.io` for Docker Hub names). */
export function registryOf(image: string): string {
  const slash = image.indexOf('/');
  if (slash < 0) return 'docker.io';
  const first = image.slice(0, slash);
  return first.includes('.') || first.includes(':') || first === 'localhost' ? first.toLowerCase() : 'docker.io';
}

const DOCKER_HUB = new Set(['docker.io', 'index.docker.io', 'registry-1.docker.io', 'registry.hub.docker.com']);

/** A trusted-registry pattern matches a registry: exactly, or `*` for any characters but `/`. */
export function registryMatches(pattern: string, registry: string): boolean {
  const p = pattern.trim().toLowerCase().replace(/^[a-z]+:\/\//, '').replace(/\/+$/, '');
  if (!p) return false;
  if (!p.includes('*')) return p === registry || (DOCKER_HUB.has(p) && DOCKER_HUB.has(registry));
  const parts = p.split('*');
  let at = 0;
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i];
    if (i === 0) {
      if (!registry.startsWith(part)) return false;
      at = part.length;
    } else if (i === parts.length - 1) {
      if (registry.length - part.length < at || !registry.endsWith(part)) return false;
      if (registry.slice(at, registry.length - part.length).includes('/')) return false;
      at = registry.length;
    } else {
      const k = registry.indexOf(part, at);
      if (k < 0 || registry.slice(at, k).includes('/')) return false;
      at = k + part.length;
    }
  }
  return true;
}

export const untrustedRegistry: Rule = {
  id: 'untrusted-registry',
  defaultSeverity: 'error',
  related: { hadolint: 'DL3026' },
  description: 'FROM image from a registry that is not trusted',
  docs: { en, 'zh-cn': zhCn },
  check(ctx) {
    for (const ins of ctx.model.instructions) {
      if (ins.keyword !== 'FROM' || ins.args.length === 0) continue;
      const a = ins.args[0];
      const name = ins.args.length >= 3 && ins.args[1].value.toLowerCase() === 'as' ? ins.args[2].value.toLowerCase() : null;
      ctx.fact({ range: ctx.range(a.start, a.end), image: a.value, name } satisfies FromFact);
    }
  },
  checkFile(ctx) {
    const trusted = ctx.settings.trustedRegistries ?? [];
    if (trusted.length === 0) return;
    const stages = new Set<string>();
    for (const f of ctx.facts as FromFact[]) {
      const image = f.image;
      const lower = image.toLowerCase();
      const exempt = lower === 'scratch' || stages.has(lower) || image.includes('$');
      if (f.name) stages.add(f.name);
      if (exempt) continue;
      const registry = registryOf(image);
      if (trusted.some((p) => registryMatches(p, registry))) continue;
      ctx.report({
        range: f.range,
        message: t('Image "{0}" comes from registry "{1}", which is not trusted (trusted: {2})', image, registry, trusted.join(', ')),
        instructionLine: f.range.start.line,
      });
    }
  },
};
