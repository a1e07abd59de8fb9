// The automatic and preference variables a new session starts with (about_Automatic_Variables,
// about_Preference_Variables). $true/$false/$null and $? are compiled specially (lvalues.ts);
// $_, $args, $input, $MyInvocation, $PSScriptRoot... are set per invocation (function-processor.ts).
// Imports only lib/core and sibling modules.

import { Hashtable, PSObject } from '../../core/values.js';
import type { Scope } from './scopes.js';

export const PS_VERSION = { Major: 7, Minor: 4, Patch: 6 };
const CSCERT_VERSION = '0.1.0';

/** $PWD and Get-Location's value: prints as the path. */
export class PathInfo {
  constructor(readonly Path: string) {}
  get Drive() { return null; }
  get ProviderPath() { return this.Path; }
  toString() { return this.Path; }
}

class SemanticVersion {
  constructor(readonly Major: number, readonly Minor: number, readonly Patch: number) {}
  toString() { return `${this.Major}.${this.Minor}.${this.Patch}`; }
}

export const PREFERENCES: Record<string, unknown> = {
  ErrorActionPreference: 'Continue', WarningPreference: 'Continue', VerbosePreference: 'SilentlyContinue',
  DebugPreference: 'SilentlyContinue', InformationPreference: 'SilentlyContinue', ProgressPreference: 'Continue',
  ConfirmPreference: 'High', WhatIfPreference: false,
};

export function initAutomatic(global: Scope, options: { cwd: string; env: NodeJS.ProcessEnv; hostName?: string }) {
  const platform = process.platform;
  const define = (name: string, value: unknown) => global.define(name, value);
  for (const [k, v] of Object.entries(PREFERENCES)) define(k, v);
  define('Error', global.engine.errorList());
  define('HOME', options.env.HOME ?? options.env.USERPROFILE ?? '');
  define('PID', process.pid);
  define('IsLinux', platform === 'linux');
  define('IsWindows', platform === 'win32');
  define('IsMacOS', platform === 'darwin');
  define('IsCoreCLR', true);
  define('PSEdition', 'Core');
  define('PSVersionTable', Hashtable.from({
    PSVersion: new SemanticVersion(PS_VERSION.Major, PS_VERSION.Minor, PS_VERSION.Patch), PSEdition: 'Core',
    cscert: CSCERT_VERSION, OS: `${platform} ${process.version}`, Platform: platform === 'win32' ? 'Win32NT' : 'Unix',
    PSCompatibleVersions: ['1.0', '2.0', '3.0', '4.0', '5.0', '5.1', '6.0', '7.0'],
  }, true));
  define('Host', new PSObject({ Name: 'cscert', Version: new SemanticVersion(Number(CSCERT_VERSION.split('.')[0]),
    Number(CSCERT_VERSION.split('.')[1]), Number(CSCERT_VERSION.split('.')[2])), UI: null }, ['System.Management.Automation.Internal.Host.InternalHost']));
  define('OFS', ' ');
  define('MaximumHistoryCount', 4096);
  define('PSScriptRoot', '');
  define('PSCommandPath', '');
}

/** $PWD reads the session's current directory each time. */
export const pwd = (cwd: string) => new PathInfo(cwd);
