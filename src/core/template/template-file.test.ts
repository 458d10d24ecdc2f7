import assert from 'node:assert/strict';
import { decodedRangeToRaw } from '../liquid/compile';
import { parseTemplateFile } from './template-file';

/** The raw text a decoded range of a field maps to. */
function rawOf(text: string, fieldId: string, start: number, end: number): string {
  const file = parseTemplateFile(text);
  const field = file.fields.find((f) => f.id === fieldId);
  assert.ok(field, `no field ${fieldId}`);
  const range = decodedRangeToRaw(field, start, end);
  return file.text.slice(range.start, range.end);
}

describe('template model', () => {
  it('reads url, method, headers in order, and key/value body', () => {
    const file = parseTemplateFile('{"url":"u","request_method":"PATCH","request_headers":{"B":"1","A":"2"},"body":{"K":"v"}}');
    assert.equal(file.url?.text, 'u');
    assert.equal(file.method?.value, 'PATCH');
    assert.deepEqual(file.headers.map((h) => h.key), ['B', 'A']);
    assert.equal(file.bodyMode, 'json');
    assert.deepEqual(file.fields.map((f) => f.id), ['url', 'header:B', 'header:A', 'body:K']);
  });

  it('treats a string body as raw text mode', () => {
    const file = parseTemplateFile('{"url":"u","body":"{\\"a\\": 1}"}');
    assert.equal(file.bodyMode, 'raw');
    assert.equal(file.body[0].text, '{"a": 1}');
  });

  it('maps decoded offsets through \\" \\\\ \\n escapes', () => {
    const text = '{"url":"a\\"b\\\\c\\nd{{x}}"}';
    const file = parseTemplateFile(text);
    assert.equal(file.url?.text, 'a"b\\c\nd{{x}}');
    const start = file.url!.text.indexOf('{{');
    assert.equal(rawOf(text, 'url', start, start + 5), '{{x}}');
    assert.equal(rawOf(text, 'url', 1, 2), '\\"');
    assert.equal(rawOf(text, 'url', 3, 4), '\\\\');
    assert.equal(rawOf(text, 'url', 5, 6), '\\n');
  });

  it('maps \\uXXXX escapes and surrogate pairs', () => {
    const text = '{"url":"\\u00e9\\ud83d\\ude00{{y}}"}';
    const file = parseTemplateFile(text);
    assert.equal(file.url?.text, 'é😀{{y}}');
    assert.equal(rawOf(text, 'url', 0, 1), '\\u00e9');
    assert.equal(rawOf(text, 'url', 1, 3), '\\ud83d\\ude00');
    assert.equal(rawOf(text, 'url', 3, 8), '{{y}}');
  });

  it('keeps literal non-ASCII one code unit to one', () => {
    const text = '{"url":"ñ😀{{z}}"}';
    assert.equal(rawOf(text, 'url', 3, 8), '{{z}}');
  });

  it('strips a BOM and reports offsets into the text without it', () => {
    const text = '\uFEFF{"url":"{{a}}"}';
    const file = parseTemplateFile(text);
    assert.equal(file.hadBom, true);
    assert.equal(file.text, text.slice(1));
    assert.equal(file.url?.valueRange.start, 7);
  });

  it('keeps exact offsets in CRLF files', () => {
    const text = '{\r\n  "url": "x",\r\n  "body": {\r\n    "LastName": "{{${last_name}}}"\r\n  }\r\n}\r\n';
    const file = parseTemplateFile(text);
    const field = file.body[0];
    assert.equal(file.text.slice(field.valueRange.start, field.valueRange.end), '"{{${last_name}}}"');
    assert.equal(file.lineStarts.length, 7);
    assert.equal(rawOf(text, 'body:LastName', 2, 15), '${last_name}}');
  });

  it('never throws on malformed input and reports syntax errors', () => {
    for (const text of ['', '{', '{"url": ', '[1,2', '{"url": "\\x"}', '\u0000\u0001', '{"url": "abc']) {
      const file = parseTemplateFile(text);
      assert.ok(file.syntaxErrors.length > 0, `expected a syntax error for ${JSON.stringify(text)}`);
    }
  });

  it('refuses absurd nesting without recursion', () => {
    const file = parseTemplateFile('['.repeat(100000));
    assert.equal(file.root, undefined);
    assert.match(file.syntaxErrors[0].message, /nested deeper/);
  });
});
