import { before, describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { expectFix, expectNone, findingsOf, ready } from '../../helpers';
import { marks } from './_util';

describe('syntax: key-value pairs, substitutions, STOPSIGNAL, HEALTHCHECK, heredocs', () => {
  before(() => ready);

  it('key-value-invalid: missing =, blank names, no value, open quotes', () => {
    const text = 'FROM alpine\nENV A=1 B C="unterminated\n';
    assert.deepEqual(marks(text, 'key-value-invalid'), ['B', '"unterminated']);
    assert.equal(findingsOf(text, 'key-value-invalid')[0].severity, 'error');
    assert.deepEqual(marks('FROM alpine\nENV lonely\nLABEL =x\nARG =y\n', 'key-value-invalid'), ['lonely', '=x', '=y']);
    assert.deepEqual(marks("FROM alpine\nARG V='x\nENV A b 'c\n", 'key-value-invalid'), ["'x", "'c"]);
    assert.deepEqual(marks('FROM alpine\nONBUILD ENV A=1 B\n', 'key-value-invalid'), ['B']);
    // Continuations: the open quote is found on the logical line.
    assert.deepEqual(marks('FROM alpine\nLABEL a="1" \\\n      b="2\n', 'key-value-invalid'), ['"2']);
  });
  it('key-value-invalid: valid pairs in every form', () => {
    expectNone([
      'FROM alpine',
      'ENV A=1 B="two words" C=\'single $x\' D=it\\\'s E="a\\"b" F= G=${A:-x}',
      'ENV LEGACY value with spaces',
      'LABEL "com.example.vendor"="ACME Inc" version=1.0 \\',
      '      description="multi \\',
      '  line"',
      'ARG A B=2 C="x y"',
      'ENV PATH=$PATH:/x',
    ].join('\n'), 'key-value-invalid');
    expectNone('# escape=`\nFROM alpine\nENV WIN=C:\\Users\\x P="C:\\a\\"\n', 'key-value-invalid');
  });

  it('variable-substitution-invalid: modifiers BuildKit does not have, unclosed ${', () => {
    const text = 'FROM alpine\nENV P=${HOME:0:3} Q=${X:#y} R=${X=y} S=${A.b}\n';
    assert.deepEqual(marks(text, 'variable-substitution-invalid'), ['${HOME:0:3}', '${X:#y}', '${X=y}', '${A.b}']);
    assert.equal(findingsOf(text, 'variable-substitution-invalid')[0].severity, 'error');
    assert.deepEqual(marks('FROM alpine\nWORKDIR ${DIR\n', 'variable-substitution-invalid'), ['${DIR']);
    assert.deepEqual(marks('FROM alpine\nCOPY ${} /x\nLABEL a=${:x}\n', 'variable-substitution-invalid'), ['${}', '${:x}']);
    assert.deepEqual(marks('FROM ${BASE:0}\n', 'variable-substitution-invalid'), ['${BASE:0}']);
    assert.deepEqual(marks('FROM alpine\nONBUILD WORKDIR ${D:0}\nONBUILD RUN echo ${D:0}\n', 'variable-substitution-invalid'), ['${D:0}']);
  });
  it('variable-substitution-invalid: every supported form, quotes, escapes, shell instructions', () => {
    expectNone([
      'ARG V=1',
      'FROM alpine:${V:-3}',
      'ENV A=${V-x} B=${V:+y} C=${V+y} D=${V:?need} E=${V?need} F=${V#p} G=${V##*/} H=${V%.*} I=${V%%-*} J=${V/a/b} K=${V//a/b}',
      'ENV N=${V:-${W:-x}} Q=\'${not:0:1}\' R=\\${escaped:0} S=${@}',
      'RUN echo ${HOME:0:3} ${#x}',
      'CMD echo ${x:1}',
      'COPY <<EOF /x',
      '${inside:0:1}',
      'EOF',
    ].join('\n'), 'variable-substitution-invalid');
    expectNone('# escape=`\nFROM alpine\nENV A=`${x:0}\n', 'variable-substitution-invalid');
  });

  it('stopsignal-invalid: names, numbers, variables', () => {
    const text = 'FROM alpine\nSTOPSIGNAL SIGTREM\n';
    assert.deepEqual(marks(text, 'stopsignal-invalid'), ['SIGTREM']);
    expectFix(text, 'stopsignal-invalid', 'FROM alpine\nSTOPSIGNAL SIGTERM\n');
    assert.deepEqual(marks('FROM alpine\nSTOPSIGNAL 0\n', 'stopsignal-invalid'), ['0']);
    assert.deepEqual(marks('FROM alpine\nSTOPSIGNAL 99\n', 'stopsignal-invalid'), ['99']);
    assert.deepEqual(marks('FROM alpine\nSTOPSIGNAL HANGUP\n', 'stopsignal-invalid'), ['HANGUP']);
    for (const s of ['"SIGTERM"', 'SIGTERM', 'term', 'sigquit', 'SIGRTMIN+3', 'RTMAX-2', '9', '64', '$SIG', '${SIG:-SIGTERM}', 'SIGWINCH']) {
      expectNone(`FROM alpine\nSTOPSIGNAL ${s}\n`, 'stopsignal-invalid');
    }
  });

  it('healthcheck-invalid: type and missing command', () => {
    const text = 'FROM alpine\nHEALTHCHECK --interval=5s curl -f http://x\n';
    assert.deepEqual(marks(text, 'healthcheck-invalid'), ['curl']);
    expectFix(text, 'healthcheck-invalid', 'FROM alpine\nHEALTHCHECK --interval=5s CMD curl -f http://x\n');
    assert.deepEqual(marks('FROM alpine\nHEALTHCHECK CMD\n', 'healthcheck-invalid'), ['CMD']);
    assert.deepEqual(marks('FROM alpine\nHEALTHCHECK CMD []\n', 'healthcheck-invalid'), ['CMD []']);
    assert.deepEqual(marks('FROM alpine\nONBUILD HEALTHCHECK wget x\n', 'healthcheck-invalid'), ['wget']);
    expectNone('FROM alpine\nHEALTHCHECK NONE\nhealthcheck cmd ["curl", "-f", "x"]\nHEALTHCHECK --interval=5s \\\n  CMD true\n', 'healthcheck-invalid');
  });

  it('heredoc-invalid: unterminated, space-indented <<- delimiters, heredoc destinations', () => {
    const text = 'FROM alpine\nRUN <<-EOF\n  echo hi\n  EOF\n';
    assert.deepEqual(marks(text, 'heredoc-invalid'), ['<<-EOF']);
    assert.match(findingsOf(text, 'heredoc-invalid')[0].message, /only leading tabs/);
    assert.match(findingsOf('FROM alpine\nRUN <<EOF\necho\n EOF\n', 'heredoc-invalid')[0].message, /indented delimiter/);
    assert.match(findingsOf('FROM alpine\nCOPY <<EOF /x\nhi\n', 'heredoc-invalid')[0].message, /no line "EOF"/);
    assert.deepEqual(marks('FROM alpine\nCOPY a <<EOF\nhi\nEOF\n', 'heredoc-invalid'), ['<<EOF']);
    // A body line ending in the escape character does not continue onto the delimiter.
    expectNone('FROM alpine\nRUN <<EOF\necho \\\nEOF\nRUN x\nCOPY <<EOF /x\nline \\\nEOF\n', 'heredoc-invalid');
    expectNone('# escape=`\nFROM alpine\nRUN <<EOF\necho `\nEOF\n', 'heredoc-invalid');
    // `<<` inside quotes or arithmetic is no heredoc for BuildKit.
    expectNone("FROM alpine\nRUN echo 'x <<EOF'\nRUN echo $((1<<3)) \"a<<b\"\nRUN cat <<< str\n", 'heredoc-invalid');
    expectNone('FROM alpine\nRUN <<-EOF\n\techo hi\n\tEOF\nRUN <<"END" bash\necho $x\nEND\nCOPY <<a.txt <<b.txt /d/\nx\na.txt\ny\nb.txt\n', 'heredoc-invalid');
  });
});
