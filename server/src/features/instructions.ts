/**
 * Reference data for the editor features: instructions, their flags and flag values, the
 * `--mount` types and options, parser directives and BuildKit's predefined build arguments.
 * Behaviour follows BuildKit's Dockerfile reference (docs.docker.com/reference/dockerfile).
 * English is the l10n key; the Chinese text lives in l10n/bundle.l10n.zh-cn.json.
 */

export interface InstructionDoc {
  summary: string;
  syntax: string;
}

export const INSTRUCTION_DOCS: Record<string, InstructionDoc> = {
  ADD: { summary: 'Adds local files, URLs or git repositories to the image; unpacks local tar archives.', syntax: 'ADD [--chown=<user>:<group>] [--chmod=<perms>] [--checksum=<hash>] <src>... <dest>' },
  ARG: { summary: 'Declares a build argument, set with `docker build --build-arg`.', syntax: 'ARG <name>[=<default value>]' },
  CMD: { summary: 'The default command of a container (or default arguments of ENTRYPOINT).', syntax: 'CMD ["executable", "param1", "param2"]' },
  COPY: { summary: 'Copies files and folders from the build context or another stage.', syntax: 'COPY [--from=<stage>] [--chown=<user>:<group>] [--chmod=<perms>] [--link] <src>... <dest>' },
  ENTRYPOINT: { summary: 'The executable a container runs.', syntax: 'ENTRYPOINT ["executable", "param1", "param2"]' },
  ENV: { summary: 'Sets environment variables for the following instructions and the container.', syntax: 'ENV <key>=<value> ...' },
  EXPOSE: { summary: 'Documents the ports the container listens on.', syntax: 'EXPOSE <port>[/<protocol>] ...' },
  FROM: { summary: 'Starts a build stage from a base image.', syntax: 'FROM [--platform=<platform>] <image>[:<tag>|@<digest>] [AS <name>]' },
  HEALTHCHECK: { summary: 'Tells how to check that the container still works.', syntax: 'HEALTHCHECK [--interval=30s] [--timeout=30s] [--retries=3] CMD <command> | HEALTHCHECK NONE' },
  LABEL: { summary: 'Adds metadata to the image.', syntax: 'LABEL <key>=<value> ...' },
  MAINTAINER: { summary: 'Deprecated: use LABEL org.opencontainers.image.authors instead.', syntax: 'MAINTAINER <name>' },
  ONBUILD: { summary: 'An instruction to run when the image is used as the base of another build.', syntax: 'ONBUILD <INSTRUCTION>' },
  RUN: { summary: 'Runs a command in a new layer: shell form with the stage SHELL, or exec form.', syntax: 'RUN [--mount=...] [--network=...] <command> | RUN ["executable", "param1"]' },
  SHELL: { summary: 'Sets the shell used by shell-form RUN, CMD and ENTRYPOINT.', syntax: 'SHELL ["executable", "parameters"]' },
  STOPSIGNAL: { summary: 'The signal that stops the container.', syntax: 'STOPSIGNAL <signal>' },
  USER: { summary: 'Sets the user (and group) for the following instructions and the container.', syntax: 'USER <user>[:<group>]' },
  VOLUME: { summary: 'Declares mount points for external volumes.', syntax: 'VOLUME ["/data"]' },
  WORKDIR: { summary: 'Sets the working directory for the following instructions.', syntax: 'WORKDIR /path/to/workdir' },
};

/** The snippet body a keyword completion inserts (LSP snippet syntax, after the keyword). */
export const KEYWORD_SNIPPETS: Record<string, string> = {
  ADD: '${1:src} ${2:dest}',
  ARG: '${1:NAME}${2:=${3:value}}',
  CMD: '["${1:executable}"${2:, "${3:param}"}]',
  COPY: '${1:src} ${2:dest}',
  ENTRYPOINT: '["${1:executable}"${2:, "${3:param}"}]',
  ENV: '${1:NAME}=${2:value}',
  EXPOSE: '${1:8080}',
  FROM: '${1:image}:${2:tag}',
  HEALTHCHECK: '--interval=${1:30s} --timeout=${2:5s} CMD ${3:command} || exit 1',
  LABEL: '${1:org.opencontainers.image.title}="${2:value}"',
  MAINTAINER: '${1:name}',
  ONBUILD: '${1:INSTRUCTION}',
  RUN: '${1:command}',
  SHELL: '["${1:/bin/sh}", "${2:-c}"]',
  STOPSIGNAL: '${1:SIGTERM}',
  USER: '${1:user}',
  VOLUME: '["${1:/data}"]',
  WORKDIR: '${1:/app}',
};

export interface FlagDoc {
  name: string;
  doc: string;
  /** Shown after `=` in the completion detail. */
  placeholder: string;
  /** Values offered after `--name=` (beyond stage names, variables …). */
  values?: string[];
  /** Whether the flag may stand alone (`--link`). */
  boolean?: boolean;
}

const CHOWN: FlagDoc = { name: 'chown', placeholder: '<user>:<group>', doc: 'Owner (user and group, names or numeric ids) of the copied files; the default is 0:0 (root).' };
const CHMOD: FlagDoc = { name: 'chmod', placeholder: '<perms>', values: ['644', '755', '0755', 'u=rwX,go=rX'], doc: 'Permissions of the copied files, octal (755) or symbolic (u=rwX,go=rX, Dockerfile 1.10+).' };
const LINK: FlagDoc = { name: 'link', placeholder: '[=true|false]', boolean: true, values: ['true', 'false'], doc: 'Copies into an independent layer that does not depend on the layers before, so it stays cached when the base image changes.' };
const EXCLUDE: FlagDoc = { name: 'exclude', placeholder: '<pattern>', doc: 'Leaves out the source paths that match this pattern (may be repeated; Dockerfile 1.7-labs and later).' };

/** The flags each instruction accepts (BuildKit's Dockerfile frontend). */
export const INSTRUCTION_FLAGS: Record<string, FlagDoc[]> = {
  FROM: [
    { name: 'platform', placeholder: '<platform>', doc: 'The platform of the base image, e.g. linux/amd64 or $BUILDPLATFORM for a stage that cross-compiles; the default is the target platform of the build.' },
  ],
  RUN: [
    { name: 'mount', placeholder: 'type=<type>[,<option>=<value>…]', doc: 'Mounts a file system for this RUN only: bind (the default type), cache, tmpfs, secret or ssh. Nothing mounted ends up in the layer.' },
    { name: 'network', placeholder: '<mode>', values: ['default', 'none', 'host'], doc: 'The network of the command: default (the normal network), none (no network access) or host (the host network, needs the network.host entitlement).' },
    { name: 'security', placeholder: '<mode>', values: ['insecure', 'sandbox'], doc: 'insecure runs the command without the sandbox, like a privileged container (needs the security.insecure entitlement); sandbox is the default.' },
  ],
  COPY: [
    { name: 'from', placeholder: '<stage|image|context>', doc: 'Copies from an earlier build stage (name or index), an image or a named build context instead of the build context.' },
    CHOWN,
    CHMOD,
    LINK,
    { name: 'parents', placeholder: '[=true|false]', boolean: true, values: ['true', 'false'], doc: 'Keeps the parent folders of each source below the destination (a /./ in the source marks where the kept part starts).' },
    EXCLUDE,
  ],
  ADD: [
    CHOWN,
    CHMOD,
    LINK,
    { name: 'checksum', placeholder: '<hash>', values: ['sha256:'], doc: 'The checksum of a remote source (sha256:…, or a git commit for a git URL); the build fails when it does not match.' },
    { name: 'keep-git-dir', placeholder: '[=true|false]', boolean: true, values: ['true', 'false'], doc: 'Keeps the .git folder when the source is a git repository.' },
    EXCLUDE,
  ],
  HEALTHCHECK: [
    { name: 'interval', placeholder: '<duration>', values: ['30s', '10s', '1m'], doc: 'Time between two checks (default 30s).' },
    { name: 'timeout', placeholder: '<duration>', values: ['30s', '5s', '10s'], doc: 'A check that takes longer than this fails (default 30s).' },
    { name: 'start-period', placeholder: '<duration>', values: ['0s', '30s', '1m'], doc: 'Startup time during which failed checks are not counted (default 0s).' },
    { name: 'start-interval', placeholder: '<duration>', values: ['5s', '1s'], doc: 'Time between two checks during the start period (default 5s; needs Docker Engine 25+).' },
    { name: 'retries', placeholder: '<n>', values: ['3', '5'], doc: 'Consecutive failures after which the container is unhealthy (default 3).' },
  ],
};

export interface MountTypeDoc {
  doc: string;
  options: string[];
}

/** `RUN --mount=type=…` and the options each type accepts. */
export const MOUNT_TYPES: Record<string, MountTypeDoc> = {
  bind: { doc: 'Mounts files or folders of the build context, a stage or an image, read-only unless rw is set (the default mount type).', options: ['target', 'source', 'from', 'rw'] },
  cache: { doc: 'Mounts a persistent cache folder shared between builds, for compilers and package managers.', options: ['target', 'id', 'sharing', 'from', 'source', 'mode', 'uid', 'gid', 'ro'] },
  tmpfs: { doc: 'Mounts an empty tmpfs file system.', options: ['target', 'size'] },
  secret: { doc: 'Mounts a secret passed with docker build --secret as a file (default /run/secrets/<id>) or an environment variable; it is never stored in the image.', options: ['id', 'target', 'env', 'required', 'mode', 'uid', 'gid'] },
  ssh: { doc: 'Mounts the SSH agent socket passed with docker build --ssh, e.g. for git clone over SSH.', options: ['id', 'target', 'required', 'mode', 'uid', 'gid'] },
};

export interface MountOptionDoc {
  doc: string;
  values?: string[];
  /** Written without `=value` (rw, ro). */
  boolean?: boolean;
}

export const MOUNT_OPTIONS: Record<string, MountOptionDoc> = {
  type: { doc: 'The mount type: bind (default), cache, tmpfs, secret or ssh.', values: ['bind', 'cache', 'tmpfs', 'secret', 'ssh'] },
  target: { doc: 'The mount path inside the container (also dst or destination).' },
  source: { doc: 'The path in from (bind, cache) or the build context to mount (also src); defaults to its root.' },
  from: { doc: 'The stage, image or named context the source comes from (bind: default is the build context; cache: default is an empty folder).' },
  rw: { doc: 'Makes a bind mount writable; what is written is discarded after the RUN (also readwrite).', boolean: true },
  ro: { doc: 'Makes a cache mount read-only (also readonly).', boolean: true },
  id: { doc: 'The identifier of the cache, secret or SSH agent socket (cache: default is the target path; secret, ssh: default is the target name or "default").' },
  sharing: { doc: 'How concurrent builds share a cache: shared (the default, all at once), private (each gets its own copy) or locked (one after another).', values: ['shared', 'private', 'locked'] },
  mode: { doc: 'File mode of the mount in octal (cache: 0755, secret: 0400, ssh: 0600 by default).', values: ['0755', '0400', '0600'] },
  uid: { doc: 'User id owning the mount (default 0).', values: ['0', '1000'] },
  gid: { doc: 'Group id owning the mount (default 0).', values: ['0', '1000'] },
  size: { doc: 'The size limit of the tmpfs file system.', values: ['64m', '1g'] },
  required: { doc: 'Fails the build when the secret or SSH socket is not provided (default false).', values: ['true', 'false'] },
  env: { doc: 'Exposes the secret as this environment variable instead of a file (Dockerfile 1.10+).' },
};

/** Alternative spellings of mount options, as BuildKit accepts them. */
export const MOUNT_OPTION_ALIASES: Record<string, string> = {
  dst: 'target', destination: 'target', src: 'source', readwrite: 'rw', readonly: 'ro',
};

export interface DirectiveDoc {
  doc: string;
  values: string[];
}

export const DIRECTIVES: Record<string, DirectiveDoc> = {
  syntax: { doc: 'The Dockerfile frontend image BuildKit builds this file with, e.g. docker/dockerfile:1 (the latest 1.x release). Must be in the first lines, before any instruction or other comment.', values: ['docker/dockerfile:1', 'docker/dockerfile:1-labs'] },
  escape: { doc: 'The escape and line-continuation character: \\ (the default) or ` (handy on Windows, where \\ separates paths).', values: ['\\', '`'] },
  check: { doc: 'Configures BuildKit\'s build checks: skip=<names> turns checks off (or skip=all), error=true makes a failed check fail the build.', values: ['skip=', 'error=true', 'skip=all'] },
};

/** BuildKit's automatic platform arguments (global scope: FROM lines, or redeclared with `ARG NAME`). */
export const PREDEFINED_ARGS: Record<string, string> = {
  TARGETPLATFORM: 'Platform of the build result, e.g. linux/amd64 (automatic platform ARG).',
  TARGETOS: 'OS of the build result, e.g. linux (automatic platform ARG).',
  TARGETARCH: 'Architecture of the build result, e.g. amd64 or arm64 (automatic platform ARG).',
  TARGETVARIANT: 'Variant of the target architecture, e.g. v7 (automatic platform ARG).',
  BUILDPLATFORM: 'Platform of the machine running the build, e.g. linux/amd64 (automatic platform ARG).',
  BUILDOS: 'OS of the machine running the build (automatic platform ARG).',
  BUILDARCH: 'Architecture of the machine running the build (automatic platform ARG).',
  BUILDVARIANT: 'Variant of the architecture of the machine running the build (automatic platform ARG).',
};

/** Proxy arguments: usable in RUN without an ARG, never stored in the image history. */
export const PROXY_ARGS = ['HTTP_PROXY', 'http_proxy', 'HTTPS_PROXY', 'https_proxy', 'FTP_PROXY', 'ftp_proxy', 'NO_PROXY', 'no_proxy', 'ALL_PROXY', 'all_proxy'];
export const PROXY_DOC = 'Predefined proxy argument: usable without an ARG line and left out of the image history.';

export const PLATFORMS = ['$BUILDPLATFORM', '$TARGETPLATFORM', 'linux/amd64', 'linux/arm64', 'linux/arm/v7', 'linux/arm/v6', 'linux/386', 'linux/ppc64le', 'linux/s390x', 'linux/riscv64', 'windows/amd64'];

/** BuildKit's build checks (docs.docker.com/reference/build-checks), for `# check=skip=`. */
export const BUILDKIT_CHECKS = [
  'ConsistentInstructionCasing', 'CopyIgnoredFile', 'DuplicateStageName', 'ExposeInvalidFormat', 'ExposeProtoCasing',
  'FromAsCasing', 'FromPlatformFlagConstDisallowed', 'InvalidBaseImagePlatform', 'InvalidDefaultArgInFrom',
  'InvalidDefinitionDescription', 'JSONArgsRecommended', 'LegacyKeyValueFormat', 'MaintainerDeprecated',
  'MultipleInstructionsDisallowed', 'NoEmptyContinuation', 'RedundantTargetPlatform', 'ReservedStageName',
  'SecretsUsedInArgOrEnv', 'StageNameCasing', 'UndefinedArgInFrom', 'UndefinedVar', 'WorkdirRelativePath',
];

/** Docs page of a BuildKit check: `JSONArgsRecommended` → …/build-checks/json-args-recommended/. */
export function buildkitCheckUrl(name: string): string {
  const kebab = name.replace(/([a-z0-9])([A-Z])/g, '$1-$2').replace(/([A-Z]+)([A-Z][a-z])/g, '$1-$2').toLowerCase();
  return `https://docs.docker.com/reference/build-checks/${kebab}/`;
}

/** Docs page of an instruction in the Dockerfile reference. */
export function referenceUrl(keyword: string): string {
  return `https://docs.docker.com/reference/dockerfile/#${keyword.toLowerCase()}`;
}

/** Every English text of this file (the meta-test checks each has its translation). */
export function referenceMessages(): string[] {
  const out: string[] = [PROXY_DOC];
  for (const i of Object.values(INSTRUCTION_DOCS)) out.push(i.summary);
  for (const flags of Object.values(INSTRUCTION_FLAGS)) for (const f of flags) out.push(f.doc);
  for (const m of Object.values(MOUNT_TYPES)) out.push(m.doc);
  for (const m of Object.values(MOUNT_OPTIONS)) out.push(m.doc);
  for (const d of Object.values(DIRECTIVES)) out.push(d.doc);
  out.push(...Object.values(PREDEFINED_ARGS));
  return out;
}
