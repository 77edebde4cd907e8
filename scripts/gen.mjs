#!/usr/bin/env node
// Writes what is generated from the rule registry (server/src/rules/index.ts):
// - package.json: the `dockerfileDoctor.rules` settings schema (one property per rule id, plus
//   hadolint codes and BuildKit check names as pattern properties);
// - package.nls.json / package.nls.zh-cn.json: the `rule.<id>` descriptions;
// - README.md: the rules table between <!-- rules:start --> and <!-- rules:end -->;
// - l10n/bundle.l10n.zh-cn.json: sorted by key.
// `--check` writes nothing and exits 1 when any of them is out of date (the meta-test runs it).
import * as esbuild from 'esbuild';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const check = process.argv.includes('--check');

// The registry, bundled on the fly (it is TypeScript importing .md files).
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ddgen-'));
const out = path.join(tmp, 'registry.cjs');
await esbuild.build({
  stdin: {
    contents: "export { RULES, RULE_GROUPS, ruleDir } from './server/src/rules';",
    resolveDir: root,
    loader: 'ts',
  },
  bundle: true,
  platform: 'node',
  format: 'cjs',
  outfile: out,
  loader: { '.md': 'text' },
  alias: { 'web-tree-sitter': './node_modules/web-tree-sitter/web-tree-sitter.cjs' },
  logLevel: 'error',
});
const { RULES, ruleDir } = createRequire(import.meta.url)(out);
fs.rmSync(tmp, { recursive: true, force: true });

const SEVERITY_VALUES = ['off', 'hint', 'info', 'warning', 'error'];
const read = (p) => fs.readFileSync(path.join(root, p), 'utf8');
const stale = [];
function write(p, text) {
  const before = fs.existsSync(path.join(root, p)) ? read(p) : '';
  if (before === text) return;
  stale.push(p);
  if (!check) fs.writeFileSync(path.join(root, p), text);
}
const json = (v) => `${JSON.stringify(v, null, 2)}\n`;

// l10n bundle, sorted.
const zhPath = 'l10n/bundle.l10n.zh-cn.json';
const zh = JSON.parse(read(zhPath));
const zhSorted = Object.fromEntries(Object.keys(zh).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)).map((k) => [k, zh[k]]));
write(zhPath, json(zhSorted));

// package.json schema.
const pkgText = read('package.json');
const pkg = JSON.parse(pkgText);
const severityProperty = (markdownDescription) => ({
  type: 'string',
  enum: SEVERITY_VALUES,
  enumDescriptions: SEVERITY_VALUES.map((v) => `%configuration.severity.${v}%`),
  markdownDescription,
});
const rulesProp = pkg.contributes.configuration.properties['dockerfileDoctor.rules'];
rulesProp.properties = Object.fromEntries(RULES.map((r) => [r.id, severityProperty(`%rule.${r.id}%`)]));
rulesProp.patternProperties = {
  '^[Dd][Ll][0-9]{4}$': severityProperty('%configuration.rules.hadolintCode%'),
  '^[A-Z][A-Za-z]+$': severityProperty('%configuration.rules.buildkitName%'),
};
rulesProp.additionalProperties = false;
write('package.json', json(pkg));

// Rule descriptions for the settings UI.
const SEVERITY_ZH = { error: '错误', warning: '警告', info: '信息', hint: '提示' };
function describe(rule, lang) {
  const codes = [rule.related.hadolint && `hadolint ${rule.related.hadolint}`, rule.related.buildkit && `BuildKit ${rule.related.buildkit}`].filter(Boolean);
  if (lang === 'en') {
    const def = rule.enabledByDefault === false ? `off by default, ${rule.defaultSeverity} when on` : `default: ${rule.defaultSeverity}`;
    return `${rule.description} (${[def, ...codes].join('; ')}).`;
  }
  const text = zh[rule.description];
  if (!text) throw new Error(`${zhPath} has no translation of the description of ${rule.id}: "${rule.description}"`);
  const def = rule.enabledByDefault === false ? `默认关闭，开启后为${SEVERITY_ZH[rule.defaultSeverity]}` : `默认：${SEVERITY_ZH[rule.defaultSeverity]}`;
  return `${text}（${[def, ...codes].join('；')}）。`;
}
for (const [file, lang] of [['package.nls.json', 'en'], ['package.nls.zh-cn.json', 'zh-cn']]) {
  const nls = JSON.parse(read(file));
  const kept = Object.fromEntries(Object.entries(nls).filter(([k]) => !k.startsWith('rule.')));
  if (!kept['configuration.rules.hadolintCode']) {
    kept['configuration.rules.hadolintCode'] = lang === 'en'
      ? 'A hadolint code (e.g. `DL3008`): sets the severity of the rule that has it.'
      : 'hadolint 规则代码（例如 `DL3008`）：设置对应规则的严重级别。';
  }
  if (!kept['configuration.rules.buildkitName']) {
    kept['configuration.rules.buildkitName'] = lang === 'en'
      ? 'A BuildKit check name (e.g. `JSONArgsRecommended`): sets the severity of the rule that has it.'
      : 'BuildKit 检查名称（例如 `JSONArgsRecommended`）：设置对应规则的严重级别。';
  }
  for (const r of RULES) kept[`rule.${r.id}`] = describe(r, lang);
  write(file, json(kept));
}

// README rules table.
const readme = read('README.md');
const start = '<!-- rules:start -->';
const end = '<!-- rules:end -->';
const a = readme.indexOf(start);
const b = readme.indexOf(end);
if (a < 0 || b < a) throw new Error(`README.md lacks the ${start} … ${end} markers`);
const rows = RULES.map((r) => {
  const codes = [r.related.hadolint, r.related.buildkit].filter(Boolean).join(' / ');
  const def = r.enabledByDefault === false ? `off (${r.defaultSeverity})` : r.defaultSeverity;
  return `| [${r.id}](server/src/rules/${ruleDir(r)}/${r.id}.md) | ${def} | ${codes} | ${r.fixSummary ?? ''} |`;
});
const table = ['', `${RULES.length} rules. Generated from the registry by \`node scripts/gen.mjs\`.`, '', '| id | default | hadolint / BuildKit | fix |', '| --- | --- | --- | --- |', ...rows, ''].join('\n');
write('README.md', readme.slice(0, a + start.length) + table + readme.slice(b));

if (check && stale.length > 0) {
  console.error(`Out of date (run "node scripts/gen.mjs"): ${stale.join(', ')}`);
  process.exit(1);
}
if (!check) console.log(stale.length ? `wrote ${stale.join(', ')}` : 'up to date');
