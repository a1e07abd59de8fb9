// The built-in PowerShell cmdlets (Microsoft.PowerShell.Core, .Utility, .Management, .Security) that
// cscert offers beside the certificate module. cmdlets/index.ts joins this list with the certificate
// cmdlets; Get-Command, Get-Help and the example tests read it.

import type { CmdletDefinition } from '../lib/engine/cmdlet/index.js';
import addContent from './Add-Content.js';
import convertFromJson from './ConvertFrom-Json.js';
import convertToCsv from './ConvertTo-Csv.js';
import convertToJson from './ConvertTo-Json.js';
import exportCsv from './Export-Csv.js';
import formatList from './Format-List.js';
import formatTable from './Format-Table.js';
import outFile from './Out-File.js';
import outNull from './Out-Null.js';
import outString from './Out-String.js';
import popLocation from './Pop-Location.js';
import pushLocation from './Push-Location.js';
import convertFromSecureString from './ConvertFrom-SecureString.js';
import convertToSecureString from './ConvertTo-SecureString.js';
import forEachObject from './ForEach-Object.js';
import getChildItem from './Get-ChildItem.js';
import getContent from './Get-Content.js';
import getDate from './Get-Date.js';
import getItem from './Get-Item.js';
import getLocation from './Get-Location.js';
import getMember from './Get-Member.js';
import getModule from './Get-Module.js';
import getVariable from './Get-Variable.js';
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
import selectString from './Select-String.js';
import setContent from './Set-Content.js';
import setLocation from './Set-Location.js';
import setVariable from './Set-Variable.js';
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
  selectString,
  // Output streams
  writeOutput, writeHost, writeVerbose, writeWarning, writeDebug, writeError, writeProgress,
  // Dates and time
  getDate, newTimeSpan, startSleep,
  // Files, paths and the Cert: drive
  getContent, setContent, addContent, testPath, joinPath, splitPath, getChildItem, getItem, newItem, removeItem, getLocation,
  setLocation, pushLocation, popLocation,
  // Session
  readHost, convertToSecureString, convertFromSecureString, importModule, getModule, getVariable, setVariable,

  // Formatting and conversion
  formatTable, formatList, outString, outFile, outNull, convertToJson, convertFromJson, convertToCsv, exportCsv,

  // ---- Help (owned by the help engineer): Get-Help, Get-Command. Add them here.
];
