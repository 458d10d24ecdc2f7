import { GOOD_AUTH, runRuleTests, template } from '../../../../test/helpers/rule-tester';
import { InvisibleCharacter } from '.';

const RLO = '\u202E';
const ZWSP = '\u200B';
const LEAD_PATH = '/services/data/v60.0/sobjects/Lead/';
const BODY = { LastName: '{{${last_name}}}', Company: 'Acme' };

/** A template file whose text holds `hidden` as a JSON escape (`\u202e`), not as the character. */
const escaped = (code: string, hidden: string) => code.split(hidden).join(`\\u${hidden.charCodeAt(0).toString(16).padStart(4, '0')}`);

runRuleTests(InvisibleCharacter, {
  valid: [
    template(),
    { name: 'a zero width joiner inside an emoji sequence in a body value', code: template({ body: { ...BODY, Description: 'Family: 👨\u200D👩\u200D👧' } }) },
    { name: 'a zero width non-joiner in Persian text in a body value', code: template({ body: { ...BODY, Description: 'می\u200Cخواهم' } }) },
    { name: 'a right-to-left mark in Arabic text in a body value', code: template({ body: { ...BODY, Description: 'مرحبا\u200F 2026' } }) },
    { name: "the England flag's tag sequence in a body value", code: template({ body: { ...BODY, Description: 'From 🏴\u{E0067}\u{E0062}\u{E0065}\u{E006E}\u{E0067}\u{E007F}' } }) },
    { name: 'visible non-ASCII text', code: template({ body: { LastName: 'García', Company: 'Ünïcödé — “quoted”' } }) },
  ],
  invalid: [
    {
      name: "the issue's case: a right-to-left override hiding the real host in the URL",
      code: template({ url: `https://acme.my.salesforce.com${RLO}moc.evil//:sptth${LEAD_PATH}` }),
      errors: [{ messageId: 'url', data: { char: 'U+202E RIGHT-TO-LEFT OVERRIDE' }, highlight: RLO }],
      output: template({ url: `https://acme.my.salesforce.commoc.evil//:sptth${LEAD_PATH}` }),
    },
    {
      name: 'the same override written as a JSON escape',
      code: escaped(template({ url: `https://acme.my.salesforce.com${RLO}x${LEAD_PATH}` }), RLO),
      errors: [{ messageId: 'url', data: { char: 'U+202E RIGHT-TO-LEFT OVERRIDE' }, highlight: '\\u202e' }],
      output: template({ url: `https://acme.my.salesforce.comx${LEAD_PATH}` }),
    },
    {
      name: 'a zero width space in the connected_content token URL of a header',
      code: template({ request_headers: { Authorization: GOOD_AUTH.replace('acme.my', `acme${ZWSP}.my`), 'Content-Type': 'application/json' } }),
      errors: [{ messageId: 'header', data: { char: 'U+200B ZERO WIDTH SPACE', where: 'header "Authorization"' }, highlight: ZWSP }],
      output: template(),
    },
    {
      name: 'a zero width space in a header name',
      code: template({ request_headers: { Authorization: GOOD_AUTH, [`Content-Type${ZWSP}`]: 'application/json' } }),
      errors: [{ messageId: 'headerName', data: { char: 'U+200B ZERO WIDTH SPACE', name: 'Content-Type' }, highlight: ZWSP }],
      output: template(),
    },
    {
      name: 'a word joiner in a body key',
      code: template({ body: { [`Last\u2060Name`]: '{{${last_name}}}', Company: 'Acme' } }),
      errors: [{ messageId: 'bodyKey', data: { char: 'U+2060 WORD JOINER', name: 'LastName' }, highlight: '\u2060' }],
      output: template({ body: { LastName: '{{${last_name}}}', Company: 'Acme' } }),
    },
    {
      name: 'a zero width space pasted into an email value',
      code: template({ body: { ...BODY, Email: `ana@acme${ZWSP}.com` } }),
      errors: [{ messageId: 'bodyValue', data: { char: 'U+200B ZERO WIDTH SPACE', where: 'body key "Email"' }, highlight: ZWSP }],
      output: template({ body: { ...BODY, Email: 'ana@acme.com' } }),
    },
    {
      name: 'a bidi isolate, a soft hyphen and a BOM inside the body value',
      code: template({ body: { ...BODY, Description: 'a\u2066b\u00ADc\uFEFFd' } }),
      errors: [
        { messageId: 'bodyValue', data: { char: 'U+2066 LEFT-TO-RIGHT ISOLATE', where: 'body key "Description"' }, highlight: '\u2066' },
        { messageId: 'bodyValue', data: { char: 'U+00AD SOFT HYPHEN', where: 'body key "Description"' }, highlight: '\u00AD' },
        { messageId: 'bodyValue', data: { char: 'U+FEFF ZERO WIDTH NO-BREAK SPACE', where: 'body key "Description"' }, highlight: '\uFEFF' },
      ],
      output: template({ body: { ...BODY, Description: 'abcd' } }),
    },
    {
      name: 'tag characters that smuggle text into the raw body',
      code: template({ body: `{"LastName": "Lee\u{E0049}\u{E0047}", "Company": "Acme"}` }),
      errors: [
        { messageId: 'rawBody', data: { char: 'U+E0049 TAG LATIN CAPITAL LETTER I' }, highlight: '\u{E0049}' },
        { messageId: 'rawBody', data: { char: 'U+E0047 TAG LATIN CAPITAL LETTER G' }, highlight: '\u{E0047}' },
      ],
      output: template({ body: '{"LastName": "Lee", "Company": "Acme"}' }),
    },
    {
      name: 'a left-to-right mark in the URL is reported even though body text may use it',
      code: template({ url: `https://acme.my.salesforce.com${LEAD_PATH}\u200E` }),
      errors: [{ messageId: 'url', data: { char: 'U+200E LEFT-TO-RIGHT MARK' }, highlight: '\u200E' }],
      output: template(),
    },
  ],
});
