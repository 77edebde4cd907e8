import { before, describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { expectNone, findingsOf, ready } from '../../helpers';
import { isValidReference } from '../../../server/src/rules/variables/invalid-default-arg-in-from';

const RULE = 'invalid-default-arg-in-from';

describe(RULE, () => {
  before(() => ready);

  it('reports a global ARG without default that empties the tag or the name', () => {
    assert.equal(findingsOf('ARG TAG\nFROM alpine:$TAG\n', RULE).length, 1);
    const [f] = findingsOf('ARG IMAGE\nFROM $IMAGE\n', RULE);
    assert.match(f.message, /empty/);
    assert.match(findingsOf('ARG TAG\nFROM alpine:$TAG\n', RULE)[0].message, /give TAG a default value/);
  });
  it('reports an invalid default (upper case repository)', () => {
    assert.equal(findingsOf('ARG IMG=MyImage\nFROM $IMG\n', RULE).length, 1);
  });
  it('names the variable whose default is wrong when every variable has one', () => {
    // The default ends the name with a colon and no tag: "nginx:".
    const [f] = findingsOf('ARG FLAVOUR="x:"\nFROM ngin${FLAVOUR}\n', RULE);
    assert.match(f.message, /"nginx:" is invalid: ngin\$\{FLAVOUR\} \(check the default value of FLAVOUR\)/);
    assert.doesNotMatch(f.message, /\?/);
  });
  it('is silent when the defaults make a valid name', () => {
    expectNone('ARG TAG=3.20\nFROM alpine:$TAG\n', RULE);
    expectNone('ARG VARIANT\nFROM node:20${VARIANT:+-$VARIANT}\n', RULE);
    expectNone('ARG V=3.20\nARG IMG=alpine:$V\nFROM $IMG\n', RULE);
    expectNone('ARG REG=registry.example.com:5000\nFROM $REG/team/app:1\n', RULE);
    expectNone('FROM golang:1.22-$TARGETOS\n', RULE);
    expectNone('ARG BASE=builder\nFROM scratch AS builder\nFROM $BASE\n', RULE);
  });
  it('leaves undeclared names to undefined-arg-in-from', () => {
    expectNone('FROM alpine:$TAG\n', RULE);
  });
  it('reference syntax', () => {
    for (const ok of ['alpine', 'alpine:3', 'library/alpine:latest', 'ghcr.io/a/b-c_d.e:v1.2', 'localhost:5000/x', 'a@sha256:' + 'a'.repeat(64), 'x:y@sha256:' + 'b'.repeat(64)]) assert.ok(isValidReference(ok), ok);
    for (const bad of ['', 'alpine:', 'Alpine', ':tag', 'a//b', 'a:b:c', 'a@sha256:xyz', 'a'.repeat(64).replace(/a/g, 'f'), '-a', 'a-']) assert.ok(!isValidReference(bad), bad);
  });
});
