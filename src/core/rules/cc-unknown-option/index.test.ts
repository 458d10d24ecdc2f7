import { GOOD_AUTH, runRuleTests, template } from '../../../../test/helpers/rule-tester';
import { CcUnknownOption } from '.';

const withAuth = (authorization: string) => template({ request_headers: { Authorization: authorization, 'Content-Type': 'application/json' } });
const TOKEN = 'https://acme.my.salesforce.com/services/oauth2/token';
const BODY = 'client_id=abc&client_secret={{custom_attribute.${sf_secret}}}&grant_type=client_credentials';
const call = (options: string) => `{% connected_content ${TOKEN} ${options} %}Bearer {{result.access_token}}`;

runRuleTests(CcUnknownOption, {
  valid: [
    template(),
    { name: 'every documented option', code: withAuth(call(`:method post :body ${BODY} :content_type application/x-www-form-urlencoded :headers {"X-A": "b c"} :cache_max_age 900 :no_cache :retry :basic_auth sf :auth_credentials tok :save result`)) },
    { name: 'flags before other options', code: withAuth(call(':retry :no_cache :save result')) },
    { name: 'multi-line options, as the recipe writes them', code: withAuth(call(`\n     :method post\n     :body ${BODY}\n     :save result`)) },
    { name: 'a colon inside a value is not an option', code: withAuth(call(':method post :headers {"X-Time": "12:30"} :save result')) },
    { name: 'Liquid value', code: withAuth(call(':method post :cache_max_age {{custom_attribute.${ttl}}} :save result')) },
  ],
  invalid: [
    {
      name: ':cache with seconds is renamed',
      code: withAuth(call(':method post :cache 900 :save result')),
      errors: [{ messageId: 'unknownDidYouMean', data: { option: ':cache', suggestion: ':cache_max_age' }, highlight: ':cache' }],
      output: withAuth(call(':method post :cache_max_age 900 :save result')),
    },
    {
      name: ':cache without a value only suggests',
      code: withAuth(call(':method post :cache :save result')),
      errors: [{ messageId: 'unknownDidYouMean', data: { option: ':cache', suggestion: ':cache_max_age' }, highlight: ':cache' }],
      suggestions: ['Rename to `:cache_max_age`'],
    },
    {
      name: ':header with a JSON object is renamed',
      code: withAuth(call(':method post :header {"Accept": "application/json"} :save result')),
      errors: [{ messageId: 'unknownDidYouMean', data: { option: ':header', suggestion: ':headers' }, highlight: ':header' }],
      output: withAuth(call(':method post :headers {"Accept": "application/json"} :save result')),
    },
    {
      name: 'case-only difference is renamed',
      code: withAuth(call(':Method post :save result')),
      errors: [{ messageId: 'unknownDidYouMean', data: { option: ':Method', suggestion: ':method' }, highlight: ':Method' }],
      output: withAuth(call(':method post :save result')),
    },
    {
      name: 'typo only suggests',
      code: withAuth(call(':method post :sav result')),
      errors: [{ messageId: 'unknownDidYouMean', data: { option: ':sav', suggestion: ':save' }, highlight: ':sav' }],
      suggestions: ['Rename to `:save`'],
    },
    {
      name: ':timeout',
      code: withAuth(call(':method post :timeout 5 :save result')),
      errors: [{ messageId: 'timeout', data: { option: ':timeout' }, highlight: ':timeout' }],
    },
    {
      name: 'unknown with no close name',
      code: withAuth(call(':method post :verbose yes :save result')),
      errors: [
        {
          messageId: 'unknown',
          data: { option: ':verbose', known: ':auth_credentials, :basic_auth, :body, :cache_max_age, :content_type, :headers, :method, :no_cache, :retry, :save' },
          highlight: ':verbose',
        },
      ],
    },
    {
      name: 'option name without its colon',
      code: withAuth(`{% connected_content ${TOKEN} save result %}Bearer {{result.access_token}}`),
      errors: [
        { messageId: 'stray', data: { text: 'save' }, highlight: 'save' },
        { messageId: 'stray', data: { text: 'result' }, highlight: 'result' },
      ],
      suggestions: ['Write `:save`'],
    },
    {
      name: 'flag with a value',
      code: withAuth(call(':method post :retry true :save result')),
      errors: [{ messageId: 'flagWithValue', data: { option: ':retry', value: 'true' }, highlight: 'true' }],
      suggestions: ['Remove `true`'],
    },
    {
      name: ':save with nothing after it',
      code: withAuth(`{% connected_content ${TOKEN} :method post :save %}Bearer {{connected.access_token}}`),
      errors: [{ messageId: 'missingValue', data: { option: ':save', expected: 'variable_name' }, highlight: ':save' }],
    },
    {
      name: 'options in a body-value call too',
      code: template({ request_headers: { Authorization: GOOD_AUTH }, body: { Note: '{% connected_content https://api.example.com/x :cache 300 :save r %}{{r.note}}' } }),
      errors: [{ messageId: 'unknownDidYouMean', data: { option: ':cache', suggestion: ':cache_max_age' }, highlight: ':cache' }],
      output: template({ request_headers: { Authorization: GOOD_AUTH }, body: { Note: '{% connected_content https://api.example.com/x :cache_max_age 300 :save r %}{{r.note}}' } }),
    },
  ],
});
