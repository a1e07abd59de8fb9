// Small cmdlets for the binder specs, and helpers that build CommandArgument arrays.
import type { CommandArgument } from '../../../lib/engine/binder/index.js';
import { defineCmdlet, defineEnum, param } from '../../../lib/engine/cmdlet/index.js';

export const CertType = defineEnum('CertType',
  ['Default', 'WebServicesInternal', 'WebServicesExternal', 'OAuthTokenIssuer'], { Internal: 'WebServicesInternal' });

/** Named arguments: named('Type', 'x') is `-Type x` as the runtime pairs it; named('Force') a bare switch. */
export const named = (name: string, ...value: unknown[]): CommandArgument =>
  value.length ? { kind: 'named', name, value: value[0], hasValue: true } : { kind: 'named', name, hasValue: false };
export const pos = (value: unknown): CommandArgument => ({ kind: 'positional', value });

export const getThing = defineCmdlet({
  name: 'Get-Thing',
  synopsis: 'A cmdlet with one parameter of each kind.',
  parameters: {
    Name: param.string({ help: 'The name.', position: 0, aliases: ['n'] }),
    Path: param.strings({ help: 'Paths.', position: 1 }),
    Type: param.enumArray(CertType, { help: 'Usages.' }),
    TypeName: param.string({ help: 'Shares a prefix with Type.' }),
    One: param.enum(CertType, { help: 'One usage.' }),
    Count: param.int({ help: 'A count.', validateRange: [0, 100] }),
    Size: param.long({ help: 'A size.' }),
    Ratio: param.double({ help: 'A ratio.' }),
    Enabled: param.bool({ help: 'On or off.' }),
    Force: param.switch({ help: 'Force it.' }),
    When: param.datetime({ help: 'A date.' }),
    Wait: param.timespan({ help: 'A wait.' }),
    Filter: param.scriptBlock({ help: 'A filter.' }),
    Options: param.hashtable({ help: 'Options.' }),
    Password: param.secureString({ help: 'A password.' }),
    Anything: param.object({ help: 'Anything.' }),
    Label: param.string({ help: 'Not empty.', validateNotNullOrEmpty: true }),
    Even: param.int({ help: 'Even only.', validate: v => v % 2 ? 'The value must be even.' : undefined }),
  },
  examples: [],
});

export const setCert = defineCmdlet({
  name: 'Set-Cert',
  synopsis: 'Parameter sets: by thumbprint, by reference from the pipeline, or by path.',
  defaultParameterSet: 'Thumbprint',
  changesState: { confirmImpact: 'Medium' },
  parameters: {
    Thumbprint: param.string({ help: 'Thumbprint.', sets: { Thumbprint: { mandatory: true, position: 0 } } }),
    Reference: param.object({ help: 'A certificate reference.',
      sets: { Reference: { mandatory: true, valueFromPipeline: true } } }),
    Path: param.string({ help: 'A file.', sets: { Path: { mandatory: true } } }),
    Type: param.enumArray(CertType, { help: 'Usages.', mandatory: true, pipeline: 'property' }),
    Identity: param.string({ help: 'Scope.', pipeline: 'property', aliases: ['Scope'] }),
    Force: param.switch({ help: 'Force.' }),
  },
  examples: [],
});

export const requestCert = defineCmdlet({
  name: 'Request-Cert',
  synopsis: 'Selector switches make the sets.',
  parameters: {
    New: param.switch({ help: 'New.', sets: { New: { mandatory: true } } }),
    List: param.switch({ help: 'List.', sets: { List: { mandatory: true } } }),
    Type: param.enumArray(CertType, { help: 'Usages.', sets: { New: { mandatory: true } } }),
    RequestId: param.int({ help: 'Request.', sets: ['List'] }),
    CA: param.string({ help: 'CA.' }),
  },
  examples: [],
});

export const stringInput = defineCmdlet({
  name: 'Out-Thing',
  synopsis: 'Takes strings from the pipeline by value.',
  parameters: {
    InputObject: param.string({ help: 'Input.', mandatory: true, pipeline: 'value' }),
    Count: param.int({ help: 'Count.', pipeline: 'property' }),
  },
  examples: [],
});
