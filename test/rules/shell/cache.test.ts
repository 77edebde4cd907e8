import { before, describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { applyFix, expectFix, expectNoFix, expectNone, findingsOf, lintAll, ready } from '../../helpers';
import { Linter } from '../../../server/src/lint';

const CARGO = 'cargo-without-cache-mount';
const GO = 'go-build-without-cache-mount';
const MAVEN = 'maven-without-cache-mount';
const GRADLE = 'gradle-without-cache-mount';
const COMPOSER = 'composer-without-cache-mount';
const DOTNET = 'dotnet-restore-without-cache-mount';
const PNPM = 'pnpm-install-without-cache-mount';
const MIX = 'mix-deps-without-cache-mount';
const GEM = 'gem-install-without-cache-mount';
const ALL = [CARGO, GO, MAVEN, GRADLE, COMPOSER, DOTNET, PNPM, MIX, GEM];

const F = 'FROM debian:12\n';

/** Reported once, as a plain RUN and as an ONBUILD RUN (hadolint's ruleCatches + onBuildRuleCatches). */
function catches(rule: string, run: string, from = F): void {
  assert.equal(findingsOf(`${from}${run}\n`, rule).length, 1, `${rule}: ${run}`);
  assert.equal(findingsOf(`${from}ONBUILD ${run}\n`, rule).length, 1, `${rule}: ONBUILD ${run}`);
}

function catchesNot(rule: string, run: string, from = F): void {
  expectNone(`${from}${run}\n`, rule);
  expectNone(`${from}ONBUILD ${run}\n`, rule);
}

/** hadolint's spec (DL3069Spec … DL3077Spec), case by case. */
describe('hadolint DL3069–DL3077 specs', () => {
  before(() => ready);
  it('DL3069 cargo', () => {
    catches(CARGO, 'RUN cargo build');
    catches(CARGO, 'RUN cargo install ripgrep');
    catchesNot(CARGO, 'RUN echo hello');
    catchesNot(CARGO, 'RUN --mount=type=cache,target=/root/.cargo cargo build');
    catchesNot(CARGO, 'RUN --mount=type=cache,target=/root/.cargo/registry --mount=type=cache,target=/root/.cargo/git cargo build');
    catchesNot(CARGO, 'RUN --mount=type=tmpfs,target=/root/.cargo cargo build');
    catches(CARGO, 'RUN --mount=type=cache,target=/wrong/path cargo build');
  });
  it('DL3070 go', () => {
    catches(GO, 'RUN go build ./...');
    catches(GO, 'RUN go get github.com/foo/bar');
    catches(GO, 'RUN go mod download');
    catchesNot(GO, 'RUN echo hello');
    catchesNot(GO, 'RUN --mount=type=cache,target=/root/.cache/go-build go build ./...');
    catchesNot(GO, 'RUN --mount=type=cache,target=/go/pkg/mod go build ./...');
    catchesNot(GO, 'RUN --mount=type=tmpfs,target=/root/.cache/go-build go build ./...');
    catches(GO, 'RUN --mount=type=cache,target=/wrong/path go build ./...');
  });
  it('DL3071 maven', () => {
    catches(MAVEN, 'RUN mvn install');
    catches(MAVEN, 'RUN mvn compile');
    catchesNot(MAVEN, 'RUN echo hello');
    catchesNot(MAVEN, 'RUN --mount=type=cache,target=/root/.m2 mvn install');
    catchesNot(MAVEN, 'RUN --mount=type=tmpfs,target=/root/.m2 mvn install');
    catches(MAVEN, 'RUN --mount=type=cache,target=/wrong/path mvn install');
  });
  it('DL3072 gradle', () => {
    catches(GRADLE, 'RUN gradle build');
    catches(GRADLE, 'RUN ./gradlew build');
    catchesNot(GRADLE, 'RUN echo hello');
    catchesNot(GRADLE, 'RUN --mount=type=cache,target=/root/.gradle gradle build');
    catchesNot(GRADLE, 'RUN --mount=type=tmpfs,target=/root/.gradle gradle build');
    catchesNot(GRADLE, 'RUN --mount=type=cache,target=/root/.gradle ./gradlew build');
    catches(GRADLE, 'RUN --mount=type=cache,target=/wrong/path gradle build');
  });
  it('DL3073 composer', () => {
    catches(COMPOSER, 'RUN composer install');
    catches(COMPOSER, 'RUN composer update');
    catchesNot(COMPOSER, 'RUN echo hello');
    catchesNot(COMPOSER, 'RUN --mount=type=cache,target=/root/.composer/cache composer install');
    catchesNot(COMPOSER, 'RUN --mount=type=tmpfs,target=/root/.composer/cache composer install');
    catches(COMPOSER, 'RUN --mount=type=cache,target=/wrong/path composer install');
  });
  it('DL3074 dotnet / nuget', () => {
    catches(DOTNET, 'RUN dotnet restore');
    catches(DOTNET, 'RUN dotnet build');
    catches(DOTNET, 'RUN nuget restore');
    catchesNot(DOTNET, 'RUN echo hello');
    catchesNot(DOTNET, 'RUN --mount=type=cache,target=/root/.nuget/packages dotnet restore');
    catchesNot(DOTNET, 'RUN --mount=type=tmpfs,target=/root/.nuget/packages dotnet restore');
    catches(DOTNET, 'RUN --mount=type=cache,target=/wrong/path dotnet restore');
    catchesNot(DOTNET, 'RUN --mount=type=cache,target=/home/app/.nuget/packages dotnet restore');
  });
  it('DL3075 pnpm', () => {
    catches(PNPM, 'RUN pnpm install');
    catches(PNPM, 'RUN pnpm add lodash');
    catchesNot(PNPM, 'RUN echo hello');
    catchesNot(PNPM, 'RUN --mount=type=cache,target=/root/.local/share/pnpm/store pnpm install');
    catchesNot(PNPM, 'RUN --mount=type=tmpfs,target=/root/.local/share/pnpm/store pnpm install');
    catches(PNPM, 'RUN --mount=type=cache,target=/wrong/path pnpm install');
  });
  it('DL3076 mix', () => {
    catches(MIX, 'RUN mix deps.get');
    catches(MIX, 'RUN mix compile');
    catchesNot(MIX, 'RUN echo hello');
    catchesNot(MIX, 'RUN --mount=type=cache,target=/root/.hex mix deps.get');
    catchesNot(MIX, 'RUN --mount=type=cache,target=/root/.mix mix deps.get');
    catchesNot(MIX, 'RUN --mount=type=tmpfs,target=/root/.hex mix deps.get');
    catches(MIX, 'RUN --mount=type=cache,target=/wrong/path mix deps.get');
  });
  it('DL3077 gem / bundler', () => {
    catches(GEM, 'RUN gem install rails');
    catches(GEM, 'RUN bundle install');
    catchesNot(GEM, 'RUN echo hello');
    catchesNot(GEM, 'RUN --mount=type=cache,target=/usr/local/bundle bundle install');
    catchesNot(GEM, 'RUN --mount=type=cache,target=/root/.gem gem install rails');
    catchesNot(GEM, 'RUN --mount=type=tmpfs,target=/usr/local/bundle bundle install');
    catches(GEM, 'RUN --mount=type=cache,target=/wrong/path bundle install');
  });
  it('severity info, hadolint codes as ids', () => {
    const text = `${F}RUN cargo build && go build && mvn package && gradle build && composer install && dotnet publish && pnpm install && mix deps.get && bundle install\n`;
    const found = lintAll(text).filter((f) => ALL.includes(f.ruleId));
    assert.deepEqual(found.map((f) => f.ruleId).sort(), [...ALL].sort());
    for (const f of found) assert.equal(f.severity, 'info');
    for (const [code, id] of [['DL3069', CARGO], ['DL3073', COMPOSER], ['DL3077', GEM]]) {
      expectNone(text.replace('\nRUN', `\n# hadolint ignore=${code}\nRUN`), id);
    }
  });
});

describe('which commands trigger', () => {
  before(() => ready);
  it('build and download commands, seen through wrappers, in every script form', () => {
    for (const [rule, cmd] of [
      [CARGO, 'cargo +nightly build --release'], [CARGO, 'cargo b'], [CARGO, 'cargo fetch --locked'], [CARGO, 'cargo chef cook --release --recipe-path recipe.json'],
      [CARGO, 'cargo -Z sparse-registry test'], [CARGO, 'cargo install --version 14.1.0 ripgrep'], [CARGO, 'cargo auditable build --release'],
      [GO, 'go install github.com/x/y@v1.2.3'], [GO, 'go test ./...'], [GO, 'go mod tidy'], [GO, 'go vet ./...'], [GO, 'CGO_ENABLED=0 GOOS=linux go build -o /app .'],
      [MAVEN, 'mvn -B clean package -DskipTests'], [MAVEN, './mvnw dependency:go-offline'], [MAVEN, 'mvn -f pom.xml verify'], [MAVEN, 'mvn org.apache.maven.plugins:maven-dependency-plugin:3.6.1:resolve'],
      [GRADLE, 'gradle --no-daemon clean bootJar'], [GRADLE, '/app/gradlew build -x test'], [GRADLE, 'gradle'],
      [COMPOSER, 'composer global require phpunit/phpunit'], [COMPOSER, 'composer.phar install --no-dev'], [COMPOSER, 'composer create-project laravel/laravel app'],
      [DOTNET, 'dotnet publish -c Release -o /app'], [DOTNET, 'dotnet test'], [DOTNET, 'nuget restore App.sln'],
      [PNPM, 'pnpm i --frozen-lockfile'], [PNPM, 'pnpm -C app install'], [PNPM, 'pnpm fetch --prod'], [PNPM, 'pnpm --filter web install'],
      [MIX, 'mix do deps.get, compile'], [MIX, 'MIX_ENV=prod mix deps.get --only prod'], [MIX, 'mix deps.compile'],
      [GEM, 'gem install bundler -v 2.5.6'], [GEM, 'gem update --system'], [GEM, 'bundle'], [GEM, 'bundle install --jobs 4'], [GEM, 'bundler update'],
    ]) {
      assert.equal(findingsOf(`${F}RUN ${cmd}\n`, rule).length, 1, `${rule}: ${cmd}`);
      assert.equal(findingsOf(`${F}RUN set -eux; \\\n    apt-get update; \\\n    sudo ${cmd}\n`, rule).length, 1, `sudo ${cmd}`);
    }
    assert.equal(findingsOf(`${F}RUN ["cargo", "build", "--release"]\n`, CARGO).length, 1);
    assert.equal(findingsOf(`${F}RUN ["/bin/sh", "-c", "go build ./..."]\n`, GO).length, 1);
    assert.equal(findingsOf(`${F}RUN <<EOF\nset -e\nmvn package\nEOF\n`, MAVEN).length, 1);
    assert.equal(findingsOf(`${F}RUN bash -c 'pnpm install'\n`, PNPM).length, 1);
  });
  it('one finding per RUN, at the first command', () => {
    const text = `${F}RUN go mod download && go build -o /app ./cmd/app && go test ./...\n`;
    const [f, ...rest] = findingsOf(text, GO);
    assert.equal(rest.length, 0);
    assert.equal(f.range.start.line, 1);
    assert.equal(f.range.start.character, 4);
    assert.equal(f.range.end.character, 'RUN go mod download'.length);
  });
  it('never reports what neither downloads nor builds', () => {
    for (const [rule, cmd] of [
      [CARGO, 'cargo --version'], [CARGO, 'cargo version'], [CARGO, 'cargo new app'], [CARGO, 'cargo init'], [CARGO, 'rustup target add x86_64-unknown-linux-musl'],
      [GO, 'go version'], [GO, 'go env GOPATH'], [GO, 'go env -w GOPROXY=direct'], [GO, 'go mod init example.com/app'], [GO, 'go mod edit -go=1.22'], [GO, 'go help build'],
      [MAVEN, 'mvn -v'], [MAVEN, 'mvn --version'], [MAVEN, 'mvn help:evaluate -Dexpression=project.version -q -DforceStdout'], [MAVEN, 'mvn clean'],
      [GRADLE, 'gradle --version'], [GRADLE, './gradlew -v'], [GRADLE, 'gradle --stop'],
      [COMPOSER, 'composer --version'], [COMPOSER, 'composer dump-autoload --optimize'], [COMPOSER, 'composer config -g repo.packagist composer https://x'],
      [DOTNET, 'dotnet --info'], [DOTNET, 'dotnet build --no-restore -c Release'], [DOTNET, 'dotnet publish --no-restore -o /app'], [DOTNET, 'dotnet App.dll'],
      [PNPM, 'pnpm --version'], [PNPM, 'pnpm run build'], [PNPM, 'pnpm prune --prod'], [PNPM, 'pnpm config set store-dir /pnpm'],
      [MIX, 'mix local.hex --force'], [MIX, 'mix release'], [MIX, 'mix phx.digest'],
      [GEM, 'gem --version'], [GEM, 'gem env'], [GEM, 'bundle exec rake assets:precompile'], [GEM, 'bundle config set --local without development'], [GEM, 'bundle -v'],
    ]) {
      expectNone(`${F}RUN ${cmd}\n`, rule);
    }
    expectNone(`${F}RUN echo cargo build go build mvn package\n`, CARGO);
  });
  it('keeps reporting in a stage that is only copied from (the advice is build speed)', () => {
    assert.equal(findingsOf('FROM rust:1 AS build\nRUN cargo build --release\nFROM debian:12\nCOPY --from=build /app/target/release/app /app\n', CARGO).length, 1);
  });
});

describe('mounts that serve', () => {
  before(() => ready);
  it('a cache or tmpfs mount on the directory or a parent, with dst= / destination=, any option order', () => {
    expectNone(`${F}RUN --mount=type=cache,target=/root go build ./...\n`, GO);
    expectNone(`${F}RUN --mount=target=/root/.cache/go-build,type=cache,sharing=locked go build ./...\n`, GO);
    expectNone(`${F}RUN --mount=type=cache,dst=/root/.nuget/packages dotnet restore\n`, DOTNET);
    expectNone(`${F}RUN --mount=type=cache,destination=/root/.m2/repository/ mvn package\n`, MAVEN);
    // A bind or secret mount is not a cache.
    assert.equal(findingsOf(`${F}RUN --mount=type=secret,id=m2,target=/root/.m2/settings.xml mvn package\n`, MAVEN).length, 1);
    assert.equal(findingsOf(`${F}RUN --mount=type=bind,target=/root/.cache/go-build go build\n`, GO).length, 1);
  });
  it('the directories of the official images, which hadolint misses', () => {
    expectNone('FROM rust:1.80-slim\nRUN --mount=type=cache,target=/usr/local/cargo/registry --mount=type=cache,target=/usr/local/cargo/git cargo build --release\n', CARGO);
    expectNone('FROM composer:2\nRUN --mount=type=cache,target=/tmp/cache composer install\n', COMPOSER);
    expectNone('FROM ruby:3.3\nRUN --mount=type=cache,target=/usr/local/bundle/cache bundle install\n', GEM);
    expectNone(`${F}RUN --mount=type=cache,target=/root/.cache/composer composer install\n`, COMPOSER);
    expectNone(`${F}RUN --mount=type=cache,target=/root/.local/share/NuGet/http-cache dotnet restore\n`, DOTNET);
  });
  it('a directory moved on the command, in the script, or by ENV/ARG in the stage', () => {
    expectNone(`${F}RUN --mount=type=cache,target=/opt/cargo/registry CARGO_HOME=/opt/cargo cargo build\n`, CARGO);
    expectNone(`${F}ENV CARGO_HOME=/opt/cargo\nRUN --mount=type=cache,target=/opt/cargo/registry cargo build\n`, CARGO);
    expectNone(`${F}RUN --mount=type=cache,target=/gocache export GOCACHE=/gocache && go build ./...\n`, GO);
    expectNone(`${F}ENV GOPATH=/work\nRUN --mount=type=cache,target=/work/pkg/mod go mod download\n`, GO);
    expectNone(`${F}ARG GOMODCACHE=/modcache\nRUN --mount=type=cache,target=/modcache go mod download\n`, GO);
    expectNone(`${F}RUN --mount=type=cache,target=/repo mvn -Dmaven.repo.local=/repo package\n`, MAVEN);
    expectNone(`${F}ENV MAVEN_OPTS="-Xmx1g -Dmaven.repo.local=/repo"\nRUN --mount=type=cache,target=/repo mvn package\n`, MAVEN);
    expectNone(`${F}RUN --mount=type=cache,target=/gh/caches gradle -g /gh build\n`, GRADLE);
    expectNone(`${F}ENV GRADLE_USER_HOME=/gh\nRUN --mount=type=cache,target=/gh ./gradlew build\n`, GRADLE);
    expectNone(`${F}ENV COMPOSER_HOME=/composer\nRUN --mount=type=cache,target=/composer/cache composer install\n`, COMPOSER);
    expectNone(`${F}ENV COMPOSER_CACHE_DIR=/cc\nRUN --mount=type=cache,target=/cc composer install\n`, COMPOSER);
    expectNone(`${F}ENV NUGET_PACKAGES=/nuget\nRUN --mount=type=cache,target=/nuget dotnet restore\n`, DOTNET);
    expectNone(`${F}ENV PNPM_HOME=/p\nRUN --mount=type=cache,target=/p/store pnpm install\n`, PNPM);
    expectNone(`${F}RUN --mount=type=cache,target=/s pnpm install --store-dir /s\n`, PNPM);
    expectNone(`${F}ENV HEX_HOME=/h\nRUN --mount=type=cache,target=/h mix deps.get\n`, MIX);
    expectNone(`${F}ENV GEM_HOME=/gems\nRUN --mount=type=cache,target=/gems/cache gem install rails\n`, GEM);
    expectNone(`${F}ENV HOME=/home/app\nRUN --mount=type=cache,target=/home/app/.m2/repository mvn package\n`, MAVEN);
    expectNone(`${F}ENV BASE=/opt\nENV CARGO_HOME=\${BASE}/cargo\nRUN --mount=type=cache,target=/opt/cargo/registry cargo build\n`, CARGO);
    // Mount targets with ARG/ENV references, which BuildKit expands.
    expectNone(`${F}ARG GOCACHE=/gc\nRUN --mount=type=cache,target=\${GOCACHE} go build .\n`, GO);
    expectNone(`${F}ARG CACHE\nRUN --mount=type=cache,target=$CACHE/cargo cargo build\n`, CARGO);
    assert.equal(findingsOf(`${F}ARG D=/elsewhere\nRUN --mount=type=cache,target=$D cargo build\n`, CARGO).length, 1);
  });
  it('a directory moved where we cannot read it: a cache mount may be on it, so quiet; without any mount, reported without a fix', () => {
    expectNone(`${F}ARG CARGO_HOME\nRUN --mount=type=cache,target=/somewhere cargo build\n`, CARGO);
    const [f] = expectNoFix(`${F}ENV CARGO_HOME=$(pwd)/cargo\nRUN cargo build\n`, CARGO);
    assert.match(f.message, /\$CARGO_HOME\/registry/);
  });
});

describe('the fix', () => {
  before(() => ready);
  it('adds the mounts right after RUN, for the directories the command uses', () => {
    expectFix(`${F}RUN cargo build --release\n`, CARGO, `${F}RUN --mount=type=cache,target=/root/.cargo/registry --mount=type=cache,target=/root/.cargo/git cargo build --release\n`);
    expectFix('FROM rust:1\nRUN cargo build\n', CARGO, 'FROM rust:1\nRUN --mount=type=cache,target=/usr/local/cargo/registry --mount=type=cache,target=/usr/local/cargo/git cargo build\n');
    expectFix('FROM golang:1.22 AS build\nRUN go mod download\n', GO, 'FROM golang:1.22 AS build\nRUN --mount=type=cache,target=/go/pkg/mod go mod download\n');
    expectFix('FROM golang:1.22\nRUN go build -o /app .\n', GO, 'FROM golang:1.22\nRUN --mount=type=cache,target=/root/.cache/go-build --mount=type=cache,target=/go/pkg/mod go build -o /app .\n');
    expectFix(`${F}RUN go build .\n`, GO, `${F}RUN --mount=type=cache,target=/root/.cache/go-build --mount=type=cache,target=/root/go/pkg/mod go build .\n`);
    expectFix(`${F}RUN mvn package\n`, MAVEN, `${F}RUN --mount=type=cache,target=/root/.m2/repository mvn package\n`);
    expectFix(`${F}RUN ./gradlew build\n`, GRADLE, `${F}RUN --mount=type=cache,target=/root/.gradle/caches --mount=type=cache,target=/root/.gradle/wrapper ./gradlew build\n`);
    expectFix(`${F}RUN gradle build\n`, GRADLE, `${F}RUN --mount=type=cache,target=/root/.gradle/caches gradle build\n`);
    expectFix(`${F}RUN composer install\n`, COMPOSER, `${F}RUN --mount=type=cache,target=/root/.composer/cache composer install\n`);
    expectFix('FROM composer:2\nRUN composer install\n', COMPOSER, 'FROM composer:2\nRUN --mount=type=cache,target=/tmp/cache composer install\n');
    expectFix(`${F}RUN dotnet restore\n`, DOTNET, `${F}RUN --mount=type=cache,target=/root/.nuget/packages dotnet restore\n`);
    expectFix(`${F}RUN pnpm install\n`, PNPM, `${F}RUN --mount=type=cache,target=/root/.local/share/pnpm/store pnpm install\n`);
    expectFix(`${F}ENV PNPM_HOME=/pnpm\nRUN pnpm install\n`, PNPM, `${F}ENV PNPM_HOME=/pnpm\nRUN --mount=type=cache,target=/pnpm/store pnpm install\n`);
    expectFix(`${F}RUN mix deps.get\n`, MIX, `${F}RUN --mount=type=cache,target=/root/.hex mix deps.get\n`);
    expectFix('FROM ruby:3.3\nRUN bundle install\n', GEM, 'FROM ruby:3.3\nRUN --mount=type=cache,target=/usr/local/bundle/cache bundle install\n');
    expectFix(`${F}ENV GEM_HOME=/gems\nRUN gem install rails\n`, GEM, `${F}ENV GEM_HOME=/gems\nRUN --mount=type=cache,target=/gems/cache gem install rails\n`);
    expectFix(`${F}RUN GOCACHE=/gc go build .\n`, GO, `${F}RUN --mount=type=cache,target=/gc --mount=type=cache,target=/root/go/pkg/mod GOCACHE=/gc go build .\n`);
  });
  it('keeps flags, continuations, escape directives, CRLF, exec form, heredocs, ONBUILD, lower-case keywords', () => {
    expectFix(`${F}RUN --network=host --mount=type=bind,source=.,target=/src cargo build\n`, CARGO,
      `${F}RUN --mount=type=cache,target=/root/.cargo/registry --mount=type=cache,target=/root/.cargo/git --network=host --mount=type=bind,source=.,target=/src cargo build\n`);
    expectFix(`${F}RUN \\\n    mvn -B \\\n      package\n`, MAVEN, `${F}RUN --mount=type=cache,target=/root/.m2/repository \\\n    mvn -B \\\n      package\n`);
    expectFix(`# escape=\`\nFROM debian:12\nRUN mvn \`\n  package\n`, MAVEN, `# escape=\`\nFROM debian:12\nRUN --mount=type=cache,target=/root/.m2/repository mvn \`\n  package\n`);
    expectFix('FROM debian:12\r\nRUN mvn package \\\r\n  -DskipTests\r\n', MAVEN, 'FROM debian:12\r\nRUN --mount=type=cache,target=/root/.m2/repository mvn package \\\r\n  -DskipTests\r\n');
    expectFix(`${F}RUN ["mvn", "package"]\n`, MAVEN, `${F}RUN --mount=type=cache,target=/root/.m2/repository ["mvn", "package"]\n`);
    expectFix(`${F}RUN <<EOF\nmvn package\nEOF\n`, MAVEN, `${F}RUN --mount=type=cache,target=/root/.m2/repository <<EOF\nmvn package\nEOF\n`);
    expectFix(`${F}ONBUILD RUN mvn package\n`, MAVEN, `${F}ONBUILD RUN --mount=type=cache,target=/root/.m2/repository mvn package\n`);
    expectFix(`${F}run mvn package\n`, MAVEN, `${F}run --mount=type=cache,target=/root/.m2/repository mvn package\n`);
  });
  it('is unsafe', () => {
    const [f] = findingsOf(`${F}RUN mvn package\n`, MAVEN);
    assert.equal(f.fixes.length, 1);
    assert.equal(f.fixes[0].safety, 'unsafe');
    assert.match(f.message, /--mount=type=cache,target=\/root\/.m2\/repository/);
  });
  it('is not offered when the directory is unknown, or the user is not root', () => {
    expectNoFix(`${F}ENV CARGO_HOME=$SOMETHING\nRUN cargo build\n`, CARGO);
    expectNoFix(`${F}ARG GOPATH\nRUN go mod download\n`, GO);
    expectNoFix(`${F}USER app\nRUN mvn package\n`, MAVEN);
    expectNoFix(`${F}RUN sudo -u app mvn package\n`, MAVEN);
    expectNoFix(`${F}RUN mvn -Dmaven.repo.local=.m2 package\n`, MAVEN);
    expectNoFix(`${F}RUN gem install rails\n`, GEM);
    expectNoFix(`${F}RUN bundle install --deployment\n`, GEM);
    expectNoFix(`${F}ENV BUNDLE_PATH=vendor/bundle\nRUN bundle install\n`, GEM);
    // USER root again: fixable.
    assert.equal(findingsOf(`${F}USER app\nUSER root\nRUN mvn package\n`, MAVEN)[0].fixes.length, 1);
  });
});

describe('stages built on other stages', () => {
  before(() => ready);
  it('reads the base image through FROM <stage>', () => {
    expectFix('FROM rust:1 AS base\nFROM base AS build\nRUN cargo build\n', CARGO,
      'FROM rust:1 AS base\nFROM base AS build\nRUN --mount=type=cache,target=/usr/local/cargo/registry --mount=type=cache,target=/usr/local/cargo/git cargo build\n');
  });
  it('an ancestor that moves the directory or changes the user: reported without a fix, or quiet when the RUN mounts a cache', () => {
    expectNoFix('FROM debian:12 AS base\nENV CARGO_HOME=/opt/cargo\nFROM base\nRUN cargo build\n', CARGO);
    expectNoFix('FROM debian:12 AS base\nUSER app\nFROM base\nRUN mvn package\n', MAVEN);
    expectNone('FROM debian:12 AS base\nENV CARGO_HOME=/opt/cargo\nFROM base\nRUN --mount=type=cache,target=/opt/cargo/registry cargo build\n', CARGO);
  });
  it('the same findings and fixes whether the file is linted whole or stage by stage', () => {
    const text = 'FROM rust:1 AS base\nENV CARGO_HOME=/opt/cargo\nFROM base AS a\nRUN cargo build\nFROM rust:1 AS b\nUSER app\nFROM b\nRUN cargo fetch\n'
      + 'FROM debian:12 AS c\nRUN cargo test\nFROM c\nRUN --mount=type=cache,target=/opt/x cargo check\n';
    const pick = (list: ReturnType<typeof lintAll>) => list.filter((f) => f.ruleId === CARGO).map((f) => ({ line: f.range.start.line, fixes: f.fixes.length }));
    const chunked = pick(lintAll(text));
    assert.deepEqual(chunked, [{ line: 3, fixes: 0 }, { line: 7, fixes: 0 }, { line: 9, fixes: 1 }, { line: 11, fixes: 1 }]);
    assert.deepEqual(pick(new Linter({ chunked: false }).lint(text)), chunked);
  });
});

describe('with other rules', () => {
  before(() => ready);
  it("copy-all-before-install's dependency step gets the same advice as the install it comes from", () => {
    const text = 'FROM maven:3\nWORKDIR /app\nCOPY . .\nRUN mvn -B package -DskipTests\n';
    const fix = lintAll(text).find((f) => f.ruleId === 'copy-all-before-install')!.fixes[0];
    const fixed = applyFix(text, fix);
    assert.deepEqual(findingsOf(fixed, MAVEN).map((f) => [f.range.start.line, f.fixes.length]), [[3, 1], [5, 1]]);
  });
});

describe('robustness', () => {
  before(() => ready);
  it('never throws on half-typed input', () => {
    for (const text of ['FROM x\nRUN --mount=', 'FROM x\nRUN --mount=type=cache cargo', 'FROM x\nRUN cargo', 'FROM x\nENV CARGO_HOME=\nRUN cargo build', 'FROM x\nENV GOPATH=${\nRUN go build',
      'FROM x\nRUN ["go"', 'FROM x\nONBUILD RUN', 'FROM x\nRUN <<EOF\ncargo build', '\uFEFFFROM x\r\nRUN mvn package', 'FROM x\nENV A=$A\nENV CARGO_HOME=$A/x\nRUN cargo build']) {
      lintAll(text);
    }
  });
});
