import { runRuleTests, template } from '../../../../test/helpers/rule-tester';
import { JsonSyntax } from '.';

runRuleTests(JsonSyntax, {
  valid: [template(), '\uFEFF{"url": "https://acme.my.salesforce.com/"}', '{"url": "x"}\r\n'],
  invalid: [
    { name: 'trailing comma', code: '{"url": "https://a.example/",}', errors: [{ messageId: 'syntax', data: { message: 'Property name expected' }, highlight: '}' }] },
    { name: 'comment', code: '{\n  // note\n  "url": "x"\n}', errors: [{ messageId: 'syntax', data: { message: 'Comments are not allowed in JSON' }, highlight: '// note' }] },
    { name: 'empty file', code: '', errors: [{ messageId: 'syntax', data: { message: 'The file is empty' }, highlight: '' }] },
    { name: 'raw newline inside a string', code: '{"url": "a\nb"}', errors: [{ messageId: 'syntax', data: { message: 'Unterminated string' }, highlight: '"a' }] },
    { name: 'binary content', code: '\u0000\u0001PNG', errors: [{ messageId: 'syntax', data: { message: 'Invalid symbol' }, highlight: '\u0000\u0001PNG' }] },
  ],
});
