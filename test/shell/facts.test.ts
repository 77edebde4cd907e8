import { before, describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { ready } from '../helpers';
import { analyzeScript } from '../../server/src/shell/parser';
import { invocations, parseArgs } from '../../server/src/shell/facts';
import { DockerfileModel } from '../../server/src/model';
import { runScripts } from '../../server/src/shell/script';

describe('shell facts', () => {
  before(() => ready);

  it('sees through wrappers and records env assignments', () => {
    const inv = invocations(analyzeScript('DEBIAN_FRONTEND=noninteractive sudo -u root env A=1 timeout 60 /usr/bin/apt-get install -y curl'));
    assert.equal(inv.length, 1);
    assert.equal(inv[0].program, 'apt-get');
    assert.deepEqual(inv[0].wrappers, ['sudo', 'env', 'timeout']);
    assert.deepEqual(inv[0].args.map((w) => w.value), ['install', '-y', 'curl']);
    assert.equal(inv[0].env.get('DEBIAN_FRONTEND'), 'noninteractive');
    assert.equal(inv[0].env.get('A'), '1');
  });

  it('keeps statement, pipeline and chain facts', () => {
    const a = analyzeScript('apt-get update && apt-get install x; curl -s u | sh');
    const inv = invocations(a);
    assert.deepEqual(inv.map((i) => [i.program, i.command.statement, i.command.inPipeline]), [
      ['apt-get', 0, false], ['apt-get', 0, false], ['curl', 1, true], ['sh', 1, true],
    ]);
    assert.equal(a.pipelines.length, 1);
  });

  it('parses getopt-style arguments', () => {
    const words = invocations(analyzeScript('pip install -qr req.txt --no-cache-dir -c c.txt flask==2.0 -- -x'))[0].args;
    const p = parseArgs(words, new Set(['-r', '-c', '--requirement']));
    assert.ok(p.has('-q') && p.has('--no-cache-dir'));
    assert.equal(p.valueOf('-r'), 'req.txt');
    assert.equal(p.valueOf('-c'), 'c.txt');
    assert.deepEqual(p.positionals.map((w) => w.value), ['install', 'flask==2.0', '-x']);
  });

  it('reads the script of exec-form RUN ["sh", "-c", …] and of ONBUILD RUN', () => {
    const m = new DockerfileModel('FROM a\nRUN ["/bin/sh", "-c", "apk add curl"]\nONBUILD RUN apk add git\n');
    const [s] = runScripts(m, m.instructions[1]);
    assert.equal(s.kind, 'exec-form');
    assert.equal(m.text.slice(s.toDoc(0), s.toDoc(3, true)), 'apk');
    const trigger = m.instructions[2].trigger!;
    assert.equal(trigger.keyword, 'RUN');
    const [t] = runScripts(m, trigger);
    assert.equal(m.text.slice(t.toDoc(0), t.toDoc(3, true)), 'apk');
    // Escapes in the JSON string: offsets cannot be mapped, so the script is read-only.
    const e = new DockerfileModel('FROM a\nRUN ["sh", "-c", "echo \\"x\\" && apk add curl"]\n');
    assert.equal(runScripts(e, e.instructions[1])[0].readOnly, true);
  });
});
