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
const P = 'FROM python:3.12\n';
const N = 'FROM node:20\n';

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
