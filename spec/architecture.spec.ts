// The layers of STYLE.md, checked: imports under lib/ point only to earlier layers, lib/certs stays
// out of the shell, and cmdlets/ reach only the parts of the engine meant for them.
import { expect } from 'chai';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const LAYERS = ['lib/core', 'lib/engine/lexer', 'lib/engine/parser', 'lib/engine/values', 'lib/engine/cmdlet',
  'lib/engine/binder', 'lib/engine/runtime', 'lib/format', 'lib/host'];

function* sourceFiles(dir: string): Generator<string> {
  for (const name of readdirSync(join(root, dir))) {
    const path = join(dir, name);
    if (statSync(join(root, path)).isDirectory()) yield* sourceFiles(path);
    else if (name.endsWith('.ts')) yield path;
  }
}

/** Relative imports of a file, as project paths (type-only imports count: they are dependencies too). */
function importsOf(file: string): string[] {
  const text = readFileSync(join(root, file), 'utf8');
  // Static imports and re-exports (`import ... from 'x'`, `export ... from 'x'`, `import 'x'`) start a
  // line; dynamic ones are `import('x')`. Text inside strings and comments is not an import.
  const patterns = [/^\s*(?:import|export)\b[^'"`;]*?\bfrom\s*['"]([^'"]+)['"]/gm, /^\s*import\s*['"]([^'"]+)['"]/gm,
    /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g];
  const specifiers = patterns.flatMap(p => [...text.matchAll(p)].map(m => m[1]));
  return specifiers.map(s => s.startsWith('.') ? relative(root, resolve(root, dirname(file), s)) : `package:${s}`);
}

const layerOf = (path: string) => LAYERS.findIndex(layer => path === layer || path.startsWith(layer + '/'));

describe('architecture', () => {
  it('lib/ imports point only to the same or an earlier layer', () => {
    const backward: string[] = [];
    for (const layer of LAYERS) for (const file of sourceFiles(layer)) for (const target of importsOf(file)) {
      if (target.startsWith('package:')) continue;
      if (target.startsWith('cmdlets/') && layer === 'lib/host') continue;   // the host hands the cmdlet list to the engine
      if (target.startsWith('lib/certs/') && layer === 'lib/host') continue; // and creates the certificate services
      const targetLayer = layerOf(target);
      if (targetLayer === -1 || targetLayer > layerOf(file)) backward.push(`${file} → ${target}`);
    }
    expect(backward).to.deep.equal([]);
  });

  it('lib/certs uses only itself, Node built-ins, node-forge, cosmiconfig and acme-client', () => {
    const outside = [...sourceFiles('lib/certs')].flatMap(file => importsOf(file)
      .filter(t => t.startsWith('package:') ? !/^package:(node:|node-forge|cosmiconfig|acme-client)/.test(t) : !t.startsWith('lib/certs/'))
      .map(t => `${file} → ${t}`));
    expect(outside).to.deep.equal([]);
  });

  it('cmdlets/ use only lib/core, the cmdlet API, values, lib/certs and each other', () => {
    const allowed = /^(lib\/core|lib\/engine\/cmdlet|lib\/engine\/values|lib\/certs|cmdlets)\//;
    const outside = [...sourceFiles('cmdlets')].flatMap(file => importsOf(file)
      .filter(t => t.startsWith('package:') ? !t.startsWith('package:node:') : !allowed.test(t))
      .map(t => `${file} → ${t}`));
    expect(outside).to.deep.equal([]);
  });
});
