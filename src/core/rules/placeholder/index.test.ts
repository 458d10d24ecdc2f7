import { GOOD_AUTH, raw, runRuleTests, template } from '../../../../test/helpers/rule-tester';
import { Placeholder } from '.';

const seedAuth =
  '{% connected_content https://[insert_instance_name].my.salesforce.com/services/oauth2/token     :method post     :body client_id=[insert_client_id]&client_secret=[insert_client_secret]&grant_type=client_credentials     :save result %}Bearer {{result.access_token}}';

runRuleTests(Placeholder, {
  valid: [template(), template({ body: { Description: 'Use [brackets] freely in text' } })],
  invalid: [
    {
      name: 'the seed header',
      code: template({ request_headers: { Authorization: seedAuth } }),
      errors: [
        { messageId: 'inUrl', data: { placeholder: '[insert_instance_name]', url: 'https://[insert_instance_name].my.salesforce.com/services/oauth2/token' }, highlight: '[insert_instance_name]' },
        { messageId: 'inValue', data: { placeholder: '[insert_client_id]' }, highlight: '[insert_client_id]' },
        { messageId: 'inValue', data: { placeholder: '[insert_client_secret]' }, highlight: '[insert_client_secret]' },
      ],
    },
    {
      name: 'webhook URL',
      code: template({ url: 'https://[insert_instance_name].my.salesforce.com/services/data/v60.0/sobjects/Lead/', request_headers: { Authorization: GOOD_AUTH } }),
      errors: [{ messageId: 'inUrl', data: { placeholder: '[insert_instance_name]', url: 'https://[insert_instance_name].my.salesforce.com/services/data/v60.0/sobjects/Lead/' }, highlight: '[insert_instance_name]' }],
    },
    {
      name: 'bracketed host without insert_',
      code: template({ url: 'https://[my_domain].my.salesforce.com/services/data/v60.0/sobjects/Lead/' }),
      errors: [{ messageId: 'inUrl', data: { placeholder: '[my_domain]', url: 'https://[my_domain].my.salesforce.com/services/data/v60.0/sobjects/Lead/' }, highlight: '[my_domain]' }],
    },
    {
      name: 'position survives escapes before it',
      code: template({ body: { Description: `say "hi" \\ then ${'[insert_value]'}` } }),
      errors: [{ messageId: 'inValue', data: { placeholder: '[insert_value]' }, highlight: raw('[insert_value]') }],
    },
  ],
});
