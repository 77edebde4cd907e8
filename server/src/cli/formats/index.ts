/** The report formats by name (`--format`, `-o FORMAT=FILE`, the config file's `format`). */
import { formatCodacy, formatCodeclimate, formatGitlab, formatSonarqube } from './issues';
import { formatJson } from './json';
import { formatGithub, formatGnu } from './lines';
import { formatSarif } from './sarif';
import { formatTty } from './tty';
import type { Formatter } from './types';
import { formatCheckstyle, formatJunit } from './xml';

export const FORMATTERS: Readonly<Record<string, Formatter>> = {
  tty: formatTty,
  json: formatJson,
  sarif: formatSarif,
  checkstyle: formatCheckstyle,
  codeclimate: formatCodeclimate,
  gitlab_codeclimate: formatGitlab,
  gnu: formatGnu,
  github: formatGithub,
  junit: formatJunit,
  sonarqube: formatSonarqube,
  codacy: formatCodacy,
};

export type { FileResult, FormatOptions, Formatter } from './types';
