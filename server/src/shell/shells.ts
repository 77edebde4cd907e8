/**
 * Which shell a RUN runs with: POSIX shells (whose scripts the shell rules read) versus
 * PowerShell / cmd (set with SHELL, or the default of a Windows base image).
 */

/** `sh`, `bash`, `ash`, `dash`, `zsh`, `ksh`, `mksh`, by path or bare name. */
export const POSIX_SHELL = /(?:^|\/)(?:sh|bash|ash|dash|zsh|ksh|mksh)$/;

/** Windows base images: their default shell is `cmd /S /C`. */
export const WINDOWS_IMAGE = /(?:^|[/:._-])(?:windows|windowsservercore|servercore|nanoserver)(?:$|[/:._-])|^mcr\.microsoft\.com\/dotnet\/framework\//i;

/**
 * Whether RUN scripts are POSIX shell scripts: `shell` is the SHELL in force (null: the default),
 * `image` the stage's base image. An unreadable SHELL (`undefined`) counts as not POSIX.
 */
export function isPosixShell(shell: readonly string[] | null | undefined, image: string): boolean {
  if (shell === undefined) return false;
  if (shell === null) return !WINDOWS_IMAGE.test(image);
  return shell.length > 0 && POSIX_SHELL.test(shell[0]);
}
