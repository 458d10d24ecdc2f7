import { readFileSync } from 'node:fs';
import { GOOD_AUTH, runRuleTests, template } from '../../../../test/helpers/rule-tester';
import { HeaderName } from '.';

const headers = (request_headers: Record<string, string>) => template({ request_headers });
const seed = readFileSync(new URL('../../../../examples/seed-create-lead.braze-webhook.json', import.meta.url), 'utf8');

runRuleTests(HeaderName, {
  valid: [
    template(),
    { name: 'header names ignore case', code: headers({ authorization: GOOD_AUTH, 'content-type': 'application/json' }) },
    { name: 'custom and Salesforce headers', code: headers({ Authorization: GOOD_AUTH, 'Sforce-Auto-Assign': 'FALSE', 'X-Content-Type': 'a', 'X-Request-Id': '{{${user_id}}}' }) },
    { name: 'a translation in the body is not a header', code: template({ body: { LastName: '{{${last_name}}}', Autorización: 'x' } }) },
  ],
  invalid: [
    {
      name: "the seed recipe (Braze's Spanish page)",
      code: seed,
      errors: [
        { messageId: 'authorization', data: { name: 'Autorización', why: 'the Spanish name' }, highlight: 'Autorización' },
        { messageId: 'contentType', data: { name: 'Tipo de contenido', why: 'the Spanish name' }, highlight: 'Tipo de contenido' },
      ],
      output: seed.replace('"Autorización"', '"Authorization"').replace('"Tipo de contenido"', '"Content-Type"'),
    },
    {
      name: 'without accents, Portuguese, French',
      code: headers({ Autorizacion: GOOD_AUTH, 'Tipo de conteúdo': 'application/json', Accepter: 'application/json' }),
      errors: [
        { messageId: 'authorization', data: { name: 'Autorizacion', why: 'the Spanish name' }, highlight: 'Autorizacion' },
        { messageId: 'contentType', data: { name: 'Tipo de conteúdo', why: 'the Portuguese name' }, highlight: 'Tipo de conteúdo' },
        { messageId: 'other', data: { name: 'Accepter', why: 'the French name', header: 'Accept' }, highlight: 'Accepter' },
      ],
      output: headers({ Authorization: GOOD_AUTH, 'Content-Type': 'application/json', Accept: 'application/json' }),
    },
    {
      name: 'German and Italian',
      code: headers({ Autorizzazione: GOOD_AUTH, Inhaltstyp: 'application/json' }),
      errors: [
        { messageId: 'authorization', data: { name: 'Autorizzazione', why: 'the Italian name' }, highlight: 'Autorizzazione' },
        { messageId: 'contentType', data: { name: 'Inhaltstyp', why: 'the German name' }, highlight: 'Inhaltstyp' },
      ],
      output: headers({ Authorization: GOOD_AUTH, 'Content-Type': 'application/json' }),
    },
    {
      name: 'misspellings',
      code: headers({ Authorisation: GOOD_AUTH, 'Content Type': 'application/json' }),
      errors: [
        { messageId: 'authorization', data: { name: 'Authorisation', why: 'a misspelling' }, highlight: 'Authorisation' },
        { messageId: 'contentType', data: { name: 'Content Type', why: 'a misspelling' }, highlight: 'Content Type' },
      ],
      output: headers({ Authorization: GOOD_AUTH, 'Content-Type': 'application/json' }),
    },
    {
      name: 'more misspellings',
      code: headers({ Authorizaton: GOOD_AUTH, content_type: 'application/json' }),
      errors: [
        { messageId: 'authorization', data: { name: 'Authorizaton', why: 'a misspelling' }, highlight: 'Authorizaton' },
        { messageId: 'contentType', data: { name: 'content_type', why: 'a misspelling' }, highlight: 'content_type' },
      ],
      output: headers({ Authorization: GOOD_AUTH, 'Content-Type': 'application/json' }),
    },
    {
      name: 'renaming onto a header that exists would duplicate it: no fix',
      code: headers({ Authorization: GOOD_AUTH, 'Content-Type': 'application/json', 'Tipo de contenido': 'application/json' }),
      errors: [{ messageId: 'contentType', data: { name: 'Tipo de contenido', why: 'the Spanish name' }, highlight: 'Tipo de contenido' }],
    },
    {
      name: 'two spellings of one header: only the first is renamed',
      code: headers({ Autorización: GOOD_AUTH, Autorizacion: 'x', 'Content-Type': 'application/json' }),
      errors: [
        { messageId: 'authorization', data: { name: 'Autorización', why: 'the Spanish name' }, highlight: 'Autorización' },
        { messageId: 'authorization', data: { name: 'Autorizacion', why: 'the Spanish name' }, highlight: 'Autorizacion' },
      ],
      output: headers({ Authorization: GOOD_AUTH, Autorizacion: 'x', 'Content-Type': 'application/json' }),
    },
    {
      name: 'duplicate ignoring case: warning on the second',
      code: '{"url": "https://acme.my.salesforce.com/services/data/v60.0/sobjects/Lead/", "request_headers": {"Content-Type": "application/json", "content-type": "text/plain"}}',
      errors: [{ messageId: 'duplicate', data: { name: 'content-type', first: 'Content-Type' }, highlight: 'content-type', severity: 'warning' }],
    },
  ],
});
