/**
 * maven-without-cache-mount (hadolint DL3071) — `mvn` (or `./mvnw`) with a goal that resolves
 * dependencies (`compile`, `package`, `install`, `dependency:go-offline` …) downloads them into
 * the local repository, ~/.m2/repository, on every build that misses the layer cache. The fix
 * mounts the repository, not ~/.m2 (which holds settings.xml). `-Dmaven.repo.local=` on the
 * command or in MAVEN_OPTS / MAVEN_ARGS moves it. `mvn -v`, `mvn help:…` are not reported.
 */
import type { Rule } from '../../types';
import { cacheMountRule, pathDir, propertyInOptions, systemProperty } from './_cacheMount';
import en from './maven-without-cache-mount.md';
import zhCn from './maven-without-cache-mount.zh-cn.md';

const PHASES = new Set(['compile', 'test-compile', 'test', 'package', 'integration-test', 'verify', 'install', 'deploy']);
const DEPENDENCY_GOALS = new Set(['resolve', 'go-offline', 'resolve-plugins', 'copy-dependencies', 'tree', 'sources']);

/** A lifecycle phase that resolves dependencies, or a dependency-plugin goal (`dependency:go-offline`, `org.apache.maven.plugins:maven-dependency-plugin:3.6.1:resolve`). */
function resolves(goal: string): boolean {
  if (PHASES.has(goal)) return true;
  const parts = goal.split(':');
  return parts.length >= 2 && DEPENDENCY_GOALS.has(parts[parts.length - 1])
    && parts.slice(0, -1).some((p) => p === 'dependency' || p === 'maven-dependency-plugin');
}

export const mavenWithoutCacheMount: Rule = cacheMountRule({
  id: 'maven-without-cache-mount',
  related: { hadolint: 'DL3071' },
  description: 'mvn without a BuildKit cache mount on the local Maven repository',
  docs: { en, 'zh-cn': zhCn },
}, {
  name: 'Maven',
  programs: ['mvn', 'mvnw'],
  valueOptions: new Set(['-f', '--file', '-s', '--settings', '-gs', '--global-settings', '-t', '--toolchains', '-P', '--activate-profiles', '-pl', '--projects', '-rf', '--resume-from', '-T', '--threads', '-l', '--log-file', '-b', '--builder', '-D', '--define']),
  vars: ['MAVEN_OPTS', 'MAVEN_ARGS'],
  hadolint: ['.m2'],
  trigger(call) {
    return call.positionals.find((w) => w.value !== null && resolves(w.value)) ?? null;
  },
  dirs(call, env) {
    const repo = systemProperty(call.inv.args, 'maven.repo.local')
      ?? propertyInOptions(env.get('MAVEN_ARGS'), 'maven.repo.local')
      ?? propertyInOptions(env.get('MAVEN_OPTS'), 'maven.repo.local');
    if (repo === undefined) return [env.home('.m2/repository')];
    return [pathDir(repo, repo ?? '-Dmaven.repo.local')];
  },
});
