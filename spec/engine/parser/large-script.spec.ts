import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { located } from '../../../lib/core/span.js';
import type { FunctionDefinitionAst } from '../../../lib/engine/parser/ast.js';
import { canonical, parse } from './helpers.js';

// The tree of one copy of BLOCK, spans included, as the parser built it before the lexer was
// reworked for speed (spec/engine/parser/fixtures): a faster parser must build the same tree.
const fixture = JSON.parse(readFileSync(new URL('./fixtures/large-script-function.json', import.meta.url), 'utf8'));

// A 5,000-line script of the kind cscert runs. Only correctness is asserted here; the parse time
// is measured by bench/language.ts, never by a test.
const BLOCK = `# Request and assign the certificates of one pool
function Request-PoolCertificate {
    [CmdletBinding(SupportsShouldProcess)]
    param([Parameter(Mandatory)][string]$Pool, [string[]]$Type = @('Default', 'WebServicesInternal'), [switch]$Assign)
    $params = @{ New = $true; Type = $Type; FriendlyName = "Pool $Pool"; KeySize = 2048 }
    if ($Assign -and $Pool -like '*.litwareinc.com') {
        $result = Request-CsCertificate @params -Assign -Report "$env:TEMP\\$Pool.html" 2>&1
    } elseif ($Pool.Length -gt 40) { throw "Pool name '$Pool' is too long" }
    else { $result = $null }
    foreach ($cert in Get-CsCertificate | Where-Object { $_.NotAfter -lt (Get-Date).AddDays(45) }) {
        Write-Verbose ("{0} expires {1:yyyy-MM-dd}" -f $cert.Thumbprint, $cert.NotAfter)
        $list += , $cert.Thumbprint
    }
    <# a block comment
       over two lines #>
    switch -Wildcard ($Pool) { 'edge*' { 'edge' } default { 'frontend' } }
    try { $n = [int]$Pool.Split('.')[0] } catch [System.FormatException] { $n = -1 } finally { $done = $true }
    return $result
}
`;

describe('parser: a 5,000-line script', () => {
  const lines = BLOCK.split('\n').length - 1;
  const copies = Math.ceil(5000 / lines);
  const script = BLOCK.repeat(copies);

  it('parses every function with its parameters and statements', () => {
    const ast = parse(script);
    const functions = ast.end!.statements as FunctionDefinitionAst[];
    expect(functions).to.have.length(copies);
    for (const f of functions) {
      expect(f.kind).to.equal('FunctionDefinition');
      expect(f.body.param?.parameters.map(p => p.name)).to.deep.equal(['Pool', 'Type', 'Assign']);
      expect(f.body.end?.statements.map(s => s.kind)).to.deep.equal(
        ['Assignment', 'If', 'Foreach', 'Switch', 'Try', 'Return']);
    }
  });

  it('builds the same tree for every copy as before, spans included', () => {
    const functions = parse(script).end!.statements;
    expect(canonical(functions[0], 0)).to.deep.equal(fixture);
    const expected = JSON.stringify(fixture);
    const differing = functions.map((f, i) => JSON.stringify(canonical(f, i * BLOCK.length)) === expected ? -1 : i).filter(i => i >= 0);
    expect(differing).to.deep.equal([]);
  });

  it('places the last function on its true line', () => {
    const functions = parse(script).end!.statements;
    expect(located(functions[copies - 1].span).line).to.equal((copies - 1) * lines + 2);
  });

  it('keeps each function\'s body as its place in the source until it is read, then builds it once, on its true lines', () => {
    const functions = parse(script).end!.statements as FunctionDefinitionAst[];
    const last = functions[copies - 1]!;
    expect(Object.getOwnPropertyDescriptor(last, 'body')?.get, 'not built by the parse').to.be.a('function');
    const body = last.body;
    expect(last.body).to.equal(body);
    expect(located(body.end!.statements[1]!.span).line).to.equal((copies - 1) * lines + 6);   // its `if`
  });
});
