/**
 * gradle-without-cache-mount (hadolint DL3072) — `gradle` or `./gradlew` downloads
 * dependencies (and, for the wrapper, Gradle itself) into the Gradle user home, ~/.gradle, on
 * every build that misses the layer cache. The fix mounts ~/.gradle/caches (and
 * ~/.gradle/wrapper for the wrapper), not ~/.gradle, which holds gradle.properties and init
 * scripts. `-g` / `--gradle-user-home`, `-Dgradle.user.home=` and GRADLE_USER_HOME move it.
 * `gradle --version`, `--help`, `--stop` are not reported.
 */
import type { Rule } from '../../types';
import { cacheMountRule, pathDir, systemProperty, under } from './_cacheMount';
import en from './gradle-without-cache-mount.md';
import zhCn from './gradle-without-cache-mount.zh-cn.md';

export const gradleWithoutCacheMount: Rule = cacheMountRule({
  id: 'gradle-without-cache-mount',
  related: { hadolint: 'DL3072' },
  description: 'gradle without a BuildKit cache mount on the Gradle caches',
  docs: { en, 'zh-cn': zhCn },
}, {
  name: 'Gradle',
  programs: ['gradle', 'gradlew'],
  valueOptions: new Set(['-g', '--gradle-user-home', '-p', '--project-dir', '-b', '--build-file', '-c', '--settings-file', '-x', '--exclude-task', '-I', '--init-script', '--include-build', '--console', '--warning-mode', '--priority', '--project-cache-dir', '--max-workers', '-D', '-P', '-M', '--write-verification-metadata', '--dependency-verification']),
  vars: ['GRADLE_USER_HOME', 'GRADLE_OPTS', 'JAVA_OPTS'],
  hadolint: ['.gradle'],
  trigger(call) {
    const tasks = call.positionals;
    if (tasks.length === 0 && call.args.has('-v', '--version', '-h', '--help', '-?', '--stop', '--status')) return null;
    return tasks[tasks.length - 1] ?? { end: call.inv.programEnd };
  },
  dirs(call, env) {
    const option = call.args.valueOf('-g', '--gradle-user-home') ?? systemProperty(call.inv.args, 'gradle.user.home');
    const home = option !== undefined ? pathDir(option, option ?? '--gradle-user-home') : env.dirOf('GRADLE_USER_HOME', () => env.home('.gradle'));
    return call.inv.program === 'gradlew' ? [under(home, 'caches'), under(home, 'wrapper')] : [under(home, 'caches')];
  },
});
