import { before, describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { expectNone, findingsOf, ready } from '../../helpers';
import { looksSecret } from '../../../server/src/rules/variables/secret-in-arg-or-env';

const RULE = 'secret-in-arg-or-env';

describe(RULE, () => {
  before(() => ready);

  it('flags secret-looking ARG and ENV names at the name', () => {
    const found = findingsOf('FROM alpine\nARG GITHUB_TOKEN\nENV DB_PASSWORD=x API_KEY=y\nONBUILD ARG NPM_TOKEN\n', RULE);
    assert.deepEqual(found.map((f) => `${f.range.start.line}:${f.range.start.character}`), ['1:4', '2:4', '2:18', '3:12']);
    assert.match(found[1].message, /ENV/);
    assert.match(found[0].message, /history/);
  });
  it('BuildKit words, hadolint names and infixes', () => {
    for (const n of ['AUTH', 'api_key', 'MY_SECRET_VALUE', 'aws_secret_access_key', 'AWS_ACCESS_KEY_ID', 'DBPASSWORD', 'SSH_KEY', 'Credentials', 'GITHUB_TOKEN', 'OPENAI_API_KEY', 'pword']) assert.ok(looksSecret(n), n);
  });
  it('not: public, paths, fingerprints, user names, settings', () => {
    for (const n of ['PUBLIC_KEY', 'POSTGRES_PASSWORD_FILE', 'GPG_KEY', 'OS_AUTH_URL', 'APT_KEY_DONT_WARN_ON_DANGEROUS_USAGE', 'USERNAME', 'GOPRIVATE', 'TOKENIZERS_PARALLELISM', 'KEYCLOAK_VERSION', 'MONKEY', 'TRAVIS_OS_NAME', 'AUTHOR', 'TOKEN_TYPE']) assert.ok(!looksSecret(n), n);
  });
  it('ignores with either code', () => {
    expectNone('FROM alpine\n# hadolint ignore=DL3064\nARG GITHUB_TOKEN\n', RULE);
    expectNone('# check=skip=SecretsUsedInArgOrEnv\nFROM alpine\nARG GITHUB_TOKEN\n', RULE);
  });
  it('legacy form and global ARGs', () => {
    assert.equal(findingsOf('ARG SECRET\nFROM alpine\nENV PASSWORD hunter2\n', RULE).length, 2);
  });
});
