/** The gen helper's rules speak Chinese when the locale is zh-cn (placeholders filled in). */
import { after, before, describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { findingsOf, ready } from '../../../helpers';
import { setLocale } from '../../../../server/src/l10n';

describe('shell rules in Chinese', () => {
  before(async () => {
    await ready;
    setLocale('zh-cn');
  });
  after(() => setLocale('en'));

  it('translates messages and fix titles', () => {
    const [p] = findingsOf('FROM debian:12\nRUN curl -fsSL https://e.com/x | tar -xz\n', 'pipe-without-pipefail');
    assert.match(p.message, /管道会掩盖.*dash，不支持 pipefail/);
    assert.match(p.fixes[0].title, /^在此 RUN 之前添加 SHELL \["\/bin\/bash"/);
    const [y] = findingsOf('FROM centos:7\nRUN yum install httpd-2 && yum clean all\n', 'yum-install-without-yes');
    assert.equal(y.message, 'yum install 未加 -y：构建过程无法回答它的确认提示');
    assert.equal(y.fixes[0].title, '为 yum install 添加 -y');
    const [u] = findingsOf('FROM debian\nRUN service nginx start\n', 'command-unfit-for-build');
    assert.match(u.message, /^在构建中运行 service 没有意义：构建容器中没有 init 系统/);
    const [c] = findingsOf('FROM centos:7\nRUN yum install -y a-1\n', 'yum-cache-not-cleaned');
    assert.equal(c.message, 'yum install 会把软件包缓存留在镜像层中：请在同一 RUN 中执行 yum clean all（或在 /var/cache/yum 上挂载缓存）');
  });
});
