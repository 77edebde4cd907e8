import { before, describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { Linter } from '../../../server/src/lint';
import { registryMatches, registryOf } from '../../../server/src/rules/config/untrusted-registry';
import { DEFAULT_SETTINGS, mergeSettings } from '../../../server/src/settings';
import { ready } from '../../helpers';

const RULE = 'untrusted-registry';
const trusted = (...r: string[]) => mergeSettings(DEFAULT_SETTINGS, { trustedRegistries: r });
const found = (text: string, ...r: string[]) => new Linter().lint(text, trusted(...r)).filter((f) => f.ruleId === RULE).map((f) => `${f.range.start.line + 1}:${f.range.start.character + 1}-${f.range.end.character + 1} ${f.message}`);

describe(RULE, () => {
  before(() => ready);

  it('is silent until registries are configured', () => {
    assert.deepEqual(new Linter().lint('FROM quay.io/a/b\n').filter((f) => f.ruleId === RULE), []);
  });

  it('reports an image from another registry, on the image, as an error', () => {
    assert.deepEqual(found('FROM quay.io/prometheus/node-exporter:v1 AS x\n', 'docker.io'),
      ['1:6-41 Image "quay.io/prometheus/node-exporter:v1" comes from registry "quay.io", which is not trusted (trusted: docker.io)']);
    const f = new Linter().lint('FROM quay.io/a\n', trusted('docker.io')).find((x) => x.ruleId === RULE);
    assert.equal(f?.severity, 'error');
    assert.equal(f?.related.hadolint, 'DL3026');
  });

  it('bare names are docker.io (and its aliases)', () => {
    assert.deepEqual(found('FROM alpine:3.20\nFROM library/nginx\nFROM docker.io/library/redis\nFROM index.docker.io/x/y\n', 'docker.io'), []);
    assert.deepEqual(found('FROM alpine\n', 'gcr.io').length, 1);
  });

  it('wildcards match subdomains, not the bare domain, nor across a /', () => {
    assert.deepEqual(found('FROM eu.gcr.io/distroless/static\nFROM us.gcr.io/x\n', '*.gcr.io'), []);
    assert.equal(found('FROM gcr.io/distroless/static\n', '*.gcr.io').length, 1);
    assert.ok(registryMatches('*', 'quay.io'));
    assert.ok(registryMatches('registry.*.example.com', 'registry.eu.example.com'));
    assert.ok(!registryMatches('*.gcr.io', 'evil.com/x.gcr.io'));
    assert.ok(registryMatches('https://Registry.Example.com/', 'registry.example.com'), 'scheme, case and trailing slash ignored');
  });

  it('ports and localhost are registries', () => {
    assert.equal(registryOf('localhost/app'), 'localhost');
    assert.equal(registryOf('registry.example.com:5000/app:1'), 'registry.example.com:5000');
    assert.equal(registryOf('myuser/app'), 'docker.io');
    assert.deepEqual(found('FROM registry.example.com:5000/app\n', 'registry.example.com:5000'), []);
  });

  it('exempts scratch, stage references and images built from variables', () => {
    const text = 'FROM docker.io/golang AS build\nFROM build AS test\nFROM scratch\nFROM ${BASE}/app\nFROM $REGISTRY/x\nFROM BUILD\n';
    assert.deepEqual(found(text, 'docker.io'), []);
    // A stage name used before it is defined is an image.
    assert.equal(found('FROM later\nFROM quay.io/a AS later\n', 'gcr.io').length, 2);
  });

  it('multi-stage: each FROM is checked, across chunks', () => {
    const text = 'FROM quay.io/a AS one\nRUN x\nFROM alpine\nFROM ghcr.io/b\n';
    assert.deepEqual(found(text, 'docker.io').map((x) => x.split(' ')[0]), ['1:6-15', '4:6-15']);
  });

  it('can be ignored inline', () => {
    assert.deepEqual(found('# hadolint ignore=DL3026\nFROM quay.io/a\n', 'docker.io'), []);
  });
});
