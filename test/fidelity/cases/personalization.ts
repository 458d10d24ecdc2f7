import { type FidelityCase, PAGES } from '../fidelity-case';

const lines = (...parts: string[]) => parts.join('\n');

const BALANCE = lines('{% if {{custom_attribute.${balance}}} > 0 %}', 'Your rewards balance is {{custom_attribute.${balance}}}', '{% else %}', '{% abort_message() %}', '{% endif %}');

const DOWNLOADS = lines(
  '{% if ${first_name} != blank and ${first_name} != null %}',
  "Hello {{${first_name} | default: 'there'}}, thanks for downloading!",
  '{% else %}',
  'Thanks for downloading!',
  '{% endif %}',
);

const POINTS = lines(
  '{% assign new_points_balance = {{custom_attribute.${current_rewards_balance} | plus: 50}} %}',
  '{% if new_points_balance >= 100 %}',
  'Make a purchase to bring your rewards points to {{new_points_balance}} and cash in today!',
  '{% else %}',
  "{% abort_message('not enough points') %}",
  '{% endif %}',
);

const CONVERSE = lines(
  '{% for items in {{custom_attribute.${Brands Viewed}}} limit:5 %}',
  "{% if {{items}} contains 'Converse' %}",
  '{% assign converse_viewer = true %}',
  '{% endif %}',
  '{% endfor %}',
  '{% if converse_viewer == true %}',
  'Sale on Converse!',
  '{% else %}',
  '{% abort_message() %}',
  '{% endif %}',
);

const LOCALE = lines(
  "{% if ${language} == 'en' %}",
  'Message in English',
  "{% elsif  ${language} == 'fr' %}",
  'Message in French',
  "{% elsif ${most_recent_locale} == 'pt_BR' %}",
  'Message in Brazilian Portuguese',
  "{% elsif ${most_recent_locale} == 'pt_PT' %}",
  'Message in European Portuguese',
  "{% elsif  ${language} == 'pt' %}",
  'Message in default Portuguese',
  '{% else %}',
  'Message in default language',
  '{% endif %}',
);

const PREMIUM = lines(
  '{% assign is_premium_user = {{custom_attribute.${premium_user}}} | default: false %}',
  '{% if is_premium_user %}',
  "Hi {{${first_name} | default: 'premium user'}}, thank you for being a premium user!",
  '{% else %}',
  "Hi {{${first_name} | default: 'valued user'}}, consider upgrading to premium for more benefits!",
  '{% endif %}',
);

const TRIPS = (comparison: 'empty' | 'blank') =>
  lines(
    `{% if {{custom_attribute.\${upcoming_trips}}} == ${comparison} %}`,
    "{% abort_message('No upcoming trips scheduled') %}",
    '{% else %}',
    "Hello {{${first_name} | default: 'fellow traveler'}},",
    '  Here are your upcoming trips:',
    '  {% for trip in {{custom_attribute.${upcoming_trips}}} %}',
    '      Destination: {{trip.destination}}',
    "      Departure Date: {{trip.departure_date | default: 'Date not set'}}",
    '  {% endfor %}',
    '{% endif %}',
  );

/** Supported personalization tags and Setting default values. */
export const PERSONALIZATION_CASES: FidelityCase[] = [
  {
    name: 'targeted app: the API key is in the allowed list',
    page: PAGES.personalizationTags,
    template: lines(
      "{% assign allowed_api_keys = 'sdk_api_key_1,sdk_api_key_2' | split: ',' %}",
      '{% if allowed_api_keys contains {{app.${api_id}}} %}',
      'User is in list of apps',
      '{% else %}',
      '{% abort_message("User not in list of apps") %}',
      '{% endif %}',
    ),
    context: { app: { api_id: 'sdk_api_key_2' } },
    expect: { output: 'User is in list of apps' },
  },
  { name: 'conditional instead of a default: a positive balance', page: PAGES.personalizationTags, template: BALANCE, context: { custom_attribute: { balance: 12 } }, expect: { output: 'Your rewards balance is 12' } },
  { name: 'conditional instead of a default: no balance aborts', page: PAGES.personalizationTags, template: BALANCE, expect: { aborted: '{% abort_message %} called' } },
  { name: '!= blank and != null: a first name', page: PAGES.personalizationTags, template: DOWNLOADS, context: { first_name: 'Ana' }, expect: { output: 'Hello Ana, thanks for downloading!' } },
  { name: '!= blank and != null: a blank first name', page: PAGES.personalizationTags, template: DOWNLOADS, context: { first_name: '' }, expect: { output: 'Thanks for downloading!' } },
  {
    name: 'variable tags: {{ … | plus: 50}} inside assign is computed first',
    page: PAGES.personalizationTags,
    template: POINTS,
    context: { custom_attribute: { current_rewards_balance: 60 } },
    expect: { output: 'Make a purchase to bring your rewards points to 110 and cash in today!' },
  },
  { name: 'variable tags: not enough points aborts', page: PAGES.personalizationTags, template: POINTS, context: { custom_attribute: { current_rewards_balance: 20 } }, expect: { aborted: 'not enough points' } },
  {
    name: 'iteration tags: a brand among the 5 most recent',
    page: PAGES.personalizationTags,
    template: CONVERSE,
    context: { custom_attribute: { 'Brands Viewed': ['Nike', 'Converse', 'Vans'] } },
    expect: { output: 'Sale on Converse!' },
  },
  {
    name: 'iteration tags: limit:5 ignores the sixth item',
    page: PAGES.personalizationTags,
    template: CONVERSE,
    context: { custom_attribute: { 'Brands Viewed': ['a', 'b', 'c', 'd', 'e', 'Converse'] } },
    expect: { aborted: '{% abort_message %} called' },
  },
  {
    name: 'HTTP status: a call that does not answer 200 aborts',
    page: PAGES.personalizationTags,
    template: lines(
      '{% connected_content https://example.com/api/endpoint :save connected %}',
      '{% if connected.__http_status_code__ != 200 %}',
      "{% abort_message('Connected Content returned a non-200 status code') %}",
      '{% endif %}',
    ),
    inputs: 'no fixture answers the call, so it gets a 404',
    expect: { aborted: 'Connected Content returned a non-200 status code' },
  },
  { name: 'localize by most recent locale', page: PAGES.personalizationTags, template: LOCALE, context: { language: 'pt', most_recent_locale: 'pt_BR' }, expect: { output: 'Message in Brazilian Portuguese' } },
  {
    name: "target by time zone: the page's && is not a Liquid operator",
    page: PAGES.personalizationTags,
    template: lines(
      "{% assign hour_in_utc = 'now' | date: '%H' | plus:0 %}",
      '{% if hour_in_utc >= 19 && hour_in_utc < 20 %}',
      'It is between 2:00:00 pm and 2:59:59 pm ET!',
      '{% elsif hour_in_utc >= 22 && hour_in_utc < 23 %}',
      'It is between 2:00:00 pm and 2:59:59 pm PT!',
      '{% else %}',
      '{% abort_message %}',
      '{% endif %}',
    ),
    now: '2026-03-02T19:30:00Z',
    docSays: 'It is between 2:00:00 pm and 2:59:59 pm ET! (the page writes && where Liquid has and)',
    expect: { error: /expected "\|" before filter/ },
  },
  {
    name: 'target by time zone, written with and',
    page: PAGES.personalizationTags,
    template: lines(
      "{% assign hour_in_utc = 'now' | date: '%H' | plus:0 %}",
      '{% if hour_in_utc >= 19 and hour_in_utc < 20 %}',
      'It is between 2:00:00 pm and 2:59:59 pm ET!',
      '{% elsif hour_in_utc >= 22 and hour_in_utc < 23 %}',
      'It is between 2:00:00 pm and 2:59:59 pm PT!',
      '{% else %}',
      '{% abort_message %}',
      '{% endif %}',
    ),
    now: '2026-03-02T22:05:00Z',
    expect: { output: 'It is between 2:00:00 pm and 2:59:59 pm PT!' },
  },
  {
    name: 'default: an empty value gets the default, a blank (whitespace) one does not',
    page: PAGES.defaultValues,
    template: "[{{ custom_attribute.${empty} | default: 'x' }}][{{ custom_attribute.${blank} | default: 'x' }}]",
    context: { custom_attribute: { empty: '', blank: ' ' } },
    expect: { output: '[x][ ]', compare: 'exact' },
  },
  { name: 'booleans: premium user', page: PAGES.defaultValues, template: PREMIUM, context: { first_name: 'Ana', custom_attribute: { premium_user: true } }, expect: { output: 'Hi Ana, thank you for being a premium user!' } },
  { name: 'booleans: premium_user unset defaults to false', page: PAGES.defaultValues, template: PREMIUM, expect: { output: 'Hi valued user, consider upgrading to premium for more benefits!' } },
  {
    name: 'numbers: reward_points unset defaults to 0',
    page: PAGES.defaultValues,
    template: "Hi {{${first_name} | default: 'valued user'}}, you have {{custom_attribute.${reward_points} | default: 0}} reward points.",
    context: { first_name: 'Ana' },
    expect: { output: 'Hi Ana, you have 0 reward points.', compare: 'exact' },
  },
  {
    name: 'objects: a nested property unset',
    page: PAGES.defaultValues,
    template: lines('Your location:', "City: {{custom_attribute.${address.city} | default: 'Unknown'}}", "State: {{custom_attribute.${address.state} | default: 'Unknown'}}"),
    context: { custom_attribute: { address: { city: 'Madrid' } } },
    expect: { output: lines('Your location:', 'City: Madrid', 'State: Unknown'), compare: 'exact' },
  },
  {
    name: 'arrays: trips listed with a default departure date',
    page: PAGES.defaultValues,
    template: TRIPS('blank'),
    context: { first_name: 'Ana', custom_attribute: { upcoming_trips: [{ destination: 'Lisbon', departure_date: '2026-05-01' }, { destination: 'Oslo' }] } },
    expect: {
      output: lines('Hello Ana,', 'Here are your upcoming trips:', 'Destination: Lisbon', 'Departure Date: 2026-05-01', 'Destination: Oslo', 'Departure Date: Date not set'),
    },
  },
  { name: 'arrays: no trips aborts (== blank, the full code)', page: PAGES.defaultValues, template: TRIPS('blank'), expect: { aborted: 'No upcoming trips scheduled' } },
  { name: 'arrays: an empty list aborts (== empty, the step)', page: PAGES.defaultValues, template: TRIPS('empty'), context: { custom_attribute: { upcoming_trips: [] } }, expect: { aborted: 'No upcoming trips scheduled' } },
  {
    name: "arrays: with the attribute unset, the step's == empty does not abort (nil is not empty)",
    page: PAGES.defaultValues,
    template: TRIPS('empty'),
    docSays: 'the step uses == empty and the full code == blank; they differ for a user without the attribute',
    expect: { output: lines('Hello fellow traveler,', 'Here are your upcoming trips:') },
  },
];
