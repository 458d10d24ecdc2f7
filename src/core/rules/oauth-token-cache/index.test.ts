import assert from 'node:assert/strict';
import { GOOD_AUTH, runRuleTests, template } from '../../../../test/helpers/rule-tester';
import { OauthTokenCache, suggestedCacheAge } from '.';

const withAuth = (authorization: string) => template({ request_headers: { Authorization: authorization, 'Content-Type': 'application/json' } });
const cache = (option: string) => withAuth(GOOD_AUTH.replace(' :cache_max_age 900', option));

describe('suggestedCacheAge', () => {
  it('keeps Braze\'s 900 s under the default timeout and stays in range', () => {
    assert.equal(suggestedCacheAge(7200), 900);
    assert.equal(suggestedCacheAge(900), 600);
    assert.equal(suggestedCacheAge(300), 300);
  });
});

runRuleTests(OauthTokenCache, {
  valid: [
    template(),
    { name: 'bounds', code: cache(' :cache_max_age 300') },
    { name: 'just below the session timeout', code: cache(' :cache_max_age 7199') },
    { name: 'longer session timeout configured', code: cache(' :cache_max_age 14400'), options: { sessionTimeoutSeconds: 28800 } },
    { name: 'Liquid value', code: cache(' :cache_max_age {{custom_attribute.${ttl}}}') },
    { name: 'GET token call is oauth-token-method\'s', code: withAuth(GOOD_AUTH.replace(' :method post', '').replace(' :cache_max_age 900', '')) },
    { name: 'uncached POST to a non-token URL', code: template({ body: { Note: '{% connected_content https://api.example.com/x :method post :save r %}{{r.n}}' } }) },
  ],
  invalid: [
    {
      name: 'no :cache_max_age: insert it before :save',
      code: cache(''),
      errors: [{ messageId: 'noCache', data: { seconds: 900 }, highlight: 'https://acme.my.salesforce.com/services/oauth2/token' }],
      output: withAuth(GOOD_AUTH),
    },
    {
      name: 'no :cache_max_age and no :save: insert it at the end',
      code: withAuth('{% connected_content https://acme.my.salesforce.com/services/oauth2/token\n  :method post\n%}Bearer {{connected.access_token}}'),
      errors: [{ messageId: 'noCache', data: { seconds: 900 }, highlight: 'https://acme.my.salesforce.com/services/oauth2/token' }],
      output: withAuth('{% connected_content https://acme.my.salesforce.com/services/oauth2/token\n  :method post :cache_max_age 900\n%}Bearer {{connected.access_token}}'),
    },
    {
      name: 'short session timeout changes the inserted value',
      code: cache(''),
      options: { sessionTimeoutSeconds: 900 },
      errors: [{ messageId: 'noCache', data: { seconds: 600 }, highlight: 'https://acme.my.salesforce.com/services/oauth2/token' }],
      output: cache(' :cache_max_age 600'),
    },
    {
      name: ':no_cache is respected: no fix',
      code: cache(' :no_cache'),
      errors: [{ messageId: 'noCache', data: { seconds: 900 }, highlight: 'https://acme.my.salesforce.com/services/oauth2/token' }],
    },
    {
      name: 'below 300',
      code: cache(' :cache_max_age 60'),
      errors: [{ messageId: 'outOfRange', data: { value: '60' }, highlight: '60', severity: 'error' }],
      suggestions: ['Use `:cache_max_age 300`'],
    },
    {
      name: 'above 4 hours',
      code: cache(' :cache_max_age 86400'),
      errors: [{ messageId: 'outOfRange', data: { value: '86400' }, highlight: '86400', severity: 'error' }],
      suggestions: ['Use `:cache_max_age 900`'],
    },
    {
      name: 'as long as the session',
      code: cache(' :cache_max_age 7200'),
      errors: [{ messageId: 'exceedsSession', data: { value: '7200', timeout: 7200 }, highlight: '7200', severity: 'warning' }],
      suggestions: ['Use `:cache_max_age 900`'],
    },
    {
      name: 'not a number',
      code: cache(' :cache_max_age 15m'),
      errors: [{ messageId: 'notNumber', data: { value: '15m' }, highlight: '15m', severity: 'error' }],
      suggestions: ['Use `:cache_max_age 900`'],
    },
  ],
});
