/**
 * secret-in-arg-or-env — hadolint DL3064 and BuildKit's SecretsUsedInArgOrEnv as one rule:
 * an ARG or ENV whose name says it holds a secret. ENV values stay in the image; ARG values
 * in its history (`docker history` shows them for every RUN after the ARG). Secrets belong in
 * `RUN --mount=type=secret`.
 *
 * Names are split into `_`-separated words, as BuildKit does: a word `password`, `passwd`,
 * `pword`, `secret`, `token`, `auth`, `key`, `apikey`, `credential(s)` flags it, `public`
 * exempts it. From hadolint: its list of known secret names and the infixes `password`,
 * `secret`, `api_key`, `client_key` (catching `DBPASSWORD`). Not hadolint's `username`,
 * `private` and bare-`token` infixes, nor its non-secret names (user names, `TRAVIS_OS_NAME`…).
 */
import { t } from '../../l10n';
import type { Rule } from '../types';
import { keyValues } from './_vars';
import en from './secret-in-arg-or-env.md';
import zhCn from './secret-in-arg-or-env.zh-cn.md';

const SECRET_WORDS = new Set(['apikey', 'auth', 'credential', 'credentials', 'key', 'password', 'pword', 'passwd', 'secret', 'token']);
/**
 * Words that say the value is not the secret itself: BuildKit's `public`, and ours — a path or
 * URL to it, a key fingerprint, a setting about it.
 */
const SAFE_WORDS = new Set(['public', 'file', 'path', 'dir', 'url', 'uri', 'endpoint', 'host', 'server', 'gpg', 'fingerprint', 'type', 'method', 'mode', 'length', 'size', 'ttl', 'expiry', 'name', 'version', 'enabled', 'disabled', 'header', 'usage', 'keyring', 'keyserver']);
const INFIXES = ['password', 'passwd', 'secret', 'api_key', 'apikey', 'client_key', 'private_key', 'access_token', 'auth_token'];
/** hadolint's known sensitive names that do hold secrets. */
const KNOWN = new Set([
  'ACCESS_TOKEN', 'APPLICATION_KEY', 'APP_SECRET', 'AUTH_TOKEN', 'AWS_SECRET_ACCESS_KEY', 'BITTREX_API_KEY', 'BITTREX_API_SECRET',
  'CF_PASSWORD', 'CIRCLE_TOKEN', 'CI_DEPLOY_PASSWORD', 'DOCKERHUB_PASSWORD', 'DOCKER_PASSWORD', 'FACEBOOK_ACCESS_TOKEN',
  'FACEBOOK_APP_SECRET', 'FIREBASE_API_TOKEN', 'FIREBASE_TOKEN', 'FOSSA_API_KEY', 'GH_ENTERPRISE_TOKEN', 'GH_TOKEN',
  'GITHUB_ENTERPRISE_TOKEN', 'GITHUB_TOKEN', 'HEROKU_API_KEY', 'NPM_AUTH_TOKEN', 'NPM_TOKEN', 'OKTA_CLIENT_TOKEN',
  'OKTA_OAUTH2_CLIENTSECRET', 'OPENAI_API_KEY', 'OS_PASSWORD', 'POSTGRES_PASSWORD', 'SLACK_TOKEN', 'STRIPE_API_KEY',
  'VAULT_CLIENT_KEY', 'VAULT_TOKEN',
]);

/** Whether a variable name looks like it holds a secret. */
export function looksSecret(name: string): boolean {
  if (KNOWN.has(name.toUpperCase())) return true;
  const words = name.toLowerCase().split('_').filter(Boolean);
  if (words.some((w) => SAFE_WORDS.has(w))) return false;
  if (words.some((w) => SECRET_WORDS.has(w))) return true;
  const lower = name.toLowerCase();
  return INFIXES.some((s) => lower.includes(s));
}

export const secretInArgOrEnv: Rule = {
  id: 'secret-in-arg-or-env',
  defaultSeverity: 'warning',
  scope: 'instruction',
  related: { hadolint: 'DL3064', buildkit: 'SecretsUsedInArgOrEnv' },
  description: 'ARG or ENV name suggests it holds a secret',
  docs: { en, 'zh-cn': zhCn },
  check({ model, report }) {
    for (const outer of model.instructions) {
      const ins = outer.keyword === 'ONBUILD' && outer.trigger ? outer.trigger : outer;
      if (ins.keyword !== 'ARG' && ins.keyword !== 'ENV') continue;
      for (const kv of keyValues(model, ins)) {
        if (!looksSecret(kv.name)) continue;
        report({
          start: kv.nameStart,
          end: kv.nameEnd,
          message: ins.keyword === 'ENV'
            ? t('Do not pass secrets in ENV: the value of {0} stays in the image; use RUN --mount=type=secret', kv.name)
            : t('Do not pass secrets in ARG: the value of {0} is kept in the image history; use RUN --mount=type=secret', kv.name),
        });
      }
    }
  },
};
