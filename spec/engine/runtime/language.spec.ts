import { expect } from 'chai';
import { outputOf, runScript } from './helpers.js';

// script → the output objects PowerShell 7 writes for it (examples after the about_* topics).
const cases: [string, string, unknown[]][] = [
  // expressions
  ['arithmetic', '1 + 2 * 3', [7]],
  ['a lone array unrolls into the pipeline', '1, 2, 3', [1, 2, 3]],
  ['the unary comma keeps an array whole', '(,(1, 2)).Count', [1]],
  ['@() is always an array', '@(5).Count; @().Count; @(@(1, 2)).Count', [1, 0, 2]],
  ['$( ) of one value is that value', '$x = $(7); $x', [7]],
  ['expandable strings with subexpressions', '$n = 2; "n=$n, twice=$($n * 2)"', ['n=2, twice=4']],
  ['$OFS joins arrays in strings', '$a = 1, 2; "$a"; $OFS = "-"; "$a"', ['1 2', '1-2']],
  ['negative and range indexing', '$a = 10, 20, 30; $a[-1]; $a[0..1]', [30, 10, 20]],
  ['out-of-range indexing gives nothing', '$a = 1, 2; $null -eq $a[5]', [true]],
  ['hashtable keys and members', '$h = @{ Name = "x" }; $h["name"]; $h.Name', ['x', 'x']],
  ['an [ordered] dictionary indexes by position with an int, by key with [object] or a string',
    '$d = [ordered]@{ 1 = "one"; 2 = "two"; k = 3 }; $d[1]; $d[[object]1]; $d["k"]; $d[0] = "uno"; $d[[object]1]', ['two', 'one', 3, 'uno']],
  ['a scalar indexed by several indexes is $null', '$null -eq (2)[0, 0]; (2)[0]', [true, 2]],
  ['assigning into a typed array converts to its element type', '[int[]]$a = 1, 2; $a[0] = "5"; $a[0] + 1', [6]],
  ['strings index by character', '"abc"[1]', ['b']],
  ['ternary, ?? and ??=', '$n = $null; $n ?? "d"; $n ??= 4; $n; $true ? "y" : "n"', ['d', 4, 'y']],
  ['-and / -or short-circuit', '$i = 0; $false -and ($i = 1); $true -or ($i = 2); $i', [false, true, 0]],
  ['-match sets $Matches', '$null = "key=val" -match "(\\w+)=(\\w+)"; $Matches[2]', ['val']],
  ['a numeric cast of a [char] cast is the code point', "[int][char]'A'; [long][char]'a'; [char]66", [65, 97, 'B']],
  ['casts', '[int]"42" + 1; [string]5 + 5', [43, '55']],
  ['member enumeration on arrays', '$items = @{ N = 1 }, @{ N = 2 }; ($items | % { [pscustomobject]$_ }).N', [1, 2]],
  ['static members', '[math]::Max(3, 9)', [9]],
  ['script block Invoke()', '$sb = { param($a) $a * 3 }; $sb.Invoke(2)', [6]],
  ['& runs a script block with arguments', '& { $args[0] + $args[1] } 2 3', [5]],
  ['-replace runs a script block per match with $_ the Match', '"a1b22" -replace "(\\d)", { "<" + $_.Groups[1].Value + ">" }; "072101" -replace "\\d{3}", { return [char][int]$_.Value }', ['a<1>b<2><2>', 'He']],
  ['-split runs a script block per character, a true result marks a delimiter', '"a,b;c" -split { $_ -eq "," -or $_ -eq ";" }; "abcabc" -split { $_ -eq "b" }, 2', ['a', 'b', 'c', 'a', 'cabc']],
  ['.ForEach() runs its block in the caller\'s scope, so += accumulates there', '$a = @(); (0..2).ForEach({ $a += $_ }); $a.Count; $_ = "kept"; (1, 2).Where({ $_ -gt 1 }); $_', [3, 2, 'kept']],
  ['$hash.1 reads the numeric key 1', '$h = @{ 1 = "one"; "2" = "two" }; $h.1; $h.2', ['one', 'two']],
  ['.Where() and .ForEach()', '(1..5).Where({ $_ % 2 }).ForEach({ $_ * 10 })', [10, 30, 50]],
  // assignment
  ['multiple assignment takes the rest', '$a, $b = 1, 2, 3; $a; $b.Count', [1, 2]],
  ['typed variables keep converting', '[int]$x = "5"; $x = "6"; $x + 1', [7]],
  ['compound assignment on members and indexes', '$h = @{ n = 1 }; $h.n += 2; $a = 1, 2; $a[1] *= 5; $h.n; $a[1]', [3, 10]],
  ['++ and -- as statements write nothing', '$i = 1; $i++; $i--; ++$i; $i', [2]],
  ['$null = discards', '$null = 1 + 1; "done"', ['done']],
  ['a pipeline assigned collects its output', '$x = 1..3 | % { $_ }; $x.Count; $y = 1 | % { $_ }; $y', [3, 1]],
  // control flow
  ['if / elseif / else', '$x = 5; if ($x -lt 3) { "a" } elseif ($x -lt 10) { "b" } else { "c" }', ['b']],
  ['foreach over $null runs zero times', 'foreach ($i in $null) { "x" }; "end"', ['end']],
  ['for, while, do-until', 'for ($i = 0; $i -lt 3; $i++) { $i }; $j = 0; while ($j -lt 2) { $j++ }; $j; do { $j-- } until ($j -le 0); $j', [0, 1, 2, 2, 0]],
  ['a loop is a value: foreach, for, while assigned or captured',
    '$s = foreach ($n in 1..3) { $n * 2 }; $s.Count; @(for ($i = 0; $i -lt 2; $i++) { $i }).Count; $k = 0; @(while ($k -lt 3) { $k++; $k }).Count', [3, 2, 3]],
  ['a for initializer and iterator write nothing', 'for (($i = 0), ($j = 5); $i -lt 2; $i++, $j++) { $i }', [0, 1]],
  ['do-while runs its body once', '$k = 10; do { "once" } while ($k -lt 5)', ['once']],
  ['labelled break leaves the outer loop', ':outer foreach ($a in 1..3) { foreach ($b in 1..3) { if ($b -eq 2) { break outer }; "$a$b" } }', ['11']],
  ['continue skips to the next item', 'foreach ($i in 1..4) { if ($i % 2) { continue }; $i }', [2, 4]],
  ['switch: all matching clauses, default', 'switch (3) { 3 { "three" } { $_ -gt 2 } { "big" } default { "none" } }', ['three', 'big']],
  ['switch over an array, break ends it', 'switch (1, 2, 3) { 2 { "two"; break } default { "d$_" } }', ['d1', 'two']],
  ['switch compares strings: an enum by its name, a hashtable by its type name',
    '$d = [DayOfWeek]::Thursday; switch ($d) { 4 { "int" } "thursday" { "name" } }; switch (@{ a = 1 }) { "System.Collections.Hashtable" { "table" } "a" { "key" } }', ['name', 'table']],
  ['switch -Wildcard and -Regex', 'switch -Wildcard ("abc") { "a*" { "wild" } }; switch -Regex ("a1") { "(\\d)" { $Matches[1] } }', ['wild', '1']],
  ['switch continue moves to the next item', 'switch (1, 2) { 1 { "one"; continue } { $true } { "any$_" } }', ['one', 'any2']],
  ['$? is true in the branch an if condition chose, even after a failed command in it',
    'if ("a" && Write-Error x -ErrorAction Ignore) { $? }; if (Write-Error x -ErrorAction Ignore && "b") { "if" } else { $? }', [true, true]],
  ['&& and ||', 'Write-Output a && Write-Output b; Write-Error x 2>$null || Write-Output c', ['a', 'b', 'c']],
  // functions
  ['simple function parameters and $args', 'function f($a, $b) { "$a-$b-$args" }; f 1 2 3', ['1-2-3']],
  ['named arguments with a prefix', 'function f { param($Name, $Count = 2) "$Name*$Count" }; f -Na x; f -Name y -Count 3', ['x*2', 'y*3']],
  ['defaults see earlier parameters', 'function f { param($a = 2, $b = $a * 10) $b }; f; f 3', [20, 30]],
  ['switch parameters', 'function f { param([switch]$Force) $Force.IsPresent }; f; f -Force', [false, true]],
  ['return ends the function', 'function f { 1; return 2; 3 }; f', [1, 2]],
  ['filters run per input object', 'filter double { $_ * 2 }; 1..3 | double', [2, 4, 6]],
  ['begin/process/end with pipeline input', 'function s { begin { $t = 0 } process { $t += $_ } end { $t } }; 1..4 | s', [10]],
  ['ValueFromPipeline binds piped objects', 'function f { param([Parameter(ValueFromPipeline)][int]$N) process { $N + 1 } }; 1, 2 | f', [2, 3]],
  ['splatting a hashtable and an array', 'function f($a, $b) { "$a/$b" }; $h = @{ b = 2; a = 1 }; f @h; $l = 3, 4; f @l', ['1/2', '3/4']],
  ['@args passes -Name words on as parameter names, and a quoted "-Name" as a value',
    'function s($First, $Second) { "$First/$Second" }; function fw { s @args }; fw -Second 2 -First 1; fw "-First" x; fw -Second:5 q', ['1/2', '-First/x', 'q/5']],
  ['an explicit parameter overrides a splatted one', 'function f($L) { $L }; $h = @{ L = 1 }; f @h -L 2; f -L 3 @h', [2, 3]],
  ['return of a pipeline writes its objects as they are', 'function w { , $args[0] }; function t { $a = 1, 2, 3; return w $a }; t | Measure-Count; function u { return 1, 2 }; u | Measure-Count', [1, 2]],
  ['$input is empty in end after a process block read it', 'function p { process { $_ } end { "end:" + @($input).Count } }; 1, 2 | p', [1, 2, 'end:0']],
  ['end-only functions see $input', 'function c { @($input).Count }; 1..3 | c', [3]],
  ['dot-sourcing runs in the current scope', '. { $z = 9 }; $z; & { $w = 1 }; $null -eq $w', [9, true]],
  ['functions defined in a function are local to it', 'function o { function i { "in" }; i }; o; i 2>$null', ['in']],
];

describe('runtime: the language', () => {
  for (const [title, script, expected] of cases) it(title, async () => {
    const r = await runScript(script);
    expect(r.errors.map(e => e.error.message), script).to.deep.equal(title.startsWith('functions defined') ? [r.errors[0]?.error.message] : []);
    expect(r.output, script).to.deep.equal(expected);
  });

  it('[ordered] on anything but a hash literal is refused before the script runs', async () => {
    const r = await runScript('"ran"; [ordered]$h = @{}');
    expect(r.output).to.deep.equal([]);
    expect(r.errors.map(e => [e.error.id, e.error.category])).to.deep.equal([['OrderedAttributeOnlyOnHashLiteralNode', 'ParserError']]);
  });

  it('a script block operand that runs a command is refused by name', async () => {
    const r = await runScript('"x" -replace "x", { Get-Date }');
    expect(r.errors.map(e => [e.error.id, e.error.category])).to.deep.equal([['CommandInMethodScriptBlock', 'NotImplemented']]);
  });

  it('scopes: reads see the caller, writes stay local, $script: and $global: reach out', async () => {
    expect(await outputOf('$x = 1; function s { $x; $x = 2; $x; $script:y = 3; $global:g = 4 }; s; $x; $y; $g'))
      .to.deep.equal([1, 2, 1, 3, 4]);
  });

  it('scopes: $private: variables are hidden from children', async () => {
    expect(await outputOf('$private:p = 1; function f { $null -eq $p }; f')).to.deep.equal([true]);
  });

  it('$env: reads and writes the environment option', async () => {
    const env: NodeJS.ProcessEnv = { HOME: '/h', X: 'one' };
    const r = await runScript('$env:X; $env:Y = "two"', { env });
    expect(r.output).to.deep.equal(['one']);
    expect(env.Y).to.equal('two');
  });

  it('automatic variables exist', async () => {
    expect(await outputOf('$PSVersionTable.PSVersion.Major; $PSVersionTable.cscert -ne $null; $Host.Name; $HOME; $true -is [bool]'))
      .to.deep.equal([7, true, 'cscert', '/home/test', true]);
  });
});

