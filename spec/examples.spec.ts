// Every script in examples/ runs through the real cscert binary exactly as its `# Run:` line tells a
// user to (with the configuration it names), in a fresh directory and store, and must print its
// .out file (and nothing on stderr unless a .err file says what). Every example configuration
// must load.
import { expect } from 'chai';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig } from '../lib/certs/config.js';
import { cleanEnv, projectRoot, runCli, tempDir } from './support/cli.js';

const examples = join(projectRoot, 'examples');

/** The cscert options of a script's `# Run: cscert [options] examples/x.ps1` line. */
function runOptions(script: string): string[] {
  const line = readFileSync(join(examples, script), 'utf8').match(/^# Run: cscert (.*)$/m)?.[1];
  if (!line) throw new Error(`${script} has no '# Run: cscert ...' line telling users how to run it`);
  const words = line.trim().split(/\s+/);
  expect(words.pop(), `${script}'s Run line ends with the script`).to.equal(`examples/${script}`);
  return words.map(w => w.startsWith('examples/') ? join(projectRoot, w) : w);
}

describe('examples/', function () {
  this.timeout(120_000);
  for (const script of readdirSync(examples).filter(f => f.endsWith('.ps1')).sort()) {
    it(`${script} prints ${script.replace(/\.ps1$/, '.out')}`, () => {
      const dir = tempDir();
      const expected = readFileSync(join(examples, script.replace(/\.ps1$/, '.out')), 'utf8');
      const errFile = join(examples, script.replace(/\.ps1$/, '.err'));
      const r = runCli([...runOptions(script), join(examples, script)], { cwd: dir, env: cleanEnv(dir) });
      expect(r.stderr).to.equal(existsSync(errFile) ? readFileSync(errFile, 'utf8') : '');
      expect(r.stdout).to.equal(expected);
      expect(r.status).to.equal(0);
    });
  }
  for (const file of readdirSync(examples).filter(f => f.endsWith('.yaml')).sort())
    it(`${file} is a valid configuration`, async () => {
      const config = await loadConfig({ cwd: examples, configFile: join(examples, file), env: { HOME: tempDir() } });
      expect(config.file).to.equal(join(examples, file));
    });
});
