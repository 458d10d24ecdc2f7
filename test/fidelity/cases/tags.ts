import { type FidelityCase, PAGES } from '../fidelity-case';

const lines = (...parts: string[]) => parts.join('\n');

/** Content Blocks, the FAQ, message_extras and Connected Content. */
export const TAG_CASES: FidelityCase[] = [
  {
    name: 'a Content Block inserted with Liquid',
    page: PAGES.contentBlocks,
    template: 'Hi {{${first_name}}}! {{content_blocks.${footer}}}',
    context: { first_name: 'Ana' },
    blocks: { footer: 'Reply STOP, {{${first_name}}}.' },
    expect: { output: 'Hi Ana! Reply STOP, Ana.', compare: 'exact' },
  },
  {
    name: 'capture and | strip remove the line breaks around a block',
    page: PAGES.contentBlocks,
    template: lines('{% capture your_variable %}', '{{content_blocks.${your_content_block}}}', '{% endcapture %}{{your_variable | strip}}'),
    blocks: { your_content_block: '\n\n  Summer sale  \n\n' },
    expect: { output: 'Summer sale', compare: 'exact' },
  },
  {
    name: 'nesting: a block in a block renders, a third level is removed',
    page: PAGES.contentBlocks,
    template: '[{{content_blocks.${b}}}]',
    blocks: { b: 'B<{{content_blocks.${a}}}>', a: 'A<{{content_blocks.${c}}}>', c: 'C' },
    expect: { output: '[B<A<>>]', compare: 'exact' },
  },
  {
    name: 'a single-line conditional avoids extra spacing',
    page: PAGES.faq,
    template: '{% if {{custom_attribute.${has_discount}}} == true %}Discounted Item{% elsif {{custom_attribute.${is_new_arrival}}} == true %}New Arrival{% else %}Regular Item{% endif %}',
    context: { custom_attribute: { has_discount: false, is_new_arrival: true } },
    expect: { output: 'New Arrival', compare: 'exact' },
  },
  {
    name: 'assign versus capture',
    page: PAGES.faq,
    template: lines(
      '{% assign name = {{custom_attribute.${first_name}}} %}',
      '{% assign price = {{custom_attribute.${price}}} | plus: 0 %}',
      '{% capture greeting %}Hello, {{custom_attribute.${first_name}}}! Your order #{{custom_attribute.${order_id}}} is ready.{% endcapture %}',
      '{{ greeting }} {{ price | plus: 1 }}',
    ),
    context: { custom_attribute: { first_name: 'Ana', price: '9', order_id: 123 } },
    expect: { output: 'Hello, Ana! Your order #123 is ready. 10' },
  },
  { name: 'message_extras prints nothing', page: PAGES.messageExtras, template: 'a{% message_extras :key test :value 123 %}b', expect: { output: 'ab', compare: 'exact' } },
  {
    name: 'message_extras with Liquid variables as key and value',
    page: PAGES.messageExtras,
    template: "{% assign value = '123' %} {% assign key = 'test' %} {% message_extras :key {{key}} :value {{value}} %}",
    expect: { output: '  ', compare: 'exact' },
  },
  {
    name: 'a URL that answers 404 renders an empty string',
    page: PAGES.connectedContentCall,
    template: lines('{% connected_content http://numbersapi.com/random/trivia :save result %}', 'Hi there, here is some fun trivia for you!: {{result.text}}'),
    inputs: 'no fixture answers the call, so it gets a 404',
    expect: { output: '\nHi there, here is some fun trivia for you!: ', compare: 'exact' },
  },
  {
    name: 'attributes in the URL with url_param_escape',
    page: PAGES.connectedContentCall,
    template: 'Hi, here are some articles that you might find interesting:{% connected_content http://www.yourwebsite.com/articles?email={{${email_address} | url_param_escape}}&user_id={{${user_id}}} %}',
    context: { email_address: 'ana+x@example.com', user_id: 'u-1' },
    expect: { output: 'Hi, here are some articles that you might find interesting:', compare: 'exact' },
  },
  {
    name: "the recipe's placeholder token URL: Braze logs that it is not a valid URL",
    page: PAGES.salesforceRecipe,
    template:
      '{% connected_content https://[insert_instance_name].my.salesforce.com/services/oauth2/token     :method post     :body client_id=[insert_client_id]&client_secret=[insert_client_secret]&grant_type=client_credentials     :save result %}Bearer {{result.access_token}}',
    expect: { error: 'https://[insert_instance_name].my.salesforce.com/services/oauth2/token is not a valid URL' },
  },
  {
    name: 'the recipe with a real My Domain host gets a token (built-in fixture)',
    page: PAGES.salesforceRecipe,
    template:
      '{% connected_content https://acme.my.salesforce.com/services/oauth2/token     :method post     :body client_id=abc&client_secret=EXAMPLE0SECRET&grant_type=client_credentials     :save result %}Bearer {{result.access_token}}',
    inputs: 'the fixture token endpoint answers as Salesforce does (a session id starting 00D)',
    expect: { outputMatches: /^Bearer 00D\S+$/ },
  },
];
