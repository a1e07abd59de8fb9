// A session: one Runspace with every cmdlet, the Cert: drive and the services cmdlets use
// (clock, configuration, store), wired to a console sink. Services are created lazily, on the
// first cmdlet that touches them, so a command that needs no certificate loads no certificate code.

import type { HostOptions } from './command-line.js';
import type { ConsoleSink } from './console-sink.js';
import { Runspace } from '../engine/runtime/index.js';
import { allCmdlets } from '../../cmdlets/index.js';
import { renderObjects } from '../format/index.js';
import { reportInputOf, writeReport } from './report.js';
import { resolve } from 'node:path';
import { setClock } from '../engine/values/datetime.js';
import { setPathResolver } from '../engine/values/static-members-system.js';
import { createCertServices } from '../../cmdlets/shared/cert-services.js';
import { createCertDrive } from '../../cmdlets/shared/cert-drive.js';

export interface SessionIO { env: NodeJS.ProcessEnv; cwd: string }

export interface SessionSettings {
  isInteractive: boolean;
  readLine?: (prompt: string, options?: { secure?: boolean }) => Promise<string>;
  /** True or false, or undefined when no answer can be had (the command then reports an error). */
  confirm?: (query: string, caption: string) => Promise<boolean | undefined>;
  /** Tests pin the clock. */
  now?: () => Date;
}

export function createSession(options: HostOptions, io: SessionIO, sink: ConsoleSink, settings: SessionSettings) {
  const now = settings.now ?? (() => new Date());
  // [datetime]::Now and [IO.File]::Exists() follow the session's clock and directory, as cmdlets do.
  setClock(now);
  const certs = createCertServices({ env: io.env, cwd: io.cwd, configFile: options.config, storeOverride: options.store, now });
  const services = { now, certs };
  const runspace = new Runspace({
    commands: allCmdlets,
    drives: [createCertDrive(certs)],
    services,
    sink,
    cwd: io.cwd,
    env: io.env,
    isInteractive: settings.isInteractive,
    readLine: settings.readLine ?? (async () => {
      throw new Error('Read-Host needs a terminal: this run has none (stdin is not interactive).');
    }),
    confirm: settings.confirm ?? (async () => undefined),     // nobody to ask
    renderText: (objects, renderOptions) =>
      renderObjects(objects, { width: renderOptions?.width ?? sink.options.width, color: false }),
    onReport: report => writeReport(report.path, reportInputOf(report, value => renderObjects([value], { width: 200, color: false }))),
  });
  setPathResolver(path => resolve(runspace.cwd, path));     // follows Set-Location
  return { runspace, services };
}
