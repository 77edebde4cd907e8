import { before, describe, it } from 'node:test';
import { expectFix, expectNone, ready } from '../../../helpers';

const RULE = 'useradd-high-uid-without-no-log-init';

describe(RULE, () => {
  before(() => ready);

  it('adds -l after useradd', () => {
    expectFix('FROM debian\nRUN useradd -u 1000000 app\n', RULE, 'FROM debian\nRUN useradd -l -u 1000000 app\n');
    expectFix('FROM debian\nRUN useradd --uid=123456 -m app\n', RULE, 'FROM debian\nRUN useradd -l --uid=123456 -m app\n');
    expectFix('FROM debian\nRUN groupadd -g 100001 g && useradd -g g -ru100001 app\n', RULE, 'FROM debian\nRUN groupadd -g 100001 g && useradd -l -g g -ru100001 app\n');
    expectFix('FROM debian\nRUN sudo useradd -u 200000 app\n', RULE, 'FROM debian\nRUN sudo useradd -l -u 200000 app\n');
  });
  it('fixes across continuations, CRLF, the backtick escape, heredocs and ONBUILD', () => {
    expectFix('FROM debian\r\nRUN groupadd -g 200000 g \\\r\n && useradd \\\r\n  -u 200000 -g g app\r\n', RULE, 'FROM debian\r\nRUN groupadd -g 200000 g \\\r\n && useradd -l \\\r\n  -u 200000 -g g app\r\n');
    expectFix('# escape=`\nFROM debian\nrun useradd `\n  -u 200000 app\n', RULE, '# escape=`\nFROM debian\nrun useradd -l `\n  -u 200000 app\n');
    expectFix('FROM debian\nRUN <<EOF\nuseradd -u 200000 app\nEOF\n', RULE, 'FROM debian\nRUN <<EOF\nuseradd -l -u 200000 app\nEOF\n');
    expectFix('FROM debian\nONBUILD RUN useradd -u 200000 app\n', RULE, 'FROM debian\nONBUILD RUN useradd -l -u 200000 app\n');
  });
  it('is silent with -l / --no-log-init, small or unknown uids, adduser', () => {
    expectNone('FROM debian\nRUN useradd -l -u 1000000 app && useradd --no-log-init -u 1000001 b && useradd -lu 1000002 c\n', RULE);
    expectNone('FROM debian\nRUN useradd -u 1000 app && useradd -u 99999 b && useradd -u "$UID" c && useradd -u ${USER_ID} d\n', RULE);
    expectNone('FROM debian\nRUN adduser -u 1000000 app && useradd app\n', RULE);
    expectNone('FROM debian\n# hadolint ignore=DL3046\nRUN useradd -u 1000000 app\n', RULE);
  });
});
