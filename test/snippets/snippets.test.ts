/**
 * The snippets in snippets/dockerfile.code-snippets: well-formed, bilingual, expanded with their
 * defaults they lint clean (no warning or error from our own rules), the mirror lists are complete
 * and consistent, and the mirror-switching scripts really rewrite sample apk/apt source files.
 */
import { before, describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { initEngine, Linter } from '../../server/src/lint';

// ---------------------------------------------------------------------------------------------
// Loading

function findRoot(): string {
  for (let dir = __dirname, i = 0; i < 8; i++, dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'snippets', 'dockerfile.code-snippets'))) return dir;
  }
  return process.cwd();
}

const ROOT = findRoot();
const FILE = path.join(ROOT, 'snippets', 'dockerfile.code-snippets');
const RAW = fs.readFileSync(FILE, 'utf8');

interface SnippetJson {
  prefix: string | string[];
  body: string | string[];
  description: string;
}

const SNIPPETS = JSON.parse(RAW) as Record<string, SnippetJson>;

function bodyOf(s: SnippetJson): string {
  return Array.isArray(s.body) ? s.body.join('\n') : s.body;
}

function prefixesOf(s: SnippetJson): string[] {
  return Array.isArray(s.prefix) ? s.prefix : [s.prefix];
}

// ---------------------------------------------------------------------------------------------
// A snippet expander that follows VS Code's snippet grammar (SnippetParser): `\` escapes `$`,
// `}` and `\` (and `,` `|` in choices), any other `\` is literal; `$1`, `${1}`, `${1:default}`
// (nested), `${1|a,b|}`, `$NAME`, `${NAME}`, `${NAME:default}`. The first occurrence of a
// tabstop index that has a value gives it to every occurrence of that index.

type Marker =
  | { kind: 'text'; value: string }
  | { kind: 'tabstop'; index: number; children: Marker[] | null; choices: string[] | null }
  | { kind: 'variable'; name: string; children: Marker[] | null };

class SnippetSyntaxError extends Error {}

function parseSnippet(src: string): Marker[] {
  let pos = 0;

  function parseChoices(): string[] | null {
    // after `${N|`
    const choices: string[] = [];
    let cur = '';
    while (pos < src.length) {
      const ch = src[pos];
      if (ch === '\\' && pos + 1 < src.length && ',|\\$}'.includes(src[pos + 1])) {
        cur += src[pos + 1];
        pos += 2;
      } else if (ch === ',') {
        choices.push(cur);
        cur = '';
        pos++;
      } else if (ch === '|' && src[pos + 1] === '}') {
        choices.push(cur);
        pos += 2;
        return choices;
      } else {
        cur += ch;
        pos++;
      }
    }
    return null;
  }

  function parseDollar(): Marker | null {
    // at `$`; returns null (and restores pos) when it is a literal `$`
    const start = pos;
    pos++;
    let m = /^\d+/.exec(src.slice(pos));
    if (m) {
      pos += m[0].length;
      return { kind: 'tabstop', index: Number(m[0]), children: null, choices: null };
    }
    m = /^[_a-zA-Z][_a-zA-Z0-9]*/.exec(src.slice(pos));
    if (m) {
      pos += m[0].length;
      return { kind: 'variable', name: m[0], children: null };
    }
    if (src[pos] !== '{') {
      pos = start;
      return null;
    }
    pos++;
    m = /^(\d+|[_a-zA-Z][_a-zA-Z0-9]*)/.exec(src.slice(pos));
    if (!m) {
      pos = start;
      return null;
    }
    const id = m[0];
    pos += id.length;
    const isTabstop = /^\d/.test(id);
    const next = src[pos];
    if (next === '}') {
      pos++;
      return isTabstop ? { kind: 'tabstop', index: Number(id), children: null, choices: null } : { kind: 'variable', name: id, children: null };
    }
    if (next === ':') {
      pos++;
      const children = parseUntilClose();
      if (children === null) {
        pos = start;
        return null;
      }
      return isTabstop ? { kind: 'tabstop', index: Number(id), children, choices: null } : { kind: 'variable', name: id, children };
    }
    if (next === '|' && isTabstop) {
      pos++;
      const choices = parseChoices();
      if (choices === null) {
        pos = start;
        return null;
      }
      return { kind: 'tabstop', index: Number(id), children: null, choices };
    }
    if (next === '/') throw new SnippetSyntaxError(`transforms are not supported by this test expander: ${src.slice(start, start + 40)}`);
    pos = start;
    return null;
  }

  /** Parses until an unescaped `}` (consumed); null when there is none. */
  function parseUntilClose(): Marker[] | null {
    const out = parseSeq(true);
    if (src[pos] !== '}') return null;
    pos++;
    return out;
  }

  function parseSeq(nested: boolean): Marker[] {
    const out: Marker[] = [];
    let text = '';
    const flush = () => {
      if (text) out.push({ kind: 'text', value: text });
      text = '';
    };
    while (pos < src.length) {
      const ch = src[pos];
      if (ch === '\\') {
        const n = src[pos + 1];
        if (n === '$' || n === '}' || n === '\\') {
          text += n;
          pos += 2;
        } else {
          text += '\\';
          pos++;
        }
      } else if (ch === '}' && nested) {
        break;
      } else if (ch === '$') {
        const marker = parseDollar();
        if (marker) {
          flush();
          out.push(marker);
        } else {
          text += '$';
          pos++;
        }
      } else {
        text += ch;
        pos++;
      }
    }
    flush();
    return out;
  }

  return parseSeq(false);
}

const KNOWN_VARIABLE = /^(?:TM_[A-Z_]+|CURRENT_[A-Z_]+|WORKSPACE_[A-Z_]+|CURSOR_[A-Z_]+|BLOCK_COMMENT_[A-Z_]+|LINE_COMMENT|SELECTION|CLIPBOARD|RELATIVE_FILEPATH|RANDOM|RANDOM_HEX|UUID)$/;

interface Expansion {
  text: string;
  /** Choice lists, by tabstop index. */
  choices: Map<number, string[]>;
  /** Variables VS Code does not know: it would turn them into placeholders (an unescaped `$`). */
  bogus: string[];
}

/** Expands a snippet body; `pick` chooses a choice other than the first, by tabstop index. */
function expand(body: string, pick: ReadonlyMap<number, number> = new Map()): Expansion {
  const markers = parseSnippet(body);
  const choices = new Map<number, string[]>();
  const bogus: string[] = [];
  const values = new Map<number, string>();

  const walk = (list: Marker[], visit: (m: Marker) => void) => {
    for (const m of list) {
      visit(m);
      if (m.kind !== 'text' && m.children) walk(m.children, visit);
    }
  };
  walk(markers, (m) => {
    if (m.kind === 'tabstop' && m.choices) {
      assert.ok(!choices.has(m.index), `choice \${${m.index}|…|} appears twice; use $${m.index} for the copies`);
      choices.set(m.index, m.choices);
    }
    if (m.kind === 'variable' && !KNOWN_VARIABLE.test(m.name)) bogus.push(m.name);
  });

  const render = (list: Marker[]): string => list.map((m) => {
    if (m.kind === 'text') return m.value;
    if (m.kind === 'variable') return KNOWN_VARIABLE.test(m.name) ? '' : m.name;
    return values.get(m.index) ?? '';
  }).join('');

  // The first occurrence of an index with a value defines it (in document order, outer first).
  const define = (list: Marker[]) => {
    for (const m of list) {
      if (m.kind !== 'tabstop') {
        if (m.kind === 'variable' && m.children) define(m.children);
        continue;
      }
      if (m.children) define(m.children);
      if (values.has(m.index)) continue;
      if (m.choices) values.set(m.index, m.choices[pick.get(m.index) ?? 0]);
      else if (m.children && m.children.length > 0) values.set(m.index, render(m.children));
    }
  };
  define(markers);
  return { text: render(markers), choices, bogus };
}

// ---------------------------------------------------------------------------------------------
// Mirrors

interface Provider {
  name: string;
  /** Host serving /alpine, /debian, /debian-security, /ubuntu, /ubuntu-ports. */
  host: string;
  pypi: string;
}

const PROVIDERS: readonly Provider[] = [
  { name: 'Aliyun', host: 'mirrors.aliyun.com', pypi: 'https://mirrors.aliyun.com/pypi/simple/' },
  { name: 'USTC', host: 'mirrors.ustc.edu.cn', pypi: 'https://mirrors.ustc.edu.cn/pypi/simple' },
  { name: 'TUNA', host: 'mirrors.tuna.tsinghua.edu.cn', pypi: 'https://pypi.tuna.tsinghua.edu.cn/simple' },
  { name: 'Huawei Cloud', host: 'repo.huaweicloud.com', pypi: 'https://repo.huaweicloud.com/repository/pypi/simple' },
  { name: 'Tencent Cloud', host: 'mirrors.cloud.tencent.com', pypi: 'https://mirrors.cloud.tencent.com/pypi/simple' },
];
const HOSTS = PROVIDERS.map((p) => p.host);
const PYPI = PROVIDERS.map((p) => p.pypi);

function isMirrorSnippet(name: string, s: SnippetJson): boolean {
  return /mirror/i.test(name) || /PyPI mirror/i.test(name) || prefixesOf(s).some((p) => p.includes('mirror'));
}

// ---------------------------------------------------------------------------------------------
// Dockerfile helpers

function baseImageFor(text: string): string {
  if (/^\s*FROM\s/i.test(text)) return '';
  if (/\bapt-get\b|groupadd|useradd|\/usr\/bin\/tini/.test(text)) return 'FROM debian:bookworm-slim\n';
  if (/\bpip\b|PIP_/.test(text)) return 'FROM python:3.12-slim\n';
  return 'FROM alpine:3.20\n';
}

/** Instructions of a Dockerfile text: keyword and the logical line (continuations joined). */
function instructions(text: string): { keyword: string; line: string }[] {
  const out: { keyword: string; line: string }[] = [];
  let cur: string | null = null;
  for (const raw of text.split('\n')) {
    if (cur === null) {
      if (raw.trim() === '' || /^\s*#/.test(raw)) continue;
      cur = raw;
    } else {
      if (/^\s*#/.test(raw)) continue;
      cur += '\n' + raw;
    }
    if (!/\\\s*$/.test(raw)) {
      const keyword = /^\s*(\S+)/.exec(cur)![1].toUpperCase();
      out.push({ keyword, line: cur.replace(/\\\n/g, ' ') });
      cur = null;
    }
  }
  if (cur !== null) out.push({ keyword: /^\s*(\S+)/.exec(cur)![1].toUpperCase(), line: cur.replace(/\\\n/g, ' ') });
  return out;
}

/** The shell script of the RUN instruction at `index` among the RUNs of `text`. */
function runScript(text: string, index = 0): string {
  const runs = instructions(text).filter((i) => i.keyword === 'RUN');
  assert.ok(runs[index], `no RUN #${index} in:\n${text}`);
  return runs[index].line.replace(/^\s*RUN\s+/i, '');
}

// ---------------------------------------------------------------------------------------------
// Tests

describe('snippet expander (test helper)', () => {
  test('defaults, choices, mirrors, nesting and escapes', () => {
    assert.equal(expand('a ${1:x} $1 $2 $0').text, 'a x x  ');
    assert.equal(expand('$1 ${1:late}').text, 'late late');
    assert.equal(expand('${1|a,b|}/$1').text, 'a/a');
    assert.equal(expand('${1|a,b|}/$1', new Map([[1, 1]])).text, 'b/b');
    assert.equal(expand('${1:outer ${2:inner}} $2').text, 'outer inner inner');
    assert.equal(expand('\\$f \\\\ \\. \\} }').text, '$f \\ \\. } }');
    assert.equal(expand('$TM_FILENAME ${TM_SELECTED_TEXT:x}').text, ' ');
    assert.deepEqual(expand('echo $HOME').bogus, ['HOME']);
    assert.equal(expand('cost: $ 5').text, 'cost: $ 5');
    assert.deepEqual(expand('${1|a\\,b,c|}').choices.get(1), ['a,b', 'c']);
  });
});

describe('snippets/dockerfile.code-snippets', () => {
  const linter = new Linter();
  // A snippet's packages are placeholders: which version to pin is the user's to choose.
  const PIN_RULES = new Set(['apk-add-without-pin', 'apt-get-install-without-pin']);
  // Whether `COPY . .` leaks .git or .env depends on the project's .dockerignore, which a snippet
  // cannot bring; linted without a build context, copy-whole-context always reports it (as hadolint).
  const CONTEXT_RULES = new Set(['copy-whole-context']);
  before(() => initEngine());

  test('is plain JSON with at least the required snippets', () => {
    assert.ok(Object.keys(SNIPPETS).length >= 10);
    for (const wanted of ['mirror', 'apk', 'apt', 'pip', 'tz', 'user', 'tini', 'multi-stage', 'ca-']) {
      assert.ok(Object.values(SNIPPETS).some((s) => prefixesOf(s).some((p) => p.includes(wanted))), `no prefix contains "${wanted}"`);
    }
  });

  test('snippets/README.md lists exactly the prefixes of the file', () => {
    const readme = fs.readFileSync(path.join(ROOT, 'snippets', 'README.md'), 'utf8');
    const listed = new Set<string>();
    for (const row of readme.split('\n').filter((l) => /^\| `/.test(l))) {
      const first = row.split('|')[1];
      for (const m of first.matchAll(/`([^`]+)`/g)) listed.add(m[1]);
    }
    const actual = new Set(Object.values(SNIPPETS).flatMap(prefixesOf));
    assert.deepEqual([...listed].sort(), [...actual].sort());
  });

  test('every prefix is unique', () => {
    const seen = new Map<string, string>();
    for (const [name, s] of Object.entries(SNIPPETS)) {
      for (const p of prefixesOf(s)) {
        assert.ok(!seen.has(p), `prefix "${p}" used by "${seen.get(p)}" and "${name}"`);
        seen.set(p, name);
      }
    }
  });

  for (const [name, s] of Object.entries(SNIPPETS)) {
    describe(name, () => {
      test('has prefix, body and description', () => {
        const prefixes = prefixesOf(s);
        assert.ok(prefixes.length > 0 && prefixes.every((p) => typeof p === 'string' && /^[a-z][a-z0-9-]*$/.test(p)), `bad prefix ${JSON.stringify(s.prefix)}`);
        assert.ok(typeof s.body === 'string' || (Array.isArray(s.body) && s.body.every((l) => typeof l === 'string')), 'body must be a string or an array of strings');
        assert.ok(bodyOf(s).trim().length > 0, 'empty body');
        assert.equal(typeof s.description, 'string');
        assert.deepEqual(Object.keys(s).sort(), ['body', 'description', 'prefix']);
      });

      test('has an English and a Simplified Chinese description', () => {
        // VS Code does not localise snippet descriptions, so they are bilingual: "English — 中文".
        const parts = s.description.split(' — ');
        assert.equal(parts.length, 2, `description must be "English — 中文": ${s.description}`);
        const [en, zh] = parts;
        assert.match(en, /[A-Za-z]{3}/);
        assert.doesNotMatch(en, /[\u3000-\u9fff\uff00-\uffef]/, 'Chinese text in the English part');
        assert.match(zh, /[\u4e00-\u9fff]/, 'no Chinese in the Chinese part');
        assert.doesNotMatch(s.description, /%[\w.]+%/, 'nls placeholders are not resolved in snippet files');
      });

      test('uses no unescaped shell variables (VS Code would turn them into placeholders)', () => {
        assert.deepEqual(expand(bodyOf(s)).bogus, []);
      });

      test('follows the layout: " \\" continuations, 4-space indentation, no tabs', () => {
        const lines = bodyOf(s).split('\n');
        for (let i = 0; i < lines.length; i++) {
          const line = lines[i];
          assert.doesNotMatch(line, /\t/, `tab in line ${i + 1}`);
          assert.doesNotMatch(line, /[ ]+$/, `trailing space in line ${i + 1}`);
          if (line.endsWith('\\')) assert.match(line, /\S \\$/, `line ${i + 1} must end with " \\"`);
          const continued = i > 0 && lines[i - 1].endsWith('\\');
          const indent = /^ */.exec(line)![0].length;
          if (continued) assert.ok(indent >= 4 && indent % 4 === 0, `line ${i + 1} must be indented by a multiple of 4 spaces`);
          else assert.equal(indent, 0, `line ${i + 1} starts an instruction and must not be indented`);
        }
      });

      test('follows Dockerfile best practice', () => {
        const text = expand(bodyOf(s)).text;
        const list = instructions(text);
        for (let i = 1; i < list.length; i++) {
          assert.ok(!(list[i].keyword === 'RUN' && list[i - 1].keyword === 'RUN'), 'two consecutive RUN instructions');
        }
        for (const ins of list) {
          assert.notEqual(ins.keyword, 'ADD', 'use COPY, not ADD');
          if (ins.keyword === 'CMD' || ins.keyword === 'ENTRYPOINT') {
            const arg = ins.line.replace(/^\s*\S+\s+/, '');
            assert.ok(Array.isArray(JSON.parse(arg)), `${ins.keyword} must use JSON (exec) form`);
          }
          if (ins.keyword !== 'RUN') continue;
          assert.doesNotMatch(ins.line, /\bapk\s+update\b/, 'apk update: use apk add --no-cache');
          for (const m of ins.line.matchAll(/\bapk\s+add\b[^&;|]*/g)) assert.match(m[0], /--no-cache\b/, 'apk add without --no-cache');
          for (const m of ins.line.matchAll(/\bapt-get\s+install\b[^&;|]*/g)) {
            assert.match(m[0], /\s-y\b/, 'apt-get install without -y');
            assert.match(m[0], /--no-install-recommends\b/, 'apt-get install without --no-install-recommends');
          }
          if (/\bapt-get\s+(?:update|install)\b/.test(ins.line)) {
            assert.match(ins.line, /\bapt-get\s+update\b.*\bapt-get\s+install\b.*rm -rf \/var\/lib\/apt\/lists\/\*\s*$/s,
              'apt-get update && apt-get install … && rm -rf /var/lib/apt/lists/* in one RUN');
          }
          assert.doesNotMatch(ins.line, /\bapt\s+(?:install|update)\b/, 'use apt-get in scripts, not apt');
          for (const m of ins.line.matchAll(/\bpip3?\s+install\b[^&;|]*/g)) assert.match(m[0], /--no-cache-dir\b/, 'pip install without --no-cache-dir');
        }
      });

      test('lints clean with its defaults', () => {
        const text = expand(bodyOf(s)).text;
        const doc = baseImageFor(text) + text + '\n';
        const findings = linter.lint(doc);
        assert.deepEqual(linter.lastErrors, [], `the engine failed on:\n${doc}`);
        const bad = findings.filter((f) => (f.severity === 'warning' || f.severity === 'error' || f.ruleId === 'consecutive-run') && !PIN_RULES.has(f.ruleId) && !CONTEXT_RULES.has(f.ruleId));
        assert.deepEqual(bad.map((f) => `${f.ruleId} (${f.severity}) line ${f.range.start.line + 1}: ${f.message}`), [], `in:\n${doc}`);
      });

      if (isMirrorSnippet(name, s)) {
        test('offers all five mirrors, in the same order', () => {
          const { choices } = expand(bodyOf(s));
          assert.ok(choices.size > 0, 'a mirror snippet must offer a choice of mirrors');
          for (const list of choices.values()) {
            const expected = list.some((c) => c.startsWith('https://')) ? PYPI : HOSTS;
            assert.deepEqual(list, expected);
          }
        });

        test('lints clean with every mirror', () => {
          const { choices } = expand(bodyOf(s));
          const [index, list] = [...choices][0];
          for (let i = 0; i < list.length; i++) {
            const text = expand(bodyOf(s), new Map([[index, i]])).text;
            assert.ok(text.includes(list[i]));
            const doc = baseImageFor(text) + text + '\n';
            const bad = linter.lint(doc).filter((f) => (f.severity === 'warning' || f.severity === 'error') && !PIN_RULES.has(f.ruleId));
            assert.deepEqual(bad.map((f) => f.ruleId), [], `in:\n${doc}`);
          }
        });
      }
    });
  }

  test('mirror URLs are consistent for each provider', () => {
    const providerOf: [RegExp, Provider][] = [
      [/aliyun\.com$/, PROVIDERS[0]],
      [/ustc\.edu\.cn$/, PROVIDERS[1]],
      [/tsinghua\.edu\.cn$/, PROVIDERS[2]],
      [/huaweicloud\.com$/, PROVIDERS[3]],
      [/tencent\.com$/, PROVIDERS[4]],
    ];
    let seen = 0;
    for (const s of Object.values(SNIPPETS)) {
      const text = bodyOf(s);
      for (const m of text.matchAll(/(?:https?:\/\/)?([a-z0-9-]+(?:\.[a-z0-9-]+)+)(\/[^\s,|'"}]*)?/g)) {
        const host = m[1];
        const entry = providerOf.find(([re]) => re.test(host));
        if (!entry) continue;
        seen++;
        const p = entry[1];
        if (m[0].startsWith('http')) {
          assert.equal(m[0], p.pypi, `${p.name}: unexpected URL ${m[0]}`);
        } else {
          assert.equal(host, p.host, `${p.name}: unexpected host ${host}`);
        }
      }
    }
    assert.ok(seen >= 5 * 7, `expected the mirrors of 7 snippets, saw ${seen} mirror names`);
  });

  test('a single mirror snippet per package manager has the plain form, the others reuse its command', () => {
    // The "… and install" variants must switch mirrors with exactly the same command.
    const by = (prefix: string) => Object.values(SNIPPETS).find((s) => prefixesOf(s).includes(prefix))!;
    const apk = runScript(expand(bodyOf(by('apk-mirror'))).text);
    assert.ok(runScript(expand(bodyOf(by('apk-mirror-add'))).text).startsWith(apk + ' '));
    const apt = runScript(expand(bodyOf(by('apt-mirror'))).text);
    assert.ok(runScript(expand(bodyOf(by('apt-mirror-install'))).text).startsWith(apt + ';'));
  });
});

// ---------------------------------------------------------------------------------------------
// The mirror scripts, run with the local sh and sed on sample source files.

const canRunShell = process.platform !== 'win32' && spawnSync('sh', ['-c', 'command -v sed']).status === 0;
const hasBusybox = canRunShell && spawnSync('sh', ['-c', 'command -v busybox']).status === 0;

function snippetByPrefix(prefix: string): SnippetJson {
  const s = Object.values(SNIPPETS).find((x) => prefixesOf(x).includes(prefix));
  assert.ok(s, `no snippet with prefix ${prefix}`);
  return s;
}

function tmpRoot(files: Record<string, string>): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'dd-snippets-'));
  for (const [file, content] of Object.entries(files)) {
    const p = path.join(root, file);
    fs.mkdirSync(path.dirname(p), { recursive: true });
    fs.writeFileSync(p, content);
  }
  return root;
}

function runIn(root: string, script: string, env: NodeJS.ProcessEnv = process.env): { status: number | null; stderr: string } {
  const rooted = script.replace(/\/etc\/(apk|apt)\//g, `${root}/etc/$1/`);
  const r = spawnSync('sh', ['-c', rooted], { env, encoding: 'utf8' });
  return { status: r.status, stderr: r.stderr };
}

describe('mirror scripts rewrite real source files', { skip: !canRunShell && 'needs sh and sed' }, () => {
  const ALPINE_HTTPS = 'https://dl-cdn.alpinelinux.org/alpine/v3.20/main\nhttps://dl-cdn.alpinelinux.org/alpine/v3.20/community\n';
  const ALPINE_HTTP = 'http://dl-cdn.alpinelinux.org/alpine/v3.12/main\nhttp://dl-cdn.alpinelinux.org/alpine/v3.12/community\n@testing http://dl-cdn.alpinelinux.org/alpine/edge/testing\n';

  for (let i = 0; i < PROVIDERS.length; i++) {
    const p = PROVIDERS[i];
    test(`apk: ${p.name} (http and https sources become https://${p.host}/alpine/)`, () => {
      const script = runScript(expand(bodyOf(snippetByPrefix('apk-mirror')), new Map([[1, i]])).text);
      for (const [input, expected] of [
        [ALPINE_HTTPS, `https://${p.host}/alpine/v3.20/main\nhttps://${p.host}/alpine/v3.20/community\n`],
        [ALPINE_HTTP, `https://${p.host}/alpine/v3.12/main\nhttps://${p.host}/alpine/v3.12/community\n@testing https://${p.host}/alpine/edge/testing\n`],
      ]) {
        // With the local sed, and with BusyBox's sed (what Alpine runs) when it is installed.
        for (const variant of hasBusybox ? [script, script.replace(/^sed /, 'busybox sed ')] : [script]) {
          const root = tmpRoot({ 'etc/apk/repositories': input });
          const r = runIn(root, variant);
          assert.equal(r.status, 0, r.stderr);
          assert.equal(fs.readFileSync(path.join(root, 'etc/apk/repositories'), 'utf8'), expected, variant);
          fs.rmSync(root, { recursive: true, force: true });
        }
      }
    });
  }

  const bullseye = (h: (host: string) => string) => [
    `deb ${h('deb.debian.org')}/debian bullseye main`,
    `deb ${h('security.debian.org')}/debian-security bullseye-security main`,
    `deb ${h('deb.debian.org')}/debian bullseye-updates main`,
    '',
  ].join('\n');
  const bookworm = (h: string, sec = h) => [
    'Types: deb',
    `URIs: ${h}/debian`,
    'Suites: bookworm bookworm-updates',
    'Components: main',
    'Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg',
    '',
    'Types: deb',
    `URIs: ${sec}/debian-security`,
    'Suites: bookworm-security',
    'Components: main',
    'Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg',
    '',
  ].join('\n');
  const jammy = (archive: string, security: string) => [
    '# See http://help.ubuntu.com/community/UpgradeNotes for how to upgrade to',
    `deb ${archive}/ubuntu/ jammy main restricted`,
    `deb ${archive}/ubuntu/ jammy-updates main restricted`,
    `deb ${security}/ubuntu/ jammy-security main restricted`,
    '',
  ].join('\n');
  const nobleList = '# Ubuntu sources have moved to /etc/apt/sources.list.d/ubuntu.sources\n';
  const noble = (archive: string, security: string, path = 'ubuntu') => [
    'Types: deb',
    `URIs: ${archive}/${path}/`,
    'Suites: noble noble-updates noble-backports',
    'Components: main universe restricted multiverse',
    'Signed-By: /usr/share/keyrings/ubuntu-archive-keyring.gpg',
    '',
    'Types: deb',
    `URIs: ${security}/${path}/`,
    'Suites: noble-security',
    'Components: main universe restricted multiverse',
    'Signed-By: /usr/share/keyrings/ubuntu-archive-keyring.gpg',
    '',
  ].join('\n');

  for (let i = 0; i < PROVIDERS.length; i++) {
    const p = PROVIDERS[i];
    const m = `http://${p.host}`;
    const cases: { name: string; before: Record<string, string>; after: Record<string, string> }[] = [
      {
        name: 'Debian 11 sources.list',
        before: { 'etc/apt/sources.list': bullseye((h) => `http://${h}`) },
        after: { 'etc/apt/sources.list': bullseye(() => m) },
      },
      {
        name: 'Debian 12 debian.sources (deb822), security on deb.debian.org',
        before: { 'etc/apt/sources.list.d/debian.sources': bookworm('http://deb.debian.org') },
        after: { 'etc/apt/sources.list.d/debian.sources': bookworm(m) },
      },
      {
        name: 'deb822 with security.debian.org',
        before: { 'etc/apt/sources.list.d/debian.sources': bookworm('http://deb.debian.org', 'http://security.debian.org') },
        after: { 'etc/apt/sources.list.d/debian.sources': bookworm(m) },
      },
      {
        name: 'Ubuntu 22.04 sources.list',
        before: { 'etc/apt/sources.list': jammy('http://archive.ubuntu.com', 'http://security.ubuntu.com') },
        after: { 'etc/apt/sources.list': jammy(m, m) },
      },
      {
        name: 'Ubuntu 24.04 ubuntu.sources (deb822)',
        before: { 'etc/apt/sources.list': nobleList, 'etc/apt/sources.list.d/ubuntu.sources': noble('http://archive.ubuntu.com', 'http://security.ubuntu.com') },
        after: { 'etc/apt/sources.list': nobleList, 'etc/apt/sources.list.d/ubuntu.sources': noble(m, m) },
      },
      {
        name: 'Ubuntu 24.04 on arm64 (ports.ubuntu.com/ubuntu-ports)',
        before: { 'etc/apt/sources.list.d/ubuntu.sources': noble('http://ports.ubuntu.com', 'http://ports.ubuntu.com', 'ubuntu-ports') },
        after: { 'etc/apt/sources.list.d/ubuntu.sources': noble(m, m, 'ubuntu-ports') },
      },
      {
        name: 'an https:// source stays https:// (ca-certificates already there)',
        before: { 'etc/apt/sources.list.d/debian.sources': bookworm('https://deb.debian.org') },
        after: { 'etc/apt/sources.list.d/debian.sources': bookworm(`https://${p.host}`) },
      },
    ];
    test(`apt: ${p.name} keeps http:// and the paths /debian, /debian-security, /ubuntu, /ubuntu-ports`, () => {
      const script = runScript(expand(bodyOf(snippetByPrefix('apt-mirror')), new Map([[1, i]])).text);
      for (const c of cases) {
        const root = tmpRoot(c.before);
        const r = runIn(root, script);
        assert.equal(r.status, 0, `${c.name}: ${r.stderr}`);
        for (const [file, expected] of Object.entries(c.after)) {
          assert.equal(fs.readFileSync(path.join(root, file), 'utf8'), expected, c.name);
        }
        fs.rmSync(root, { recursive: true, force: true });
      }
    });
  }

  test('apt: succeeds when no source file exists, fails when sed fails', () => {
    const script = runScript(expand(bodyOf(snippetByPrefix('apt-mirror'))).text);
    const empty = tmpRoot({ 'etc/apt/sources.list.d/.keep': '' });
    assert.equal(runIn(empty, script).status, 0);
    fs.rmSync(empty, { recursive: true, force: true });

    // A failing sed on the first file must fail the RUN even though later files are missing.
    const root = tmpRoot({ 'etc/apt/sources.list': bullseye((h) => `http://${h}`) });
    const bin = path.join(root, 'bin');
    fs.mkdirSync(bin);
    fs.writeFileSync(path.join(bin, 'sed'), '#!/bin/sh\nexit 4\n', { mode: 0o755 });
    const r = runIn(root, script, { ...process.env, PATH: `${bin}${path.delimiter}${process.env.PATH ?? ''}` });
    assert.notEqual(r.status, 0);
    fs.rmSync(root, { recursive: true, force: true });
  });

  test('the sed expressions are accepted by the local sed', () => {
    // Guards against quoting mistakes: sed -n with the expressions on an empty input.
    for (const prefix of ['apk-mirror', 'apt-mirror']) {
      const script = runScript(expand(bodyOf(snippetByPrefix(prefix))).text);
      const exprs = [...script.matchAll(/sed -i -E '([^']*)'/g)].map((m) => m[1]);
      assert.equal(exprs.length, 1, prefix);
      for (const e of exprs) execFileSync('sed', ['-E', '-n', e], { input: '' });
    }
  });
});
