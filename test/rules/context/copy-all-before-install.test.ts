import { before, describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { checkFixGuarantees, expectFix, expectNoFix, expectNone, findingsOf, ready } from '../../helpers';
import { Linter, type Finding } from '../../../server/src/lint';
import { clearContextCache, resolveContext } from '../../../server/src/rules/context/_fs';
import { DEFAULT_SETTINGS } from '../../../server/src/settings';

const RULE = 'copy-all-before-install';

function workspace(files: Record<string, string>): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'dd-cache-'));
  for (const [p, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, p)), { recursive: true });
    fs.writeFileSync(path.join(root, p), text);
  }
  return root;
}

function lintAt(root: string): Finding[] {
  clearContextCache();
  const file = path.join(root, 'Dockerfile');
  return new Linter().lint(fs.readFileSync(file, 'utf8'), DEFAULT_SETTINGS, resolveContext(file, undefined, [root])).filter((f) => f.ruleId === RULE);
}

describe(RULE, () => {
  before(() => ready);

  it('flags each documented install after COPY . . (range on the install command)', () => {
    const cases: [string, RegExp][] = [
      ['npm ci', /"npm ci" runs after "COPY \. \.".*copy package\*\.json first/],
      ['npm install --omit=dev', /"npm install"/],
      ['yarn install --frozen-lockfile', /copy package\.json yarn\.lock first/],
      ['yarn', /"yarn"/],
      ['pnpm install', /package\.json pnpm-lock\.yaml/],
      ['pip install --no-cache-dir -r requirements.txt', /"pip install -r".*copy requirements\.txt first/],
      ['python3 -m pip install -r requirements/prod.txt gunicorn', /requirements\/prod\.txt/],
      ['poetry install', /pyproject\.toml poetry\.lock/],
      ['go mod download', /go\.mod go\.sum/],
      ['bundle install --jobs 4', /Gemfile Gemfile\.lock/],
      ['composer install --no-dev', /composer\.json composer\.lock/],
      ['mvn -B dependency:go-offline', /pom\.xml/],
      ['./mvnw -B package -DskipTests', /pom\.xml/],
      ['cargo build --release', /Cargo\.toml Cargo\.lock/],
      ['sudo -E npm ci', /"npm ci"/],
    ];
    for (const [cmd, message] of cases) {
      const found = findingsOf(`FROM x:1\nWORKDIR /app\nCOPY . .\nRUN ${cmd}\n`, RULE);
      assert.equal(found.length, 1, cmd);
      assert.match(found[0].message, message, cmd);
      assert.equal(found[0].severity, 'info');
      assert.equal(found[0].range.start.line, 3, cmd);
      assert.equal(found[0].range.start.character, 4, cmd);
    }
  });

  it('flags every form of copying the whole context, and follows the directory', () => {
    assert.equal(findingsOf('FROM node:20\nCOPY . /app\nWORKDIR /app\nRUN npm ci\n', RULE).length, 1);
    assert.equal(findingsOf('FROM node:20\nWORKDIR /app\nADD ./ ./\nRUN npm ci\n', RULE).length, 1);
    assert.equal(findingsOf('FROM node:20\nWORKDIR /app\nCOPY [".", "."]\nRUN npm ci\n', RULE).length, 1);
    assert.equal(findingsOf('FROM node:20\nWORKDIR /srv\nCOPY . app/\nWORKDIR app\nRUN npm ci\n', RULE).length, 1);
    assert.equal(findingsOf('FROM node:20\nCOPY . /app\nRUN cd /app && npm ci\n', RULE).length, 1);
    assert.equal(findingsOf('FROM node:20\nWORKDIR /app\nCOPY --chown=node:node . .\nRUN if [ -f package-lock.json ]; then npm ci; else npm install; fi\n', RULE).length, 1);
    assert.equal(findingsOf('FROM node:20\nWORKDIR /app\nCOPY . .\nRUN <<EOF\nset -e\nnpm ci\nEOF\n', RULE).length, 1);
    assert.equal(findingsOf("FROM node:20\nWORKDIR /app\nCOPY . .\nRUN sh -c 'npm ci'\n", RULE).length, 1);
    assert.equal(findingsOf('FROM node:20\r\nWORKDIR /app\r\nCOPY . .\r\nrun npm ci \\\r\n  && npm test\r\n', RULE).length, 1);
    assert.equal(findingsOf('# escape=`\nFROM node:20\nWORKDIR /app\nCOPY . .\nRUN npm ci `\n  && npm test\n', RULE).length, 1);
  });

  it('lets the cached patterns and other installs be', () => {
    // The install before COPY . . (the pattern it recommends).
    expectNone('FROM node:20\nWORKDIR /app\nCOPY package*.json ./\nRUN npm ci\nCOPY . .\nRUN npm run build\n', RULE);
    // Manifests copied and installed first: a second install after the sources is cheap.
    expectNone('FROM maven:3\nWORKDIR /app\nCOPY pom.xml .\nRUN mvn dependency:go-offline\nCOPY . .\nRUN mvn package\n', RULE);
    expectNone('FROM golang:1.22\nWORKDIR /src\nCOPY go.mod go.sum ./\nRUN go mod download\nCOPY . .\nRUN go mod download && go build ./...\n', RULE);
    // Another directory than the copy's destination.
    expectNone('FROM node:20\nCOPY . /src\nWORKDIR /app\nRUN npm ci\n', RULE);
    expectNone('FROM node:20\nWORKDIR /app\nCOPY . .\nRUN cd client && npm ci\n', RULE);
    expectNone('FROM node:20\nWORKDIR /app\nCOPY . .\nRUN npm --prefix client ci\n', RULE);
    // A bind mount of the manifest, a copy from another stage, named packages, the project itself.
    expectNone('FROM node:20\nWORKDIR /app\nCOPY . .\nRUN --mount=type=bind,source=package.json,target=package.json npm ci\n', RULE);
    expectNone('FROM node:20\nWORKDIR /app\nCOPY --from=build . .\nRUN npm ci\n', RULE);
    expectNone('FROM node:20\nWORKDIR /app\nCOPY . .\nRUN npm install -g pm2 && pip install flask\n', RULE);
    expectNone('FROM python:3\nWORKDIR /app\nCOPY . .\nRUN pip install . && pip install -e . && pip install -r requirements.txt .\n', RULE);
    expectNone('FROM python:3\nWORKDIR /app\nCOPY . .\nRUN pip install -r "$REQS"\n', RULE);
    // Another stage, ONBUILD, a COPY of a sub-folder only.
    expectNone('FROM node:20 AS a\nWORKDIR /app\nCOPY . .\nFROM node:20\nWORKDIR /app\nRUN npm ci\n', RULE);
    expectNone('FROM node:20\nWORKDIR /app\nONBUILD COPY . .\nONBUILD RUN npm ci\n', RULE);
    expectNone('FROM node:20\nWORKDIR /app\nCOPY src ./src\nRUN npm ci\n', RULE);
    // Ignore comments, ours and by folder.
    expectNone('FROM node:20\nWORKDIR /app\nCOPY . .\n# dockerfile-doctor ignore=copy-all-before-install\nRUN npm ci\n', RULE);
  });

  it('still flags manifests copied first but installed only after COPY . . (and moves the install)', () => {
    expectFix(
      'FROM node:20\nWORKDIR /app\nCOPY package*.json ./\nCOPY . .\nRUN npm ci\n',
      RULE,
      'FROM node:20\nWORKDIR /app\nCOPY package*.json ./\nRUN npm ci\nCOPY . .\n',
    );
  });

  it('moves the install before COPY . . with the manifests (whole RUN, or the head of an && chain)', () => {
    expectFix(
      'FROM node:20\nWORKDIR /app\nCOPY . .\nRUN npm ci\nCMD ["node", "index.js"]\n',
      RULE,
      'FROM node:20\nWORKDIR /app\nCOPY package*.json ./\nRUN npm ci\nCOPY . .\nCMD ["node", "index.js"]\n',
    );
    expectFix(
      'FROM node:20\nWORKDIR /app\nCOPY --chown=node:node --chmod=644 . /app\nEXPOSE 3000\nRUN --mount=type=cache,target=/root/.npm npm ci \\\n    && npm run build\n',
      RULE,
      'FROM node:20\nWORKDIR /app\nCOPY --chown=node:node --chmod=644 package*.json /app/\nRUN --mount=type=cache,target=/root/.npm npm ci\nCOPY --chown=node:node --chmod=644 . /app\nEXPOSE 3000\nRUN --mount=type=cache,target=/root/.npm npm run build\n',
    );
    expectFix(
      'FROM python:3.12\nWORKDIR /app\nCOPY . .\nRUN pip install --no-cache-dir -r requirements.txt && \\\n    python manage.py collectstatic\n',
      RULE,
      'FROM python:3.12\nWORKDIR /app\nCOPY requirements.txt ./\nRUN pip install --no-cache-dir -r requirements.txt\nCOPY . .\nRUN python manage.py collectstatic\n',
    );
    expectFix(
      'FROM python:3.12\nWORKDIR /app\nCOPY . .\nRUN pip install --no-cache-dir -r requirements/base.txt -r requirements.txt\n',
      RULE,
      'FROM python:3.12\nWORKDIR /app\nCOPY requirements/base.txt ./requirements/\nCOPY requirements.txt ./\nRUN pip install --no-cache-dir -r requirements/base.txt -r requirements.txt\nCOPY . .\n',
    );
    expectFix(
      'FROM golang:1.22\nWORKDIR /src\nCOPY . .\nRUN go mod download\nRUN go build -o /app .\n',
      RULE,
      'FROM golang:1.22\nWORKDIR /src\nCOPY go.mod go.sum ./\nRUN go mod download\nCOPY . .\nRUN go build -o /app .\n',
    );
  });

  it('moves a WORKDIR between an absolute COPY . /app and the install up with it', () => {
    expectFix(
      'FROM python:3.12\n# the sources\nCOPY . /app\nWORKDIR /app\nRUN pip install -r requirements.txt\nCMD ["python", "app.py"]\n',
      RULE,
      'FROM python:3.12\nWORKDIR /app\nCOPY requirements.txt /app/\nRUN pip install -r requirements.txt\n# the sources\nCOPY . /app\nCMD ["python", "app.py"]\n',
    );
    // Comments go with what they describe; ignore comments stay on their instruction.
    expectFix(
      'FROM python:3.12\n# copy everything\nCOPY . /app\n# the app folder\nWORKDIR /app\n# hadolint ignore=DL3042\nRUN pip install -r requirements.txt\nCMD ["python", "app.py"]\n',
      RULE,
      'FROM python:3.12\n# the app folder\nWORKDIR /app\nCOPY requirements.txt /app/\n# hadolint ignore=DL3042\nRUN pip install -r requirements.txt\n# copy everything\nCOPY . /app\nCMD ["python", "app.py"]\n',
    );
    // The head of an && chain would leave the RUN's ignore comment behind: no fix.
    expectNoFix('FROM python:3.12\nWORKDIR /app\nCOPY . .\n# hadolint ignore=DL3042\nRUN pip install -r requirements.txt && python -m compileall .\n', RULE);
    // A relative destination depends on the WORKDIR before it: no fix.
    expectNoFix('FROM python:3.12\nWORKDIR /srv\nCOPY . app\nWORKDIR app\nRUN pip install -r requirements.txt\n', RULE);
  });

  it('keeps CRLF, keyword case, indentation and the backtick escape', () => {
    expectFix(
      'from node:20\r\nworkdir /app\r\ncopy . .\r\nrun yarn install \\\r\n  && yarn build\r\n',
      RULE,
      'from node:20\r\nworkdir /app\r\ncopy package.json yarn.lock ./\r\nrun yarn install\r\ncopy . .\r\nrun yarn build\r\n',
    );
    expectFix(
      '# escape=`\nFROM node:20\nWORKDIR /app\nCOPY . .\nRUN npm ci `\n  && npm test\n',
      RULE,
      '# escape=`\nFROM node:20\nWORKDIR /app\nCOPY package*.json ./\nRUN npm ci\nCOPY . .\nRUN npm test\n',
    );
    expectFix(
      'FROM node:20 AS build\n  WORKDIR /app\n  COPY . .\n  RUN npm ci\n',
      RULE,
      'FROM node:20 AS build\n  WORKDIR /app\n  COPY package*.json ./\n  RUN npm ci\n  COPY . .\n',
    );
  });

  it('adds a dependency-only step where the install also builds the project', () => {
    // The dependency step takes the install's flags: with its cache mount, it needs no advice of
    // its own (without one, it gets maven-without-cache-mount's, as the install does).
    expectFix(
      'FROM maven:3\nWORKDIR /app\nCOPY . .\nRUN --mount=type=cache,target=/root/.m2/repository mvn -B package -DskipTests\n',
      RULE,
      'FROM maven:3\nWORKDIR /app\nCOPY pom.xml ./\nRUN --mount=type=cache,target=/root/.m2/repository mvn dependency:go-offline\nCOPY . .\nRUN --mount=type=cache,target=/root/.m2/repository mvn -B package -DskipTests\n',
    );
    expectFix(
      'FROM python:3.12\nWORKDIR /app\nCOPY . .\nRUN poetry install\n',
      RULE,
      'FROM python:3.12\nWORKDIR /app\nCOPY pyproject.toml poetry.lock ./\nRUN poetry install --no-root\nCOPY . .\nRUN poetry install\n',
    );
    expectFix(
      'FROM composer:2\nWORKDIR /app\nCOPY . .\nRUN --mount=type=cache,target=/tmp/cache composer install --no-dev\n',
      RULE,
      'FROM composer:2\nWORKDIR /app\nCOPY composer.json composer.lock ./\nRUN --mount=type=cache,target=/tmp/cache composer install --no-scripts --no-autoloader\nCOPY . .\nRUN --mount=type=cache,target=/tmp/cache composer install --no-dev\n',
    );
  });

  it('offers no fix where moving could change the build', () => {
    // Something between COPY . . and the install.
    expectNoFix('FROM node:20\nWORKDIR /app\nCOPY . .\nENV NODE_ENV=production\nRUN npm ci\n', RULE);
    expectNoFix('FROM node:20\nWORKDIR /app\nCOPY . .\nRUN apt-get update\nRUN npm ci\n', RULE);
    expectNoFix('FROM node:20\nWORKDIR /app\nCOPY . .\nCOPY .npmrc .\nRUN npm ci\n', RULE);
    // Commands before the install in its RUN; a list with ||, ; or a comment; heredoc; nested.
    expectNoFix('FROM node:20\nWORKDIR /app\nCOPY . .\nRUN apk add make g++ && npm ci\n', RULE);
    expectNoFix('FROM node:20\nWORKDIR /app\nCOPY . .\nRUN npm ci && npm test || true\n', RULE);
    expectNoFix('FROM node:20\nWORKDIR /app\nCOPY . .\nRUN npm ci; npm test\n', RULE);
    expectNoFix('FROM node:20\nWORKDIR /app\nCOPY . .\nRUN npm ci \\\n  # then build\n  && npm run build\n', RULE);
    expectNoFix('FROM node:20\nWORKDIR /app\nCOPY . .\nRUN <<EOF\nnpm ci\nEOF\n', RULE);
    expectNoFix("FROM node:20\nWORKDIR /app\nCOPY . .\nRUN sh -c 'npm ci'\n", RULE);
    // A relative destination before any WORKDIR (copy-relative-without-workdir's finding): set the WORKDIR first.
    expectNoFix('FROM python:3.12\nCOPY . .\nRUN pip install -r requirements.txt\n', RULE);
    // Cargo: no manifest-only step works.
    expectNoFix('FROM rust:1\nWORKDIR /app\nCOPY . .\nRUN cargo build --release\n', RULE);
    // Manifests copied already, and a RUN right before COPY . .: the moved install would make two RUNs in a row.
    expectNoFix('FROM node:20\nWORKDIR /app\nCOPY package.json ./\nRUN apt-get update\nCOPY . .\nRUN npm ci\n', RULE);
  });

  it('copies only the manifests that exist in a known build context (and not the ignored ones)', () => {
    const root = workspace({
      Dockerfile: 'FROM node:20\nWORKDIR /app\nCOPY . .\nRUN yarn install --frozen-lockfile && yarn build\n',
      'package.json': '{}', 'yarn.lock': '', '.yarnrc.yml': '', '.dockerignore': '.yarnrc.yml\n',
    });
    const [f] = lintAt(root);
    assert.match(f.message, /copy package\.json yarn\.lock first/);
    const text = fs.readFileSync(path.join(root, 'Dockerfile'), 'utf8');
    assert.equal(checkFixGuarantees(text, f, f.fixes[0], RULE),
      'FROM node:20\nWORKDIR /app\nCOPY package.json yarn.lock ./\nRUN yarn install --frozen-lockfile\nCOPY . .\nRUN yarn build\n');
    const npm = workspace({ Dockerfile: 'FROM node:20\nWORKDIR /app\nCOPY . .\nRUN npm ci\n', 'package.json': '{}', 'package-lock.json': '{}' });
    assert.match(lintAt(npm)[0].fixes[0].edits[0].newText, /^COPY package\.json package-lock\.json \.\/\n/);
    // The required manifest is missing from the context: the install would fail anyway, no fix.
    const none = workspace({ Dockerfile: 'FROM node:20\nWORKDIR /app\nCOPY . .\nRUN npm ci\n' });
    assert.deepEqual(lintAt(none)[0].fixes, []);
  });

  it('never throws on half-typed input', () => {
    for (const text of ['FROM x\nCOPY . \nRUN npm', 'FROM x\nCOPY\nRUN npm ci', 'COPY . .\nRUN npm ci\n', 'FROM x\nCOPY . .\nRUN pip install -r\n', 'FROM x\nCOPY . .\nRUN --mount=type=bind npm ci']) {
      assert.doesNotThrow(() => findingsOf(text, RULE));
    }
  });
});
