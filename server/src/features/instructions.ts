/**
 * One-line descriptions of the Dockerfile instructions, for hover and completion.
 * English is the l10n key; the Chinese text lives in l10n/bundle.l10n.zh-cn.json.
 */
export const INSTRUCTION_DOCS: Record<string, { summary: string; syntax: string }> = {
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
