// Every script in examples/ runs through the real cscert binary, as a user would run it, and must
// print exactly its .out file (and nothing on stderr unless a .err file says what).
import { expect } from 'chai';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cleanEnv, projectRoot, runCli, tempDir } from './support/cli.js';

const examples = join(projectRoot, 'examples');

describe('examples/', function () {
  this.timeout(120_000);
  for (const script of readdirSync(examples).filter(f => f.endsWith('.ps1')).sort()) {
    it(`${script} prints ${script.replace(/\.ps1$/, '.out')}`, () => {
      const dir = tempDir();
      const expected = readFileSync(join(examples, script.replace(/\.ps1$/, '.out')), 'utf8');
      const errFile = join(examples, script.replace(/\.ps1$/, '.err'));
      const r = runCli([join(examples, script)], { cwd: dir, env: cleanEnv(dir, { CSCERT_EXAMPLE_DIR: examples }) });
      expect(r.stderr).to.equal(existsSync(errFile) ? readFileSync(errFile, 'utf8') : '');
      expect(r.stdout).to.equal(expected);
      expect(r.status).to.equal(0);
    });
  }
});
