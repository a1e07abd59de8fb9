// The language conformance suite: every case in spec/conformance/*.ps1cases is a small script with
// the stdout and error ids PowerShell 7 gives for it (taken from the about_* topics and PowerShell's
// own tests, see spec/conformance/README.md). Each case runs in a fresh in-process shell and must
// print the same text and raise the same errors. Only trailing whitespace on a line and blank lines
// at either end are ignored: the console shape of the output is part of what is compared.
// Cases listed in spec/conformance/known-failures.txt (the engine work triaged in FAILURES.md) still
// run, but a failure shows as pending so the suite stays green; one that starts to pass fails until
// it is taken off the list, so the list only shrinks. CONFORMANCE_STRICT=1 ignores the list.
// Set CONFORMANCE_REPORT=<file> to also write every case's expected and actual result as JSON (the
// triage in spec/conformance/FAILURES.md is built from it).
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'chai';
import { testHost } from './support/test-host.js';

const corpusDir = join(dirname(fileURLToPath(import.meta.url)), 'conformance');

export interface ConformanceCase {
  file: string;
  line: number;                  // where the case's ### header is, for messages
  name: string;
  source: string;
  knownDifference?: string;      // why this case is not expected to match PowerShell
  script: string;
  output: string;
  errors: string[];
}

const header = /^### (.*?)(?: \[known-difference: (.*)\])?\s*$/;
const sourceNote = /\s*\(source: ([^)]*(?:\([^)]*\)[^)]*)*)\)\s*$/;

// file := case*;  case := '### ' name ('(source: ...)')? ('[known-difference: ...]')? NL script
//                        '--- output' NL lines ('--- errors' NL ids)?
export function parseCases(file: string, text: string): ConformanceCase[] {
  const cases: ConformanceCase[] = [];
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  let current: ConformanceCase | undefined;
  let section: 'script' | 'output' | 'errors' = 'script';
  const parts = { script: [] as string[], output: [] as string[], errors: [] as string[] };
  const finish = () => {
    if (!current) return;
    if (section === 'script') throw new Error(`${file}:${current.line}: case '${current.name}' has no '--- output' section`);
    current.script = parts.script.join('\n').trim();
    current.output = parts.output.join('\n');
    current.errors = parts.errors.map((l) => l.trim()).filter((l) => l !== '');
    cases.push(current);
  };
  lines.forEach((line, index) => {
    const h = header.exec(line);
    if (h) {
      finish();
      let name = h[1];
      const s = sourceNote.exec(name);
      const source = s ? s[1] : '';
      if (s) name = name.slice(0, s.index);
      current = { file, line: index + 1, name: name.trim(), source, knownDifference: h[2], script: '', output: '', errors: [] };
      section = 'script';
      parts.script = []; parts.output = []; parts.errors = [];
      return;
    }
    if (!current) return;                       // prose before the first case
    if (line === '--- output') { section = 'output'; return; }
    if (line === '--- errors') { section = 'errors'; return; }
    parts[section].push(line);
  });
  finish();
  return cases;
}

// Console text compared line by line: trailing spaces and blank lines at either end do not count.
export function normalizeText(text: string): string {
  const lines = text.replace(/\r\n/g, '\n').split('\n').map((l) => l.replace(/\s+$/, ''));
  while (lines.length && lines[0] === '') lines.shift();
  while (lines.length && lines[lines.length - 1] === '') lines.pop();
  return lines.join('\n');
}

// PowerShell's FullyQualifiedErrorId is 'Id,CommandName'; the cases record the id part only.
const errorId = (record: unknown): string => {
  const r = record as { error?: { id?: string }; FullyQualifiedErrorId?: string };
  return String(r.FullyQualifiedErrorId ?? r.error?.id ?? '?').split(',')[0];
};

const files = readdirSync(corpusDir).filter((f) => f.endsWith('.ps1cases')).sort();

// known-failures.txt: one '<file>: <case name>' a line; '#' starts a comment.
const knownFailures = new Set(process.env.CONFORMANCE_STRICT ? [] : readFileSync(join(corpusDir, 'known-failures.txt'), 'utf8')
  .split('\n').map((l) => l.replace(/#.*/, '').trim()).filter((l) => l !== ''));
const report: object[] = [];

describe('language conformance (PowerShell 7 documentation and tests)', () => {
  after(() => {
    if (process.env.CONFORMANCE_REPORT) writeFileSync(process.env.CONFORMANCE_REPORT, JSON.stringify(report, null, 1));
  });

  for (const file of files) describe(file.replace(/\.ps1cases$/, ''), () => {
    for (const c of parseCases(file, readFileSync(join(corpusDir, file), 'utf8'))) {
      if (c.knownDifference) {
        it.skip(`${c.name} [known difference: ${c.knownDifference}]`, () => {});
        report.push({ ...c, status: 'known-difference' });
        continue;
      }
      it(c.name, async function () {
        this.timeout(15000);
        const entry: Record<string, unknown> = { ...c, status: 'fail' };
        report.push(entry);
        let text = '';
        let errors: string[] = [];
        try {
          const run = await (await testHost()).run(c.script);
          text = run.text;
          errors = run.errors.map(errorId);
          entry.stderr = run.stderr;
        } catch (e) {
          entry.crash = (e as Error).stack ?? String(e);
          throw e;
        } finally {
          entry.actualOutput = normalizeText(text);
          entry.actualErrors = errors;
        }
        const matches = normalizeText(text) === normalizeText(c.output) && JSON.stringify(errors) === JSON.stringify(c.errors);
        if (knownFailures.has(`${c.file}: ${c.name}`)) {
          if (!matches) { entry.status = 'known-failure'; this.skip(); }
          expect.fail(`${c.file}:${c.line} '${c.name}' now matches PowerShell: take it off spec/conformance/known-failures.txt`);
        }
        expect(normalizeText(text), `${c.file}:${c.line} output`).to.equal(normalizeText(c.output));
        expect(errors, `${c.file}:${c.line} error ids`).to.deep.equal(c.errors);
        entry.status = 'pass';
      });
    }
  });
});
