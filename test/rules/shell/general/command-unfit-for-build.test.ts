import { before, describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { expectNone, findingsOf, ready } from '../../../helpers';

const RULE = 'command-unfit-for-build';

describe(RULE, () => {
  before(() => ready);

  it('flags each program that makes no sense in a build', () => {
    for (const p of ['ssh host', 'vim /etc/x', 'shutdown -h now', 'service nginx start', 'ps aux', 'free -m', 'top -b -n 1', 'kill 1', 'mount /dev/sda1 /mnt', 'ifconfig']) {
      const found = findingsOf(`FROM debian\nRUN ${p}\n`, RULE);
      assert.equal(found.length, 1, p);
      assert.match(found[0].message, new RegExp(`^${p.split(' ')[0]} makes no sense`));
      assert.equal(found[0].range.start.character, 4);
    }
  });
  it('looks at the program, not its arguments, behind wrappers too', () => {
    expectNone('FROM debian\nRUN apt-get install -y vim procps openssh-client && which ps && command -v kill && echo top\n', RULE);
    assert.equal(findingsOf('FROM debian\nRUN sudo service mysql start\n', RULE).length, 1);
    assert.equal(findingsOf("FROM debian\nRUN sh -c 'ps -ef'\n", RULE).length, 1);
  });
  it('lets kill stop what the same RUN started in the background or a pid read at run time', () => {
    expectNone('FROM debian\nRUN server & pid=$!; sleep 2; run-tests; kill $pid\n', RULE);
    expectNone('FROM debian\nRUN mysqld_safe --user=mysql & sleep 5 && mysql < /init.sql && kill %1\n', RULE);
    expectNone('FROM debian\nRUN nginx && kill "$(cat /run/nginx.pid)"\n', RULE);
    assert.equal(findingsOf('FROM debian\nRUN kill -9 1\n', RULE).length, 1);
  });
  it('lets a service started and stopped in the same RUN be', () => {
    expectNone('FROM debian\nRUN service mysql start && mysql < /init.sql && service mysql stop\n', RULE);
    assert.equal(findingsOf('FROM debian\nRUN service mysql start && mysql < /init.sql && service nginx stop\n', RULE).length, 2);
  });
  it('follows ignore comments and heredocs', () => {
    expectNone('FROM debian\n# hadolint ignore=DL3001\nRUN ps aux\n', RULE);
    assert.equal(findingsOf('FROM debian\nRUN <<EOF\nservice x start\nEOF\n', RULE).length, 1);
  });
});
