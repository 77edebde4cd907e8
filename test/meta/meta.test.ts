/**
 * Registry ↔ rule files ↔ docs ↔ tests ↔ package.json schema ↔ localisation stay in sync.
 */
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { execFileSync } from 'node:child_process';
import { RULES, ruleDir } from '../../server/src/rules';
import { INSTRUCTION_DOCS, referenceMessages } from '../../server/src/features/instructions';
import { snippetMessages } from '../../server/src/features/reference/snippets';
import { signatureMessages } from '../../server/src/features/signatureHelp';
import { RULE_SETTING_VALUES } from '../../server/src/settings';

const ROOT = path.resolve(__dirname, '../../..');
const read = (p: string) => fs.readFileSync(path.join(ROOT, p), 'utf8');
const json = (p: string) => JSON.parse(read(p));

describe('meta', () => {
  it('every rule file is registered, documented in both languages and tested', () => {
    // Every .ts under rules/ except index.ts, types.ts and shared helpers (`_*.ts`) is a rule.
    const files: string[] = [];
    const walk = (rel: string) => {
      for (const e of fs.readdirSync(path.join(ROOT, 'server/src/rules', rel), { withFileTypes: true })) {
        const r = rel ? `${rel}/${e.name}` : e.name;
        if (e.isDirectory()) walk(r);
        else if (e.name.endsWith('.ts') && e.name !== 'index.ts' && e.name !== 'types.ts' && !e.name.startsWith('_')) files.push(r.slice(0, -3));
      }
    };
    walk('');
    assert.deepEqual(files.sort(), RULES.map((r) => `${ruleDir(r)}/${r.id}`).sort(), 'one file per rule, named by its id, registered in its folder\'s index.ts');
    const testFiles: string[] = [];
    const walkTests = (rel: string) => {
      for (const e of fs.readdirSync(path.join(ROOT, rel), { withFileTypes: true })) {
        if (e.isDirectory()) walkTests(`${rel}/${e.name}`);
        else testFiles.push(read(`${rel}/${e.name}`));
      }
    };
    walkTests('test/rules');
    const tests = testFiles.join('\n');
    const ids = new Set<string>();
    for (const rule of RULES) {
      assert.ok(!ids.has(rule.id), `duplicate id ${rule.id}`);
      ids.add(rule.id);
      assert.ok(fs.existsSync(path.join(ROOT, 'server/src/rules', ruleDir(rule), `${rule.id}.md`)), `${rule.id}.md beside its code`);
      assert.match(rule.id, /^[a-z]+(?:-[a-z]+)*$/);
      assert.ok(rule.docs.en.startsWith(`# ${rule.id}`), `${rule.id}.md starts with its id`);
      assert.ok(rule.docs['zh-cn'].startsWith(`# ${rule.id}`), `${rule.id}.zh-cn.md starts with its id`);
      assert.match(rule.docs['zh-cn'], /[\u4e00-\u9fff]/, `${rule.id}.zh-cn.md is in Chinese`);
      assert.ok(tests.includes(`'${rule.id}'`), `${rule.id} has tests in test/rules/`);
      if (rule.related.hadolint) assert.ok(rule.docs.en.includes(rule.related.hadolint), `${rule.id} docs name ${rule.related.hadolint}`);
    }
  });

  it('generated files (settings schema, rule descriptions, README table, sorted l10n) are up to date', () => {
    try {
      execFileSync(process.execPath, [path.join(ROOT, 'scripts/gen.mjs'), '--check'], { cwd: ROOT, stdio: 'pipe' });
    } catch (e) {
      assert.fail(String((e as { stderr?: Buffer }).stderr ?? e));
    }
  });

  it('an instruction-scoped rule records no facts and has no file-level check (its findings are kept per instruction)', () => {
    for (const r of RULES.filter((x) => x.scope === 'instruction')) {
      assert.equal(r.checkFile, undefined, `${r.id} is instruction-scoped but has a checkFile`);
      const source = fs.readFileSync(path.join(ROOT, 'server/src/rules', ruleDir(r), `${r.id}.ts`), 'utf8');
      assert.ok(!/\bfact\(/.test(source), `${r.id} is instruction-scoped but records facts`);
    }
  });

  it('no two rules share a hadolint code (a BuildKit check may cover several rules)', () => {
    const seen = new Map<string, string>();
    for (const r of RULES) {
      for (const code of [r.related.hadolint]) {
        if (!code) continue;
        assert.ok(!seen.has(code), `${code} is claimed by ${seen.get(code)} and ${r.id}`);
        seen.set(code, r.id);
      }
    }
  });

  it('package.json lists every rule in the dockerfileDoctor.rules schema', () => {
    const pkg = json('package.json');
    const props = pkg.contributes.configuration.properties;
    const rules = props['dockerfileDoctor.rules'];
    assert.deepEqual(Object.keys(rules.properties).sort(), RULES.map((r) => r.id).sort());
    for (const r of Object.values(rules.properties) as { enum: string[] }[]) assert.deepEqual(r.enum, [...RULE_SETTING_VALUES]);
    for (const key of Object.keys(props)) assert.ok(key.startsWith('dockerfileDoctor.'));
    assert.equal(props['dockerfileDoctor.enable'].scope, 'resource');
    assert.equal(rules.scope, 'resource');
    assert.ok(props['dockerfileDoctor.trace.server']);
  });

  it('every %key% of package.json exists in package.nls.json and package.nls.zh-cn.json', () => {
    const keys = [...read('package.json').matchAll(/"%([^%"]+)%"/g)].map((m) => m[1]);
    const en = json('package.nls.json');
    const zh = json('package.nls.zh-cn.json');
    for (const k of keys) {
      assert.ok(k in en, `package.nls.json misses ${k}`);
      assert.ok(k in zh, `package.nls.zh-cn.json misses ${k}`);
    }
    assert.deepEqual(Object.keys(zh).sort(), Object.keys(en).sort(), 'both nls files have the same keys');
  });

  it('every message of the server and client has its Chinese translation, and no stale one', () => {
    const sources: string[] = [];
    const walk = (d: string) => {
      for (const e of fs.readdirSync(path.join(ROOT, d), { withFileTypes: true })) {
        const p = `${d}/${e.name}`;
        if (e.isDirectory()) walk(p);
        else if (e.name.endsWith('.ts')) sources.push(read(p));
      }
    };
    walk('server/src');
    walk('client/src');
    const keys = new Set<string>();
    for (const src of sources) {
      for (const m of src.matchAll(/\bt\(\s*'((?:[^'\\]|\\.)*)'/g)) keys.add(m[1].replace(/\\'/g, "'"));
    }
    for (const info of Object.values(INSTRUCTION_DOCS)) keys.add(info.summary);
    // Reference data of the editor features (hover, completion, signature help) and the snippets.
    for (const k of [...referenceMessages(), ...signatureMessages(), ...snippetMessages()]) keys.add(k);
    for (const rule of RULES) keys.add(rule.description);
    const zh = json('l10n/bundle.l10n.zh-cn.json');
    const missing = [...keys].filter((k) => !(k in zh));
    assert.deepEqual(missing, [], 'add these to l10n/bundle.l10n.zh-cn.json');
    const stale = Object.keys(zh).filter((k) => !keys.has(k));
    assert.deepEqual(stale, [], 'remove these from l10n/bundle.l10n.zh-cn.json');
    for (const [k, v] of Object.entries(zh)) {
      const placeholders = (s: string) => [...s.matchAll(/\{\d+\}/g)].map((m) => m[0]).sort().join();
      assert.equal(placeholders(v as string), placeholders(k), `placeholders of "${k}"`);
    }
  });
});
