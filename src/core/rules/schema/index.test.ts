import { runRuleTests, template } from '../../../../test/helpers/rule-tester';
import { Schema } from '.';

runRuleTests(Schema, {
  valid: [template(), template({ body: 'raw text body' }), '{"url": "https://x.example/", "name": "n", "description": "d", "$schema": "s"}'],
  invalid: [
    { name: 'missing url', code: '{"request_method": "POST"}', errors: [{ messageId: 'violation', data: { message: 'The template is missing the required "url" property.' }, highlight: '{' }] },
    { name: 'unknown method', code: '{"url": "x", "request_method": "FETCH"}', errors: [{ messageId: 'violation', data: { message: '"request_method" must be one of POST, PUT, PATCH, DELETE, GET.' }, highlight: '"FETCH"' }] },
    { name: 'unknown top-level key', code: '{"url": "x", "headers": {}}', errors: [{ messageId: 'violation', data: { message: 'The template has an unknown property "headers"; Braze\'s webhook object has url, request_method, request_headers and body.' }, highlight: '"headers"' }] },
    { name: 'number body value', code: '{"url": "x", "body": {"Age": 5}}', errors: [{ messageId: 'violation', data: { message: '"body.Age" must be a string.' }, highlight: '5' }] },
    { name: 'array body', code: '{"url": "x", "body": []}', errors: [{ messageId: 'violation', data: { message: '"body" must be an object or a string.' }, highlight: '[]' }] },
  ],
});
