/**
 * The snippets the server serves: every snippet of snippets/dockerfile.code-snippets with a
 * prefix and body, its English description is the file's English half, and the l10n bundle's
 * Chinese is the file's Chinese half (so the two never drift apart).
 */
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { SNIPPETS } from '../../server/src/features/reference/snippets';

const ROOT = path.resolve(__dirname, '../../..');
const file = JSON.parse(fs.readFileSync(path.join(ROOT, 'snippets/dockerfile.code-snippets'), 'utf8')) as Record<string, { prefix: string | string[]; description: string }>;
const zh = JSON.parse(fs.readFileSync(path.join(ROOT, 'l10n/bundle.l10n.zh-cn.json'), 'utf8')) as Record<string, string>;

describe('server snippets', () => {
  it('serves every snippet of the file with all its prefixes', () => {
    assert.deepEqual(SNIPPETS.map((s) => s.name), Object.keys(file));
    for (const s of SNIPPETS) {
      const f = file[s.name];
      assert.deepEqual(s.prefixes, Array.isArray(f.prefix) ? f.prefix : [f.prefix]);
      assert.ok(s.body.length > 0);
    }
  });

  it('the Chinese of each description in the l10n bundle is the Chinese half of the file', () => {
    for (const s of SNIPPETS) {
      const [en, cn] = file[s.name].description.split(' — ');
      assert.equal(s.description, en.trim());
      assert.equal(zh[s.description], cn.trim(), `l10n/bundle.l10n.zh-cn.json: "${s.description}"`);
      assert.match(zh[s.name] ?? '', /[\u4e00-\u9fff]/, `a Chinese name for "${s.name}"`);
    }
  });
});
