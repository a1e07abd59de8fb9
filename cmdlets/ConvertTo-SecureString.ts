// ConvertTo-SecureString: plain text to a SecureString (-AsPlainText). Encrypted standard strings
// (DPAPI or -Key) are Windows-specific and refused with a clear NotImplemented error.

import { ShellError } from '../lib/core/errors.js';
import { SecureString } from '../lib/core/values.js';
import { defineCmdlet, param } from '../lib/engine/cmdlet/index.js';

export default defineCmdlet({
  name: 'ConvertTo-SecureString',
  synopsis: 'Converts plain text or encrypted strings to secure strings.',
  description: 'With -AsPlainText, wraps the text in a SecureString, which never shows in output, logs or ' +
    'history (-Force is accepted and no longer needed, as in PowerShell 7). Encrypted standard strings, as ' +
    'ConvertFrom-SecureString writes them on Windows, are not supported.',
  module: 'Microsoft.PowerShell.Security',
  defaultParameterSet: 'Secure',
  outputType: 'System.Security.SecureString',
  parameters: {
    String: param.string({ help: 'The text to convert.', position: 0, mandatory: true, pipeline: 'value' }),
    AsPlainText: param.switch({ help: 'The input is plain text.', sets: { PlainText: { mandatory: true, position: 1 } } }),
    Force: param.switch({ help: 'Accepted for compatibility with Windows PowerShell.', sets: { PlainText: { position: 2 } } }),
    Key: param.objects({ help: 'Not supported: an AES key for an encrypted standard string.', sets: ['Open'] }),
    SecureKey: param.secureString({ help: 'Not supported: a key for an encrypted standard string.', sets: ['Secure'] }),
  },
  examples: [
    { title: 'A password for Import-CsCertificate', code: "$pw = ConvertTo-SecureString 'P@ssw0rd' -AsPlainText -Force; $pw.Length",
      output: [8] },
  ],
  related: ['ConvertFrom-SecureString', 'Read-Host'],
  *process(args, ctx) {
    if (ctx.parameterSetName !== 'PlainText')
      throw new ShellError('EncryptedStandardStringNotSupported', 'NotImplemented',
        'Converting an encrypted standard string to a SecureString is not supported: it is Windows-specific (DPAPI).',
        { target: 'String', hint: "Pass the password as plain text with -AsPlainText, or ask for it with 'Read-Host -AsSecureString'." });
    yield new SecureString(args.String ?? '');
  },
});
