// The built-in PowerShell cmdlets (Microsoft.PowerShell.Core, .Utility, .Management, .Security) that
// cscert offers beside the certificate module. cmdlets/index.ts joins this list with the certificate
// cmdlets; Get-Command, Get-Help and the example tests read it.

import type { CmdletDefinition } from '../lib/engine/cmdlet/index.js';
import addContent from './Add-Content.js';
import convertFromSecureString from './ConvertFrom-SecureString.js';
import convertToSecureString from './ConvertTo-SecureString.js';
import forEachObject from './ForEach-Object.js';
import getChildItem from './Get-ChildItem.js';
import getContent from './Get-Content.js';
import getDate from './Get-Date.js';
import getItem from './Get-Item.js';
import getLocation from './Get-Location.js';
import getMember from './Get-Member.js';
import groupObject from './Group-Object.js';
import importModule from './Import-Module.js';
import joinPath from './Join-Path.js';
import measureObject from './Measure-Object.js';
import newItem from './New-Item.js';
import newObject from './New-Object.js';
import newTimeSpan from './New-TimeSpan.js';
import readHost from './Read-Host.js';
import removeItem from './Remove-Item.js';
import selectObject from './Select-Object.js';
import setContent from './Set-Content.js';
import sortObject from './Sort-Object.js';
import splitPath from './Split-Path.js';
import startSleep from './Start-Sleep.js';
import teeObject from './Tee-Object.js';
import testPath from './Test-Path.js';
import whereObject from './Where-Object.js';
import writeDebug from './Write-Debug.js';
import writeError from './Write-Error.js';
import writeHost from './Write-Host.js';
import writeOutput from './Write-Output.js';
import writeProgress from './Write-Progress.js';
import writeVerbose from './Write-Verbose.js';
import writeWarning from './Write-Warning.js';

export const builtinCmdlets: CmdletDefinition[] = [
  // Pipeline objects
  whereObject, forEachObject, selectObject, sortObject, groupObject, measureObject, getMember, teeObject, newObject,
  // Output streams
  writeOutput, writeHost, writeVerbose, writeWarning, writeDebug, writeError, writeProgress,
  // Dates and time
  getDate, newTimeSpan, startSleep,
  // Files, paths and the Cert: drive
  getContent, setContent, addContent, testPath, joinPath, splitPath, getChildItem, getItem, newItem, removeItem, getLocation,
  // Session
  readHost, convertToSecureString, convertFromSecureString, importModule,

  // ---- Formatting and conversion (owned by the format engineer): Format-Table, Format-List,
  // Out-String, Out-File, Out-Null, ConvertTo-Json, ConvertFrom-Json, ConvertTo-Csv, Export-Csv.
  // Add them here.

  // ---- Help (owned by the help engineer): Get-Help, Get-Command. Add them here.
];
