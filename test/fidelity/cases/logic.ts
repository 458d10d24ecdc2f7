import { type FidelityCase, PAGES } from '../fidelity-case';

const lines = (...parts: string[]) => parts.join('\n');

const WARDROBE = lines(
  '{% if {{custom_attribute.${total_spend}}} >0 %}',
  'Surprise! We added a 15% discount code to your account that automatically applies to your next order.',
  '{% else %}',
  'Need a sign to update your wardrobe? We added a 15% discount code to your account that will automatically apply to your first order.',
  '{% endif %}',
);

const GAMES = lines(
  "{% if {{custom_attribute.${recent_game}}} == 'Awkward Dinner Party' %}",
  'You are formally invited to our next dinner party. Log on next week for another round of delectable dishes and curious conversations.',
  "{% elsif {{custom_attribute.${recent_game}}} == 'Proxy War 3: War of Thirst' %}",
  "Your fleet awaits your next orders. Log on when you're ready to rejoin the war for hydration.",
  "{% elsif {{custom_attribute.${recent_game}}} != blank and {{custom_attribute.${recent_game}}} != 'Awkward Dinner Party' and {{custom_attribute.${recent_game}}} != 'Proxy War 3: War of Thirst' %}",
  'Limited Time Deal! Get 15% off our best-selling classics!',
  '{% else %}',
  "Hey! I've got a deal for you. Buy 2 of our newest releases and get 10% off!",
  '{% endif %}',
);

const LANGUAGES = lines(
  "{% if ${language} == 'en' %}",
  'This is a message in English from Braze!',
  "{% elsif ${language} == 'es' %}",
  'Este es un mensaje en español de Braze !',
  "{% elsif ${language} == 'zh' %}",
  '这是一条来自Braze的中文消息。',
  '{% else %}',
  'This is a message from Braze! This is going to go to anyone who did not match the other specified languages!',
  '{% endif %}',
);

const CITIES = lines(
  '{% if ${city} == "New York City" %}',
  "  🎉 Hey there, New Yorker! We're excited to offer you a special deal! ",
  '{% elsif ${city} == "Los Angeles" %}',
  '  🌞 Hello, Los Angeles! Enjoy a sunny day with a delicious sandwich! ',
  '{% elsif ${city} == "Chicago" %}',
  '  🍕 Chicago, we have a treat for you! ',
  '{% else %}',
  '  🥪 Craving a sandwich? Visit us at any of our locations for a delicious meal! ',
  '{% endif %}',
);

const NULL_NAME = lines(
  '{% if ${first_name} == null %}',
  "We're having a sale! Hurry up and get 10% off all items today only!",
  '{% else %}',
  "Hey {{${first_name} | default: 'there'}}, we're having a sale! Hurry up and get 10% off all items today only!",
  '{% endif %}',
);

const GAMES_ATTENDED = lines(
  '{% if custom_attribute.${Number_Game_Attended} == 1 %}',
  'Loved the game? Get 10% off your second one with code SAVE10.',
  '{% elsif custom_attribute.${Number_Game Attended} > 1 %}',
  'Love the games? Get 10% off your next one with code SAVE10.',
  '{% else %}',
  '{% abort_message() %}',
  '{% endif %}',
);

/** Using Liquid, Operators, Conditional messaging logic and Abort messages. */
export const LOGIC_CASES: FidelityCase[] = [
  {
    name: 'default: the first name when there is one',
    page: PAGES.usingLiquid,
    template: "Hi {{ ${first_name} | default: 'Valued User' }}, thanks for using the App!",
    context: { first_name: 'Janet', last_name: 'Doe' },
    expect: { output: 'Hi Janet, thanks for using the App!', compare: 'exact' },
  },
  {
    name: 'default: the fallback when there is none',
    page: PAGES.usingLiquid,
    template: "Hi {{ ${first_name} | default: 'Valued User' }}, thanks for using the App!",
    expect: { output: 'Hi Valued User, thanks for using the App!', compare: 'exact' },
  },
  {
    name: 'a custom attribute name with a space',
    page: PAGES.usingLiquid,
    template: '{{custom_attribute.${zip code}}}',
    context: { custom_attribute: { 'zip code': '10001' } },
    expect: { output: '10001', compare: 'exact' },
  },
  {
    name: 'inside a tag, with or without double brackets: all four forms are correct',
    page: PAGES.usingLiquid,
    template: lines(
      '{% if custom_attribute.${Number_Game_Attended} == 1 %}a{% endif %}',
      '{% if {{custom_attribute.${Number_Game_Attended}}} == 1 %}b{% endif %}',
      '{% assign value_one = {{custom_attribute.${one}}} %}c{{value_one}}',
      '{% assign value_one = custom_attribute.${one} %}d{{value_one}}',
    ),
    context: { custom_attribute: { Number_Game_Attended: 1, one: 7 } },
    expect: { output: lines('a', 'b', 'c7', 'd7') },
  },
  {
    name: 'adding two custom attributes: assign one first',
    page: PAGES.usingLiquid,
    template: '{% assign value_one = {{custom_attribute.${one}}} %}{% assign result = value_one | plus: {{custom_attribute.${two}}} %}{{result}}',
    context: { custom_attribute: { one: 2, two: 3 } },
    expect: { output: '5', compare: 'exact' },
  },
  {
    name: 'a filter result in a conditional: assign it first',
    page: PAGES.usingLiquid,
    template: lines('{% assign array_size = my_array | size %}', '{% if array_size > 3 %}', 'You have more than 3 items!', '{% endif %}'),
    context: { my_array: [1, 2, 3, 4] },
    expect: { output: 'You have more than 3 items!' },
  },
  {
    name: 'a filter directly in a conditional is incorrect',
    page: PAGES.usingLiquid,
    template: lines('{% if my_array | size > 3 %}', 'You have more than 3 items!', '{% endif %}'),
    context: { my_array: [1, 2, 3, 4] },
    expect: { error: /expected ":" after filter name/ },
  },
  {
    name: 'a filter result in a for loop: assign it first',
    page: PAGES.usingLiquid,
    template: lines('{% assign reversed = my_array | reverse %}', '{% for item in reversed %}', '{{ item }}', '{% endfor %}'),
    context: { my_array: ['a', 'b', 'c'] },
    expect: { output: lines('c', 'b', 'a') },
  },
  {
    name: 'a filter result for array access: assign it first',
    page: PAGES.usingLiquid,
    template: lines('{% assign adjusted_index = my_var | minus: 1 %}', '{{ my_array[adjusted_index] }}'),
    context: { my_array: ['a', 'b', 'c'], my_var: 2 },
    expect: { output: 'b' },
  },
  {
    name: 'a comparison result: set the variable in a conditional',
    page: PAGES.usingLiquid,
    template: lines(
      '{% assign is_vip = false %}',
      '{% if total_spend > 100 %}',
      '{% assign is_vip = true %}',
      '{% endif %}',
      '',
      '{% if is_vip %}',
      'Welcome to the VIP lounge!',
      '{% endif %}',
    ),
    context: { total_spend: 250 },
    expect: { output: 'Welcome to the VIP lounge!' },
  },
  { name: 'integer attribute above 0 (>0 without a space)', page: PAGES.operators, template: WARDROBE, context: { custom_attribute: { total_spend: 20 } }, expect: { output: 'Surprise! We added a 15% discount code to your account that automatically applies to your next order.' } },
  {
    name: 'integer attribute missing',
    page: PAGES.operators,
    template: WARDROBE,
    expect: { output: 'Need a sign to update your wardrobe? We added a 15% discount code to your account that will automatically apply to your first order.' },
  },
  { name: 'string attribute: the second branch', page: PAGES.operators, template: GAMES, context: { custom_attribute: { recent_game: 'Proxy War 3: War of Thirst' } }, expect: { output: "Your fleet awaits your next orders. Log on when you're ready to rejoin the war for hydration." } },
  { name: 'string attribute: != blank and != …', page: PAGES.operators, template: GAMES, context: { custom_attribute: { recent_game: 'Chess' } }, expect: { output: 'Limited Time Deal! Get 15% off our best-selling classics!' } },
  { name: 'string attribute missing', page: PAGES.operators, template: GAMES, expect: { output: "Hey! I've got a deal for you. Buy 2 of our newest releases and get 10% off!" } },
  {
    name: 'abort on location: Los Angeles gets the message',
    page: PAGES.operators,
    template: lines("{% if {{${time_zone}}} =='America/Los_Angeles' %}", 'Stream now!', '{% else %}', '{% abort_message () %}', '{% endif %}'),
    context: { time_zone: 'America/Los_Angeles' },
    expect: { output: 'Stream now!' },
  },
  {
    name: 'abort on location: anyone else aborts with the default log line',
    page: PAGES.operators,
    template: lines("{% if {{${time_zone}}} =='America/Los_Angeles' %}", 'Stream now!', '{% else %}', '{% abort_message () %}', '{% endif %}'),
    context: { time_zone: 'Europe/Madrid' },
    expect: { aborted: '{% abort_message %} called' },
  },
  {
    name: 'grouping conditions without parentheses',
    page: PAGES.operators,
    template: lines(
      '{% assign qualifies = false %}',
      '{% if points > 100 %}',
      '{% assign qualifies = true %}',
      "{% elsif points == 100 and member_level == 'gold' %}",
      '{% assign qualifies = true %}',
      '{% endif %}',
      '',
      '{% if qualifies %}',
      'You qualify for a reward!',
      '{% endif %}',
    ),
    context: { points: 100, member_level: 'gold' },
    expect: { output: 'You qualify for a reward!' },
  },
  {
    name: 'forcing types: | plus: 0 and | append: ""',
    page: PAGES.operators,
    template: lines(
      '{% assign orders = {{canvas_entry_properties.${number_of_orders}}} | plus: 0 %}',
      '{% assign code = {{api_trigger_properties.${promo_code}}} | append: "" %}',
      '{{ orders | plus: 1 }} {{ code | size }}',
    ),
    context: { canvas_entry_properties: { number_of_orders: '3' }, api_trigger_properties: { promo_code: 12345 } },
    expect: { output: '4 5' },
  },
  { name: 'internationalize: Spanish', page: PAGES.conditionalLogic, template: LANGUAGES, context: { language: 'es' }, expect: { output: 'Este es un mensaje en español de Braze !' } },
  { name: 'internationalize: Chinese', page: PAGES.conditionalLogic, template: LANGUAGES, context: { language: 'zh' }, expect: { output: '这是一条来自Braze的中文消息。' } },
  {
    name: 'internationalize: anyone else',
    page: PAGES.conditionalLogic,
    template: LANGUAGES,
    context: { language: 'de' },
    expect: { output: 'This is a message from Braze! This is going to go to anyone who did not match the other specified languages!' },
  },
  { name: 'location-based content: Chicago', page: PAGES.conditionalLogic, template: CITIES, context: { city: 'Chicago' }, expect: { output: '🍕 Chicago, we have a treat for you!' } },
  {
    name: 'location-based content: the full code matches "New York City", not the step\'s "New York"',
    page: PAGES.conditionalLogic,
    template: CITIES,
    context: { city: 'New York' },
    docSays: 'step 1 compares with "New York", the full code with "New York City"; the full code is tested',
    expect: { output: '🥪 Craving a sandwich? Visit us at any of our locations for a delicious meal!' },
  },
  { name: 'null first name', page: PAGES.conditionalLogic, template: NULL_NAME, expect: { output: "We're having a sale! Hurry up and get 10% off all items today only!" } },
  { name: 'first name set', page: PAGES.conditionalLogic, template: NULL_NAME, context: { first_name: 'Ana' }, expect: { output: "Hey Ana, we're having a sale! Hurry up and get 10% off all items today only!" } },
  {
    name: 'blank: a whitespace string and false are blank',
    page: PAGES.conditionalLogic,
    template: '{% if ${first_name} == blank %}a{% endif %}{% if custom_attribute.${flag} == blank %}b{% endif %}{% if ${last_name} == blank %}c{% endif %}',
    context: { first_name: ' ', last_name: 'Doe', custom_attribute: { flag: false } },
    expect: { output: 'ab', compare: 'exact' },
  },
  {
    name: 'referencing custom attributes by type: boolean, number, string, array',
    page: PAGES.conditionalLogic,
    template:
      "{% if {{custom_attribute.${registration_complete}}} == true %}1{% endif %}{% if {{custom_attribute.${shoe_size}}} == 10 %}2{% endif %}{% if {{custom_attribute.${flyer_miles}}} >= 500 %}3{% endif %}{% if {{custom_attribute.${favorite_color}}} == 'blue' %}4{% endif %}{% if {{custom_attribute.${last_viewed_shows}}} contains 'homeland' %}5{% endif %}",
    context: { custom_attribute: { registration_complete: true, shoe_size: 10, flyer_miles: 500, favorite_color: 'blue', last_viewed_shows: ['stranger things', 'homeland'] } },
    expect: { output: '12345', compare: 'exact' },
  },
  { name: 'abort: one game attended gets the message', page: PAGES.abortingMessages, template: GAMES_ATTENDED, context: { custom_attribute: { Number_Game_Attended: 1 } }, expect: { output: 'Loved the game? Get 10% off your second one with code SAVE10.' } },
  { name: 'abort: no game attended aborts', page: PAGES.abortingMessages, template: GAMES_ATTENDED, context: { custom_attribute: { Number_Game_Attended: 0 } }, expect: { aborted: '{% abort_message %} called' } },
  {
    name: "abort: three games attended — the page's elsif reads another attribute (a typo), so it aborts",
    page: PAGES.abortingMessages,
    template: GAMES_ATTENDED,
    context: { custom_attribute: { Number_Game_Attended: 3 } },
    docSays: 'Love the games? Get 10% off your next one with code SAVE10. (its elsif reads ${Number_Game Attended}, with a space)',
    expect: { aborted: '{% abort_message %} called' },
  },
  {
    name: 'English speakers only',
    page: PAGES.abortingMessages,
    template: lines('', "{% if ${language} == 'en' %}", 'Send this message in English!', '{% else %}', '{% abort_message() %}', '{% endif %}'),
    context: { language: 'en' },
    expect: { output: 'Send this message in English!' },
  },
  { name: 'abort with a reason for the Message Activity Log', page: PAGES.abortingMessages, template: "{% abort_message('language was nil') %}", expect: { aborted: 'language was nil' } },
];
