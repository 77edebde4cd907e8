import { before, describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { expectFix, expectNoFix, expectNone, findingsOf, ready } from '../../helpers';
import { Linter } from '../../../server/src/lint';

const PIP = 'pip-install-without-pin';
const CACHE = 'pip-install-without-no-cache-dir';
const NPM = 'npm-install-without-pin';
const GEM = 'gem-install-without-pin';
const GO = 'go-install-without-version';
const YARN = 'yarn-install-without-cache-clean';
const PECL = 'pecl-install-without-pin';
const P = 'FROM python:3.12\n';
const N = 'FROM node:20\n';
const PHP = 'FROM php:8.3-cli\n';

describe(PIP, () => {
  before(() => ready);
  it('flags unpinned requirements, one finding per command', () => {
    const [f, ...rest] = findingsOf(`${P}RUN pip install --no-cache-dir flask requests==2.32.3 gunicorn\n`, PIP);
    assert.equal(rest.length, 0);
    assert.match(f.message, /flask, gunicorn/);
    for (const cmd of ['pip3 install x', 'pip3.12 install x', 'python3 -m pip install x', 'python -I -m pip install x', 'sudo -H pip install x',
      'pip install --upgrade pip', 'pip install git+https://github.com/org/repo', 'pip install -i https://pypi.org/simple x']) {
      assert.equal(findingsOf(`${P}RUN ${cmd.replace('install', 'install --no-cache-dir')}\n`, PIP).length, 1, cmd);
    }
    assert.equal(findingsOf(`${P}ONBUILD RUN pip install --no-cache-dir x\n`, PIP).length, 1);
  });
  it('accepts specifiers, files, local installs, archives, URLs, pinned VCS, expansions', () => {
    for (const args of ['flask==3.0.3', "'flask>=3,<4'", "'flask~=3.0'", '"flask[async]==3.0.3"', "'name @ https://x/y.whl'",
      '-r requirements.txt', '--requirement=req.txt', '-rreq.txt', '-c constraints.txt flask', '--constraint c.txt flask',
      '-e .', '--editable ./lib', '.', '..', './pkg', '/src/pkg', 'dist/app-1.0-py3-none-any.whl', 'x.tar.gz', 'https://x/y.zip',
      'git+https://github.com/org/repo@v1.2#egg=repo', 'git+ssh://git@github.com/org/repo.git@abc123', 'git+git://github.com/o/r@v1', '$PKGS ${PACKAGES}']) {
      expectNone(`${P}RUN pip install --no-cache-dir ${args}\n`, PIP);
    }
    expectNone(`${P}RUN pip download flask && pip uninstall -y flask\n`, PIP);
    expectNone(`${P}RUN echo pip install flask\n`, PIP);
  });
  it('flags git+ssh without a revision', () => {
    assert.equal(findingsOf(`${P}RUN pip install --no-cache-dir git+ssh://git@github.com/org/repo.git\n`, PIP).length, 1);
  });
  it('honours hadolint ignore comments', () => {
    expectNone(`${P}# hadolint ignore=DL3013\nRUN pip install --no-cache-dir flask\n`, PIP);
  });
});

describe(CACHE, () => {
  before(() => ready);
  it('inserts --no-cache-dir after install (safe)', () => {
    const text = `${P}RUN pip install -r requirements.txt\n`;
    assert.equal(findingsOf(text, CACHE)[0].fixes[0].safety, 'safe');
    expectFix(text, CACHE, `${P}RUN pip install --no-cache-dir -r requirements.txt\n`);
    expectFix(`${P}RUN python3 -m pip install \\\n    -r req.txt\n`, CACHE, `${P}RUN python3 -m pip install --no-cache-dir \\\n    -r req.txt\n`);
    expectFix(`${P}RUN <<EOF\nset -e\npip install -r req.txt\nEOF\n`, CACHE, `${P}RUN <<EOF\nset -e\npip install --no-cache-dir -r req.txt\nEOF\n`);
    expectFix(`${P}ONBUILD RUN pip install -r req.txt\n`, CACHE, `${P}ONBUILD RUN pip install --no-cache-dir -r req.txt\n`);
    expectFix(`${P}RUN ["/bin/sh", "-c", "pip install -r req.txt"]\n`, CACHE, `${P}RUN ["/bin/sh", "-c", "pip install --no-cache-dir -r req.txt"]\n`);
    expectFix(`# escape=\`\n${P}RUN pip install \`\n  -r req.txt\n`, CACHE, `# escape=\`\n${P}RUN pip install --no-cache-dir \`\n  -r req.txt\n`);
  });
  it('is satisfied by PIP_NO_CACHE_DIR on the command, exported, or in ENV/ARG of the stage', () => {
    expectNone(`${P}RUN PIP_NO_CACHE_DIR=1 pip install -r req.txt\n`, CACHE);
    expectNone(`${P}RUN env PIP_NO_CACHE_DIR=off pip install -r req.txt\n`, CACHE);
    expectNone(`${P}RUN export PIP_NO_CACHE_DIR=1 && pip install -r req.txt\n`, CACHE);
    expectNone(`${P}ENV PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1\nRUN pip install -r req.txt\n`, CACHE);
    expectNone(`${P}ENV PIP_NO_CACHE_DIR 1\nRUN pip install -r req.txt\n`, CACHE);
    expectNone(`${P}ARG PIP_NO_CACHE_DIR=1\nRUN pip install -r req.txt\n`, CACHE);
    assert.equal(findingsOf(`${P}ENV PIP_NO_CACHE_DIR=1\nFROM python:3.12\nRUN pip install -r req.txt\n`, CACHE).length, 1);
    assert.equal(findingsOf(`${P}RUN pip install -r req.txt && export PIP_NO_CACHE_DIR=1\n`, CACHE).length, 1);
  });
  it('sees ENV PIP_NO_CACHE_DIR of the stages a stage is built on, chunked or whole', () => {
    const inherited = 'FROM python:3.12 AS base\nENV PIP_NO_CACHE_DIR=1\nFROM base AS deps\nRUN echo x\nFROM deps\nRUN pip install -r req.txt\n';
    expectNone(inherited, CACHE);
    assert.deepEqual(new Linter({ chunked: false }).lint(inherited).filter((f) => f.ruleId === CACHE), []);
    const sibling = 'FROM python:3.12 AS a\nENV PIP_NO_CACHE_DIR=1\nFROM python:3.12 AS b\nRUN echo b\nFROM b\nRUN pip install -r req.txt\n';
    const found = findingsOf(sibling, CACHE);
    assert.equal(found.length, 1);
    assert.deepEqual(new Linter({ chunked: false }).lint(sibling).filter((f) => f.ruleId === CACHE), found);
    expectFix(sibling, CACHE, sibling.replace('pip install', 'pip install --no-cache-dir'));
    expectNone(`${sibling.replace('RUN pip', '# hadolint ignore=DL3042\nRUN pip')}`, CACHE);
  });
  it('is satisfied by a cache or tmpfs mount on the pip cache', () => {
    expectNone(`${P}RUN --mount=type=cache,target=/root/.cache/pip pip install -r req.txt\n`, CACHE);
    expectNone(`${P}RUN --mount=type=cache,target=/root/.cache pip install -r req.txt\n`, CACHE);
    expectNone(`${P}RUN --mount=type=cache,target=/home/app/.cache/pip,uid=1000 pip install -r req.txt\n`, CACHE);
    expectNone(`${P}RUN --mount=type=tmpfs,target=/root/.cache/pip pip install -r req.txt\n`, CACHE);
    expectNone(`${P}RUN --mount=type=cache,target=/pipcache pip install --cache-dir /pipcache -r req.txt\n`, CACHE);
    assert.equal(findingsOf(`${P}RUN --mount=type=bind,target=/root/.cache/pip pip install -r req.txt\n`, CACHE).length, 1);
  });
  it('is silent in a discarded stage, with an option variable, and for other subcommands', () => {
    expectNone(`FROM python:3.12 AS wheels\nRUN pip wheel -r req.txt && pip install -r req.txt\nFROM python:3.12-slim\nCOPY --from=wheels /w /w\n`, CACHE);
    expectNone(`${P}RUN pip install $PIP_OPTS -r req.txt\n`, CACHE);
    expectNone(`${P}RUN pip uninstall -y x && pip freeze\n`, CACHE);
  });
  it('offers no fix on a read-only script', () => {
    expectNoFix(`${P}RUN ["sh", "-c", "pip install \\"x==1\\""]\n`, CACHE);
  });
});

describe(NPM, () => {
  before(() => ready);
  it('flags unpinned packages in every spelling of install', () => {
    for (const cmd of ['npm install -g yarn', 'npm i express', 'npm add lodash', 'npm install --save-dev @types/node', 'npm --prefix /x install foo']) {
      assert.equal(findingsOf(`${N}RUN ${cmd}\n`, NPM).length, 1, cmd);
    }
    assert.match(findingsOf(`${N}RUN npm install -g @angular/cli typescript@5\n`, NPM)[0].message, /@angular\/cli/);
  });
  it('flags git dependencies without a commit-ish: they follow the default branch', () => {
    for (const cmd of ['npm install git+https://gitlab.example.com/team/widgets.git', 'npm install -g git+ssh://git@example.org:tools/cli.git',
      'npm install git://example.org/team/lib.git', 'npm install github:acme/left-pad', 'npm install acme/left-pad', 'npm i lodash@4.17.21 bitbucket:acme/x']) {
      const [f, ...rest] = findingsOf(`${N}RUN ${cmd}\n`, NPM);
      assert.ok(f && rest.length === 0, cmd);
      assert.match(f.message, /add #<tag or commit>/, cmd);
    }
    // A registry package first: the message names its version form.
    assert.match(findingsOf(`${N}RUN npm install express github:acme/left-pad\n`, NPM)[0].message, /express@<version>/);
  });
  it('accepts versions, tags, ci, bare install, tarballs, pinned git, paths, expansions', () => {
    for (const cmd of ['npm install -g yarn@1.22.22', 'npm install @angular/cli@18.2.0', 'npm install -g npm@latest', 'npm ci', 'npm ci --omit=dev',
      'npm install', 'npm install --omit=dev', 'npm install --production', 'npm install ./pkg.tgz', 'npm install https://x/y.tar.gz',
      'npm install git+https://github.com/o/r.git#v1.4.0', 'npm install github:o/r#3f2a1c9', 'npm install o/r#semver:^2.0',
      'npm install git+ssh://git@example.org:t/cli.git#main', 'npm install .', 'npm install /src/app', 'npm install packages/a/b',
      'npm install file:../lib', 'npm install $PKGS', 'npm run build', 'npm install --registry https://r.example.com']) {
      expectNone(`${N}RUN ${cmd}\n`, NPM);
    }
  });
});

describe(GEM, () => {
  before(() => ready);
  it('flags unpinned gems', () => {
    assert.equal(findingsOf(`FROM ruby:3.3\nRUN gem install bundler\n`, GEM).length, 1);
    assert.equal(findingsOf(`FROM ruby:3.3\nRUN gem install --no-document rails puma:6.4.2\n`, GEM).length, 1);
  });
  it('reads gem i and the prefixes of install', () => {
    for (const cmd of ['gem i rake', 'gem inst rake', 'gem i --no-document rack:3.1.8 rake']) {
      const [f, ...rest] = findingsOf(`FROM ruby:3.3\nRUN ${cmd}\n`, GEM);
      assert.ok(f && rest.length === 0, cmd);
      assert.match(f.message, /\(rake\)/, cmd);
    }
  });
  it('accepts name:version, -v, local gems, Gemfile, expansions', () => {
    for (const cmd of ['gem install bundler:2.5.22', 'gem install bundler -v 2.5.22', "gem install bundler --version '~> 2.5'", 'gem install ./x.gem',
      'gem install vendor/cache/x-1.0.gem', 'gem install -g Gemfile', 'gem install $GEMS', 'gem update --system', 'gem install -i /opt/gems x:1',
      'gem i rake:13.2.1', 'gem info rake']) {
      expectNone(`FROM ruby:3.3\nRUN ${cmd}\n`, GEM);
    }
  });
  it('does not read build options after -- or the value of an option gem does not know as gems', () => {
    for (const cmd of ['gem install pg:1.5.9 -- --with-pg-config=/usr/bin/pg_config', 'gem install mysql2:0.5.6 -- --with-mysql-dir /opt/mysql',
      'gem install sqlite3:2.1.0 --enable-system-libs yes']) {
      expectNone(`FROM ruby:3.3\nRUN ${cmd}\n`, GEM);
    }
    // A gem after a known boolean flag, or before the --, is still read.
    for (const cmd of ['gem install --no-document --minimal-deps rake', 'gem install rake -- --with-x=1']) {
      assert.match(findingsOf(`FROM ruby:3.3\nRUN ${cmd}\n`, GEM)[0]?.message ?? '', /\(rake\)/, cmd);
    }
  });
});

describe(GO, () => {
  before(() => ready);
  it('flags remote packages without a version or with a moving one', () => {
    for (const cmd of ['go install github.com/go-delve/delve/cmd/dlv', 'go install golang.org/x/tools/gopls@latest', 'go install -ldflags "-s -w" example.com/x@master',
      'go get example.com/pkg', 'go run example.com/tool@latest arg']) {
      assert.equal(findingsOf(`FROM golang:1.23\nRUN ${cmd}\n`, GO).length, 1, cmd);
    }
    assert.equal(findingsOf(`FROM golang:1.23\nRUN go install a.com/x b.com/y@v1\n`, GO).length, 1);
  });
  it('accepts versions, local packages, files, stdlib paths, flag values', () => {
    for (const cmd of ['go install github.com/go-delve/delve/cmd/dlv@v1.23.1', 'go install ./...', 'go install .', 'go install ./cmd/server',
      'go install -o /usr/local/bin/x ./cmd/x', 'go install -tags netgo,osusergo ./...', 'go run main.go', 'go run . --flag', 'go get ./...',
      'go install cmd/x', 'go install $TOOL', 'go build -o /app example.com/x', 'go run example.com/tool@v1.0.0 github.com/a/b']) {
      expectNone(`FROM golang:1.23\nRUN ${cmd}\n`, GO);
    }
  });
});

describe(YARN, () => {
  before(() => ready);
  it('appends yarn cache clean (unsafe)', () => {
    const text = `${N}RUN yarn install --frozen-lockfile && yarn build\n`;
    assert.equal(findingsOf(text, YARN)[0].fixes[0].safety, 'unsafe');
    expectFix(text, YARN, `${N}RUN yarn install --frozen-lockfile && yarn build && yarn cache clean\n`);
    expectFix(`${N}RUN yarn\n`, YARN, `${N}RUN yarn && yarn cache clean\n`);
    expectNoFix(`${N}RUN yarn install; yarn build\n`, YARN);
    assert.equal(findingsOf(`${N}ONBUILD RUN yarn install\n`, YARN).length, 1);
  });
  it('is satisfied by any clean-up after the install, or a cache mount', () => {
    for (const tail of ['yarn cache clean', 'yarn cache clean --all', 'yarn cache clean --force', 'rm -rf /usr/local/share/.cache/yarn/*', 'rm -rf /root/.cache/yarn', 'rm -rf ~/.yarn/berry/cache']) {
      expectNone(`${N}RUN yarn install && ${tail}\n`, YARN);
    }
    expectNone(`${N}RUN --mount=type=cache,target=/usr/local/share/.cache/yarn yarn install\n`, YARN);
    expectNone(`${N}RUN --mount=type=cache,target=/home/node/.cache/yarn yarn install\n`, YARN);
    expectNone(`${N}RUN --mount=type=cache,target=/yc yarn install --cache-folder /yc\n`, YARN);
    assert.equal(findingsOf(`${N}RUN yarn cache clean && yarn install\n`, YARN).length, 1);
  });
  it('is silent in a discarded stage and for other yarn commands', () => {
    expectNone(`FROM node:20 AS build\nRUN yarn install && yarn build\nFROM nginx\nCOPY --from=build /app/dist /usr/share/nginx/html\n`, YARN);
    expectNone(`${N}RUN yarn build && yarn add left-pad && yarn global add x\n`, YARN);
    expectNone(`${N}RUN yarn --version && yarn -v && yarn $CMD\n`, YARN);
  });
});

describe(PECL, () => {
  before(() => ready);
  /** The finding of `RUN <cmd>` (and of `ONBUILD RUN <cmd>`), asserting there is exactly one. */
  function one(cmd: string) {
    const found = findingsOf(`${PHP}RUN ${cmd}\n`, PECL);
    assert.equal(found.length, 1, cmd);
    assert.equal(findingsOf(`${PHP}ONBUILD RUN ${cmd}\n`, PECL).length, 1, `ONBUILD ${cmd}`);
    return found[0];
  }
  function none(cmd: string) {
    expectNone(`${PHP}RUN ${cmd}\n`, PECL);
    expectNone(`${PHP}ONBUILD RUN ${cmd}\n`, PECL);
  }

  // Every case of hadolint's DL3068 spec, plain and under ONBUILD.
  it('accepts pinned versions, with options before or after (hadolint DL3068 spec)', () => {
    for (const cmd of ['pecl install redis-6.1.0', 'pecl install redis-6.1.0 --phpize', 'pecl install -f redis-6.1.0', 'pecl install redis-6',
      'pecl install pecl_http-4.2.4']) none(cmd);
  });
  it('reads channel-qualified names (hadolint DL3068 spec)', () => {
    for (const cmd of ['pecl install pecl.php.net/redis-6.1.0', 'pecl install mychannel/redis-6.1.0', 'pecl install channel://pecl.php.net/redis-6.1.0']) none(cmd);
    assert.match(one('pecl install pecl.php.net/redis').message, /\(pecl\.php\.net\/redis\): use pecl\.php\.net\/redis-<version>/);
    assert.match(one('pecl install channel://pecl.php.net/redis').message, /\(channel:\/\/pecl\.php\.net\/redis\)/);
  });
  it('accepts local archives, package.xml and URLs (hadolint DL3068 spec)', () => {
    for (const cmd of ['pecl install redis-6.1.0.tgz', 'pecl install ./build/redis-6.1.0.tgz', 'pecl install /tmp/redis-6.1.0.tgz', 'pecl install package.xml',
      'pecl install /src/ext/package.xml', 'pecl install https://example.com/redis.tgz', 'pecl install http://example.com/redis', 'pecl install ext.tar.gz']) none(cmd);
  });
  it('flags unpinned packages, one finding per command naming them (hadolint DL3068 spec)', () => {
    assert.equal(one('pecl install redis').message, 'Pin versions in pecl install (redis): use redis-<version>');
    assert.match(one('pecl install pecl_http').message, /\(pecl_http\)/);
    assert.match(one('pecl install xdebug redis-6.1.0').message, /\(xdebug\): use xdebug-<version>/);
    assert.match(one('pecl install pecl.php.net/xdebug redis-6.1.0').message, /\(pecl\.php\.net\/xdebug\)/);
    assert.match(one('pecl install xdebug redis imagick-3.7.0 apcu igbinary').message, /\(xdebug, redis, apcu and 1 more\)/);
  });
  it('flags floating stability words (hadolint DL3068 spec)', () => {
    assert.equal(one('pecl install redis-beta').message, 'Pin versions in pecl install (redis-beta): use redis-<version>');
    for (const cmd of ['pecl install xdebug-alpha', 'pecl install redis-stable', 'pecl install swoole-devel']) one(cmd);
  });
  it('ignores other pecl commands (hadolint DL3068 spec)', () => {
    for (const cmd of ['pecl run --crazy install', 'pecl update-channels', 'pecl download redis', 'pecl channel-discover pecl.php.net',
      'pecl config-set php_ini /usr/local/etc/php/php.ini', 'pecl uninstall redis', 'pecl install', 'pecl -V', 'echo pecl install redis']) none(cmd);
  });

  // Where we read more than hadolint does.
  it('takes a version from a variable as a pin, and does not judge an operand that is a variable', () => {
    for (const cmd of ['pecl install redis-${REDIS_VERSION}', 'pecl install redis-$V', 'pecl install "redis-${REDIS_VERSION}"', "pecl install 'redis'-\"$V\"",
      'pecl install channel://pecl.php.net/xdebug-${XDEBUG_VERSION}', 'pecl install $EXT', 'pecl install "${EXT}"', 'pecl install ${EXTENSIONS}',
      'pecl install redis$SUFFIX', 'pecl install "$(cat /ext.txt)"', 'pecl install `cat /ext.txt`', 'pecl install ${EXT}-1.2.3', 'pecl install $SRC/redis-6.1.0.tgz']) none(cmd);
    // A literal name after a variable channel still has no version; a variable name with a state word still floats.
    assert.match(one('pecl install $CHANNEL/redis').message, /\(\$CHANNEL\/redis\)/);
    one('pecl install ${EXT}-beta');
    assert.match(one('pecl install $EXT redis').message, /\(redis\)/);
  });
  it('flags the php-image idiom and reads pecl options the way pecl does', () => {
    const f = one('pecl install -o -f redis && rm -rf /tmp/pear && docker-php-ext-enable redis');
    assert.match(f.message, /\(redis\)/);
    for (const cmd of ['pecl i redis', 'pecl -d php_suffix=8.3 install redis', 'pecl -q install -a redis', "printf '\\n' | pecl install redis",
      'yes | pecl install -f imagick', 'pecl8.3 install redis', 'pecl install --soft --nodeps redis']) one(cmd);
    // Option values are not packages.
    for (const cmd of ['pecl install -R /root redis-6.1.0', 'pecl install --installroot /tmp/root redis-6.1.0', 'pecl install -P /pkg redis-6.1.0',
      "pecl install -D 'enable-sockets=\"yes\" enable-openssl=\"yes\"' swoole-5.1.4", "pecl install --configureoptions 'enable-redis-igbinary=\"yes\"' redis-6.1.0",
      'pecl -c /etc/pear.conf install redis-6.1.0', 'pecl -d preferred_state=beta install xdebug-3.3.2']) none(cmd);
    assert.match(one('pecl install -D \'with-imagick="/usr"\' imagick').message, /\(imagick\)/);
  });
  it('sees pecl through sudo, env, sh -c, exec form and heredocs', () => {
    for (const text of [
      `${PHP}RUN sudo pecl install redis\n`,
      `${PHP}RUN env MAKEFLAGS=-j2 pecl install redis\n`,
      `${PHP}RUN sh -c 'pecl install redis'\n`,
      `${PHP}RUN ["/bin/sh", "-c", "pecl install redis"]\n`,
      `${PHP}RUN <<EOF\nset -eux\npecl install redis\ndocker-php-ext-enable redis\nEOF\n`,
      `${PHP}RUN /usr/local/bin/pecl install redis\n`,
    ]) assert.equal(findingsOf(text, PECL).length, 1, text);
    expectNone(`${PHP}RUN <<EOF\npecl install redis-6.1.0\nEOF\n`, PECL);
    expectNone(`${PHP}SHELL ["pwsh", "-Command"]\nRUN pecl install redis\n`, PECL);
  });
  it('puts the range from pecl to the last unpinned package, in CRLF and escape=` files too', () => {
    const cases: [string, string][] = [
      [`${PHP}RUN set -e; pecl install -f redis xdebug-3.3.2 apcu && docker-php-ext-enable redis apcu\n`, 'pecl install -f redis xdebug-3.3.2 apcu'],
      [`${PHP}RUN sudo -E pecl install redis\n`, 'pecl install redis'],
      [`FROM php:8.3-cli\r\nRUN set -e \\\r\n  && pecl install \\\r\n    redis \\\r\n    apcu-5.1.24\r\n`, 'pecl install \\\r\n    redis'],
      [`# escape=\`\nFROM php:8.3-cli\nRUN set -e \`\n  && pecl install \`\n    redis \`\n    apcu\n`, 'pecl install `\n    redis `\n    apcu'],
      [`# escape=\`\r\nFROM php:8.3-cli\r\nRUN pecl install -o \`\r\n  imagick\r\n`, 'pecl install -o `\r\n  imagick'],
    ];
    for (const [text, covered] of cases) {
      const found = findingsOf(text, PECL);
      assert.equal(found.length, 1, text);
      const lines = text.split('\n');
      const offset = (p: { line: number; character: number }) => lines.slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
      assert.equal(text.slice(offset(found[0].range.start), offset(found[0].range.end)), covered, JSON.stringify(text));
      assert.equal(found[0].fixes.length, 0);
    }
  });
  it('honours both ignore comments and keeps its default severity', () => {
    expectNone(`${PHP}# hadolint ignore=DL3068\nRUN pecl install redis\n`, PECL);
    expectNone(`${PHP}# dockerfile-doctor ignore=pecl-install-without-pin\nRUN pecl install redis\n`, PECL);
    assert.equal(one('pecl install redis').severity, 'warning');
  });
});
