import { it } from 'node:test';
import * as fs from 'node:fs';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { initEngine } from '../../server/src/lint';
import { indexFor } from '../../server/src/features/symbolsIndex';
import { documentSymbols } from '../../server/src/features/symbols';
import { foldingRanges } from '../../server/src/features/folding';
import { documentLinks } from '../../server/src/features/links';
import { semanticTokens } from '../../server/src/features/semanticTokens';
import { modelFor } from '../../server/src/features/document';
it('prof', async () => {
  await initEngine();
  for (const file of [process.env.F!, '/tmp/big10k.Dockerfile']) {
  const text = fs.readFileSync(file, 'utf8');
  for (let v = 1; v <= 3; v++) {
    const doc = TextDocument.create('file:///tmp/x/Dockerfile', 'dockerfile', v, text);
    const T = (n: string, f: () => unknown) => { const s = performance.now(); const r = f(); const j = JSON.stringify(r).length; console.log(n, (performance.now() - s).toFixed(1), j); return r; };
    T('model', () => modelFor(doc) ? 1 : 0);
    T('index', () => indexFor(doc)!.occurrences.length);
    T('symbols', () => documentSymbols(doc));
    T('folding', () => foldingRanges(doc));
    T('links', () => documentLinks(doc));
    T('tokens', () => semanticTokens(doc));
    T('tokens2', () => semanticTokens(doc));
  }}
});
