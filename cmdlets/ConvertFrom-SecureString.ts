// ConvertFrom-SecureString: with -AsPlainText (PowerShell 7), the text a SecureString holds.
// Producing an encrypted standard string (Windows DPAPI) is refused as not supported.

import { ShellError } from '../lib/core/errors.js';
import { SecureString } from '../lib/core/values.js';
import { defineCmdlet, param } from '../lib/engine/cmdlet/index.js';

export default defineCmdlet({
  name: 'ConvertFrom-SecureString',
  synopsis: 'Converts a secure string to plain text (PowerShell 7 -AsPlainText).',
  description: 'With -AsPlainText returns the text a SecureString holds; handle the result with care, it is no ' +
    'longer hidden. Converting to an encrypted standard string (the Windows default) is not supported.',
  module: 'Microsoft.PowerShell.Security',
  defaultParameterSet: 'Secure',
  outputType: 'System.String',
  parameters: {
    SecureString: param.secureString({ help: 'The secure string to convert.', position: 0, mandatory: true, pipeline: 'value' }),
    AsPlainText: param.switch({ help: 'Returns the plain text.', sets: { AsPlainText: { mandatory: true } } }),
    Key: param.objects({ help: 'Not supported: an AES key for an encrypted standard string.', sets: ['Open'] }),
    SecureKey: param.secureString({ help: 'Not supported: a key for an encrypted standard string.', sets: ['Secure'] }),
  },
  examples: [
    { title: 'Recover the text of a secure string',
      code: "ConvertTo-SecureString 'abc' -AsPlainText | ConvertFrom-SecureString -AsPlainText", output: ['abc'] },
  ],
  related: ['ConvertTo-SecureString'],
  *process(args, ctx) {
    if (ctx.parameterSetName !== 'AsPlainText')
      throw new ShellError('EncryptedStandardStringNotSupported', 'NotImplemented',
        'Converting a SecureString to an encrypted standard string is not supported: it is Windows-specific (DPAPI).',
        { target: 'SecureString', hint: 'Use -AsPlainText to get the text, and keep it out of logs.' });
    const s = args.SecureString;
    yield s instanceof SecureString ? s.reveal() : String(s ?? '');
  },
});
