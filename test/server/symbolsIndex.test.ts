/**
 * The symbol index behind definition/references/rename, at unit level: a stage rename
 * changes every reference and nothing else; Docker's expansion rules (escapes, quotes,
 * nested defaults, comment lines); the chunked model gives the same index as a whole-file
 * parse on every corpus file; image links; the inlay-hint setting.
 */
import { before, describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { corpusFiles, ready } from '../helpers';
import { DockerfileModel } from '../../server/src/model';
import { applyOffsetEdits } from '../../server/src/text';
import { ChunkedModels } from '../../server/src/features/chunkedModel';
import { imageLink } from '../../server/src/features/links';
import { renameEdits } from '../../server/src/features/navigation';
import { buildIndex, indexFor, occurrenceAt, occurrencesOf, scanExpansions, type SymbolIndex } from '../../server/src/features/symbolsIndex';
import { normalizeSettings } from '../../server/src/settings';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { pathToFileURL } from 'node:url';
import { documentSymbols } from '../../server/src/features/symbols';
import { foldingRanges } from '../../server/src/features/folding';
import { documentLinks } from '../../server/src/features/links';
import { semanticTokens } from '../../server/src/features/semanticTokens';
import { inlayHints } from '../../server/src/features/inlayHints';
import { selectionRanges } from '../../server/src/features/selection';
import { definition, documentHighlights, references } from '../../server/src/features/navigation';

const indexOf = (text: string): SymbolIndex => buildIndex(new DockerfileModel(text));

/** Renames the symbol at `needle` + `at` characters. */
function renameAt(text: string, needle: string, newName: string, at = 1): string {
  const index = indexOf(text);
  const occ = occurrenceAt(index, text.indexOf(needle) + at);
  assert.ok(occ, `no symbol at ${needle}`);
  const edits = renameEdits(index, occ!, newName);
  assert.ok(Array.isArray(edits), `rename refused: ${(edits as Error).message}`);
  return applyOffsetEdits(text, edits as { start: number; end: number; newText: string }[]);
}

describe('symbol index', () => {
  before(() => ready);

  it('renaming a stage changes every reference to it, in every form, and nothing else', () => {
    const text = [
      'FROM golang:1.22 AS build',
      'RUN go build -o /out/app ./...',
      'FROM build AS test',
      'RUN go test ./...',
      'FROM alpine:3.20 AS buildx',
      '# build is mentioned in a comment',
      'COPY --from=BUILD /out/app /usr/local/bin/app',
      'COPY --from=buildx /etc/x /etc/x',
      'RUN --mount=type=bind,from=build,source=/out,target=/in cp /in/app /app && echo build',
      'LABEL stage=build',
      '',
    ].join('\n');
    const out = renameAt(text, 'AS build', 'compile', 4);
    assert.equal(out, [
      'FROM golang:1.22 AS compile',
      'RUN go build -o /out/app ./...',
      'FROM compile AS test',
      'RUN go test ./...',
      'FROM alpine:3.20 AS buildx',
      '# build is mentioned in a comment',
      'COPY --from=compile /out/app /usr/local/bin/app',
      'COPY --from=buildx /etc/x /etc/x',
      'RUN --mount=type=bind,from=compile,source=/out,target=/in cp /in/app /app && echo build',
      'LABEL stage=build',
      '',
    ].join('\n'));
    // The renamed file has the same references, now to `compile`.
    const before = indexOf(text);
    const after = indexOf(out);
    const refs = (ix: SymbolIndex, src: string) => occurrencesOf(ix, 'stage:0').map((o) => src.slice(o.start, o.end).toLowerCase());
    assert.deepEqual(refs(before, text), ['build', 'build', 'build', 'build']);
    assert.deepEqual(refs(after, out), ['compile', 'compile', 'compile', 'compile']);
    // Renaming from a reference gives the same result.
    assert.equal(renameAt(text, '--from=BUILD', 'compile', 8), out);
    assert.equal(renameAt(text, 'from=build,', 'compile', 6), out);
  });

  it('renaming a variable keeps unrelated stages, shell variables and single quotes alone', () => {
    const text = 'FROM a AS one\nARG V=1\nRUN V=2; echo "$V" \'$V\' ${V}\nFROM a AS two\nARG V=3\nRUN echo $V\n';
    assert.equal(renameAt(text, 'V=1', 'W'), 'FROM a AS one\nARG W=1\nRUN V=2; echo "$W" \'$V\' ${W}\nFROM a AS two\nARG V=3\nRUN echo $V\n');
  });

  it('a stage inherits its parent\'s variables; a redeclared global ARG is the same variable', () => {
    const text = 'ARG G=1\nFROM a:$G AS p\nENV E=x\nARG G\nFROM p\nRUN echo $E $G\n';
    assert.equal(renameAt(text, 'E=x', 'ENV2'), text.replace('E=x', 'ENV2=x').replace('$E', '$ENV2'));
    assert.equal(renameAt(text, 'G=1', 'H'), 'ARG H=1\nFROM a:$H AS p\nENV E=x\nARG H\nFROM p\nRUN echo $E $H\n');
  });

  it('unquoted heredocs that are data (RUN cat <<EOF, COPY <<EOF) expand; quoted ones do not', () => {
    const text = 'FROM a\nARG V=1\nRUN cat > /f <<EOF\nv=$V \'$V\'\nEOF\nRUN cat > /g <<"EOF"\nv=$V\nEOF\nCOPY <<EOF /h\n${V}\nEOF\nRUN <<EOF\necho \'$V\' "$V"\nEOF\n';
    assert.equal(renameAt(text, 'V=1', 'W'), 'FROM a\nARG W=1\nRUN cat > /f <<EOF\nv=$W \'$W\'\nEOF\nRUN cat > /g <<"EOF"\nv=$V\nEOF\nCOPY <<EOF /h\n${W}\nEOF\nRUN <<EOF\necho \'$V\' "$W"\nEOF\n');
  });

  it('reads expansions like Docker: escapes, quotes, nested defaults, comment lines in a continuation', () => {
    const names = (s: string, escape = '\\') => scanExpansions(s, 0, s.length, escape, []).map((e) => `${e.name}@${e.start}:${s.slice(e.exprStart, e.exprEnd)}`);
    assert.deepEqual(names('$A \\$B "$C" \'$D\' ${E:-${F}} ${G}x $1 $'), ['A@1:$A', 'C@9:$C', 'E@19:${E:-${F}}', 'F@24:${F}', 'G@30:${G}']);
    assert.deepEqual(names('a \\\n# $NOT a comment\n  $YES'), ['YES@24:$YES']);
    assert.deepEqual(names('C:\\$WIN `$NO', '`'), ['WIN@4:$WIN']);
    // Linear on a pathological line: unclosed braces everywhere.
    const long = '${A:-'.repeat(20000);
    const t0 = performance.now();
    assert.equal(scanExpansions(long, 0, long.length, '\\', []).length, 20000);
    assert.ok(performance.now() - t0 < 3000, 'linear (a quadratic scan takes tens of seconds here)');
  });

  it('the chunked model indexes every corpus file exactly like a whole-file parse', (t) => {
    const { files, skip } = corpusFiles();
    if (skip) return t.skip(skip);
    const strip = (ix: SymbolIndex) => JSON.stringify({
      occ: ix.occurrences.map((o) => [o.kind, o.start, o.end, o.exprStart, o.exprEnd, o.symbol, o.declaration, o.target, o.renamable, o.instruction, o.inShell]),
      decls: ix.decls, stages: ix.stages,
      ins: ix.model.instructions.map((i) => [i.keyword, i.start, i.end, i.startLine, i.endLine, i.stage, i.args, i.flags, i.heredocs]),
      comments: ix.model.comments, directives: ix.model.directives, escape: ix.model.escape,
    });
    const texts = files.map((f) => fs.readFileSync(f, 'utf8'));
    // …and their concatenation, which has hundreds of chunks.
    texts.push(texts.slice(0, 60).join('\n'));
    let compared = 0;
    for (const text of texts) {
      let whole: DockerfileModel;
      try {
        whole = new DockerfileModel(text);
      } catch {
        continue;
      }
      assert.equal(strip(buildIndex(new ChunkedModels().build(text))), strip(buildIndex(whole)));
      compared++;
    }
    assert.ok(compared > files.length * 0.9);
  });

  it('every feature on every corpus file, at many positions: no throw, ranges inside the file, renames re-index cleanly', (t) => {
    const { files, skip } = corpusFiles();
    if (skip) return t.skip(skip);
    let renamed = 0;
    for (const file of files) {
      const text = fs.readFileSync(file, 'utf8');
      const doc = TextDocument.create(pathToFileURL(file).href, 'dockerfile', 1, text);
      const end = doc.positionAt(text.length);
      const ok = (r: { start: { line: number; character: number }; end: { line: number; character: number } }) =>
        r.start.line <= r.end.line && (r.end.line < end.line || (r.end.line === end.line && r.end.character <= end.character));
      for (const s of documentSymbols(doc)) assert.ok(ok(s.range) && ok(s.selectionRange), file);
      for (const f of foldingRanges(doc)) assert.ok(f.startLine < f.endLine && f.endLine <= end.line, file);
      documentLinks(doc);
      assert.equal(semanticTokens(doc).data.length % 5, 0);
      inlayHints(doc, { start: { line: 0, character: 0 }, end });
      const index = indexFor(doc)!;
      const step = Math.max(1, Math.floor(index.occurrences.length / 12));
      let renames = 0;
      for (let k = 0; k < index.occurrences.length; k += step) {
        const occ = index.occurrences[k];
        const p = doc.positionAt(occ.start);
        selectionRanges(doc, [p]);
        definition(doc, p);
        references(doc, p, true);
        documentHighlights(doc, p);
        if (renames >= 2 || occ.symbol === null || !occ.renamable || (occ.kind === 'stage' && index.stages[occ.target!].name === null)) continue;
        const edits = renameEdits(index, occ, occ.kind === 'stage' ? 'renamed-stage' : 'RENAMED_VAR');
        if (!Array.isArray(edits)) continue;
        // The renamed file has the symbol under its new name at the same places.
        const out = applyOffsetEdits(text, edits);
        const after = buildIndex(new ChunkedModels().build(out));
        const again = occurrenceAt(after, edits[0].start + 1)!;
        assert.equal(occurrencesOf(after, again.symbol!).length, occurrencesOf(index, occ.symbol!).length, `${file}: ${text.slice(occ.start, occ.end)}`);
        renamed++;
        renames++;
      }
    }
    assert.ok(renamed > 100, `${renamed} renames checked`);
  });

  it('a chunked model after each of a series of edits equals a fresh parse', () => {
    const base = 'FROM a AS x\nARG V=1\nRUN echo $V\n\nFROM x AS y\nRUN <<EOF\nFROM not-a-stage\nEOF\nCOPY --from=x /a /b\n';
    const models = new ChunkedModels();
    models.build(base);
    const strip = (m: DockerfileModel) => JSON.stringify(m.instructions.map(({ node: _node, ...rest }) => rest));
    const edits = [base.replace('V=1', 'V=22'), base, base.replace('RUN echo $V', 'RUN echo $V $V'), `ARG G\n${base}`, base,
      base.replace('EOF\nCOPY', 'EOFX\nCOPY'), `# escape=\`\n${base}`, base.replace(/\n/g, '\r\n'), base];
    for (const edited of edits) {
      const chunked = models.build(edited);
      assert.equal(strip(chunked), strip(new DockerfileModel(edited)));
      assert.deepEqual(JSON.stringify(buildIndex(chunked).occurrences), JSON.stringify(indexOf(edited).occurrences));
    }
  });

  it('pathological files: a 1 MB line, 20,000 continuations, an open heredoc above 2,000 FROM lines, 3,000 $VARs on a line', () => {
    const texts = [
      `FROM alpine\nRUN echo ${'x'.repeat(1 << 20)}\nARG V=1\n`,
      `FROM alpine\nARG V\nRUN a \\\n${'  $V \\\n'.repeat(20000)}  c\n`,
      `FROM a\nRUN <<EOF\n${'FROM b AS c\nRUN $X\n'.repeat(2000)}`,
      `FROM a\nARG V=1\nENV X=${'${V:-$V}'.repeat(3000)}\n`,
    ];
    for (const text of texts) {
      const t0 = performance.now();
      const doc = TextDocument.create(`file:///nasty/${text.length}/Dockerfile`, 'dockerfile', 1, text);
      const index = indexFor(doc);
      assert.ok(index);
      documentSymbols(doc);
      foldingRanges(doc);
      semanticTokens(doc);
      documentLinks(doc);
      const last = index!.occurrences[index!.occurrences.length - 1];
      if (last) references(doc, doc.positionAt(last.start), true);
      const ms = performance.now() - t0;
      // Generous (a loaded shared machine): a super-linear step would take minutes here.
      assert.ok(ms < 10000, `${text.slice(0, 30)}…: ${ms.toFixed(0)} ms`);
    }
  });

  it('image references → registry pages', () => {
    const table: [string, string | null][] = [
      ['alpine', 'https://hub.docker.com/_/alpine'],
      ['alpine:3.20@sha256:abc', 'https://hub.docker.com/_/alpine'],
      ['library/ubuntu:24.04', 'https://hub.docker.com/_/ubuntu'],
      ['bitnami/redis', 'https://hub.docker.com/r/bitnami/redis'],
      ['docker.io/bitnami/redis:7', 'https://hub.docker.com/r/bitnami/redis'],
      ['ghcr.io/astral-sh/uv:0.5', 'https://ghcr.io/astral-sh/uv'],
      ['quay.io/keycloak/keycloak', 'https://quay.io/repository/keycloak/keycloak'],
      ['registry.example.com:5000/team/app', 'https://registry.example.com:5000/team/app'],
      ['scratch', null], ['$BASE', null], ['node:${V}', null], ['localhost:5000/app', null], ['10.0.0.1:5000/app', null], ['', null], ['a/b/c', null],
    ];
    for (const [ref, url] of table) assert.equal(imageLink(ref)?.url ?? null, url, ref);
  });

  it('settings: inlayHints.argDefaults nested or dotted; bad values reported, never thrown', () => {
    assert.equal(normalizeSettings({}).settings.inlayHints.argDefaults, false);
    assert.equal(normalizeSettings({ inlayHints: { argDefaults: true } }).settings.inlayHints.argDefaults, true);
    assert.equal(normalizeSettings({ 'inlayHints.argDefaults': true }).settings.inlayHints.argDefaults, true);
    const bad = normalizeSettings({ inlayHints: { argDefaults: 'yes' } });
    assert.equal(bad.settings.inlayHints.argDefaults, false);
    assert.match(bad.problems.join('\n'), /inlayHints\.argDefaults: expected true or false/);
    assert.match(normalizeSettings({ inlayHints: 3 }).problems.join('\n'), /inlayHints: expected an object/);
  });
});
