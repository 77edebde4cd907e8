import { before, describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { ready } from '../helpers';
import { analyzeScript } from '../../server/src/shell/parser';

describe('ScriptAnalysis.assignments', () => {
  before(() => ready);

  it('records variables set for the script: bare, export, declare, in subshells', () => {
    const a = analyzeScript('X=1; export CGO_ENABLED=0 GOOS=linux && (declare -x Y="a b") && Z=$(date)');
    assert.deepEqual(a.assignments, [
      { name: 'X', value: '1', exported: false },
      { name: 'CGO_ENABLED', value: '0', exported: true },
      { name: 'GOOS', value: 'linux', exported: true },
      { name: 'Y', value: 'a b', exported: true },
      { name: 'Z', value: null, exported: false },
    ]);
  });

  it('leaves out assignments for one command (those are Command.env)', () => {
    const a = analyzeScript('CGO_ENABLED=0 go build ./...');
    assert.deepEqual(a.assignments, []);
    assert.deepEqual(a.commands[0].env, [{ name: 'CGO_ENABLED', value: '0' }]);
  });
});
