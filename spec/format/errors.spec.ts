// renderError and the other streams, in PowerShell 7's ConciseView shape plus our id and hint.
import { expect } from 'chai';
import { ErrorRecord, ParseErrors, ShellError } from '../../lib/core/errors.js';
import { makeSource, spanOf } from '../../lib/core/span.js';
import { renderDebug, renderError, renderVerbose, renderWarning } from '../../lib/format/index.js';

const plain = { color: false };

describe('renderError', () => {
  it('prints a cmdlet error with its category line and hint', () => {
    const error = new ShellError('CertificateNotFound', 'ObjectNotFound',
      "No certificate with thumbprint '9F3A07' in the Personal store (My).",
      { target: '9F3A07', hint: "run 'Get-ChildItem Cert:\\LocalMachine\\My' to list the thumbprints it holds." });
    expect(renderError(new ErrorRecord(error, 'Set-CsCertificate'), plain)).to.equal([
      "Set-CsCertificate: No certificate with thumbprint '9F3A07' in the Personal store (My).",
      '  ObjectNotFound: (9F3A07) [CertificateNotFound]',
      "  Hint: run 'Get-ChildItem Cert:\\LocalMachine\\My' to list the thumbprints it holds.",
      ''].join('\n'));
  });

  it('leaves out the parentheses and the hint when there is no target or hint', () => {
    const error = new ShellError('ScriptHalted', 'OperationStopped', 'boom');
    expect(renderError(new ErrorRecord(error), plain)).to.equal('Exception: boom\n  OperationStopped: [ScriptHalted]\n');
  });

  it('shows a parse error in a file at its line and column with a caret', () => {
    const source = makeSource('/path/x.ps1', '# setup\n\n$x = (1 +\n');
    const at = source.text.indexOf('+');
    const error = new ShellError('ExpectedValueExpression', 'ParserError',
      "You must provide a value expression following the '+' operator.", { span: spanOf(source, at, at + 1) });
    expect(renderError(new ErrorRecord(error), plain)).to.equal([
      'ParserError: /path/x.ps1:3:9',
      'Line |',
      '   3 |  $x = (1 +',
      '     |          ~',
      "     | You must provide a value expression following the '+' operator.",
      ''].join('\n'));
  });

  it('shows every error of a script that failed to parse', () => {
    const source = makeSource('<command>', 'a ) b )');
    const first = new ShellError('UnexpectedToken', 'ParserError', "Unexpected token ')'.", { span: spanOf(source, 2, 3) });
    const second = new ShellError('UnexpectedToken', 'ParserError', "Unexpected token ')'.", { span: spanOf(source, 6, 7) });
    const text = renderError(new ErrorRecord(new ParseErrors([first, second])), plain);
    expect(text.split('\n').filter(l => l === 'ParserError:')).to.have.length(2);
    expect(text).to.contain('   1 |  a ) b )\n     |    ~\n');
  });

  it('shows a runtime error from a script with its position, then the id line', () => {
    const source = makeSource('/s/deploy.ps1', '$a = 1\n$null.Foo()\n');
    const error = new ShellError('InvokeMethodOnNull', 'InvalidOperation', 'You cannot call a method on a null-valued expression.',
      { span: spanOf(source, 7, 18) });
    expect(renderError(new ErrorRecord(error), plain)).to.equal([
      'InvalidOperation: /s/deploy.ps1:2:1',
      'Line |',
      '   2 |  $null.Foo()',
      '     |  ~~~~~~~~~~~',
      '     | You cannot call a method on a null-valued expression.',
      '  InvalidOperation: [InvokeMethodOnNull]',
      ''].join('\n'));
  });

  it('prints a one-line command without a position block', () => {
    const source = makeSource('<command>', 'Get-X');
    const error = new ShellError('CommandNotFound', 'ObjectNotFound', "The term 'Get-X' is not recognized.",
      { span: spanOf(source, 0, 5), target: 'Get-X' });
    expect(renderError(new ErrorRecord(error), plain))
      .to.equal("ObjectNotFound: The term 'Get-X' is not recognized.\n  ObjectNotFound: (Get-X) [CommandNotFound]\n");
  });

  it('is red when coloured', () => {
    const text = renderError(new ErrorRecord(new ShellError('X', 'InvalidArgument', 'bad'), 'Get-Y'), { color: true });
    expect(text.startsWith('\x1b[31;1mGet-Y: bad\x1b[0m\n')).to.equal(true);
  });
});

describe('renderWarning, renderVerbose, renderDebug', () => {
  it('prefix the text as PowerShell does', () => {
    expect(renderWarning('careful')).to.equal('WARNING: careful\n');
    expect(renderVerbose('doing')).to.equal('VERBOSE: doing\n');
    expect(renderDebug('state')).to.equal('DEBUG: state\n');
  });
  it('are yellow when coloured', () => {
    expect(renderWarning('careful', { color: true })).to.equal('\x1b[33;1mWARNING: careful\x1b[0m\n');
  });
});
