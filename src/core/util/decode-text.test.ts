import assert from 'node:assert/strict';
import { decodeTextBytes, encodeText } from './decode-text';

const TEXT = '{"LastName": "García 😀"}\r\n';

describe('decodeTextBytes', () => {
  it('decodes UTF-16 little- and big-endian by the byte order mark, keeping the mark as U+FEFF', () => {
    const le = Buffer.from(`\uFEFF${TEXT}`, 'utf16le');
    assert.deepEqual(decodeTextBytes(le), { text: `\uFEFF${TEXT}`, encoding: 'utf16le' });
    assert.deepEqual(decodeTextBytes(Buffer.from(le).swap16()), { text: `\uFEFF${TEXT}`, encoding: 'utf16be' });
  });

  it('reads anything else as UTF-8, a UTF-8 BOM kept', () => {
    assert.deepEqual(decodeTextBytes(Buffer.from(TEXT, 'utf8')), { text: TEXT, encoding: 'utf8' });
    assert.deepEqual(decodeTextBytes(Buffer.from(`\uFEFF${TEXT}`, 'utf8')), { text: `\uFEFF${TEXT}`, encoding: 'utf8' });
    assert.equal(decodeTextBytes(Buffer.from([0xc3])).text, '\uFFFD', 'invalid UTF-8 becomes U+FFFD, as Node reads it');
  });

  it('does not guess UTF-16 without a mark, and drops a stray last byte', () => {
    assert.equal(decodeTextBytes(Buffer.from('{}', 'utf16le')).text, '{\u0000}\u0000');
    assert.equal(decodeTextBytes(Buffer.from([0xff, 0xfe, 0x7b, 0x00, 0x7d])).text, '\uFEFF{');
  });
});

describe('encodeText', () => {
  it('round-trips every encoding byte for byte', () => {
    for (const encoding of ['utf8', 'utf16le', 'utf16be'] as const) {
      const text = `\uFEFF${TEXT}`;
      assert.equal(decodeTextBytes(encodeText(text, encoding)).text, text, encoding);
    }
    assert.deepEqual([...encodeText('\uFEFFA', 'utf16be')], [0xfe, 0xff, 0x00, 0x41]);
  });
});
