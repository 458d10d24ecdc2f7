import { runRuleTests, template } from '../../../../test/helpers/rule-tester';
import { UnknownNamespace } from '.';

const body = (Description: string) => template({ body: { LastName: '{{${last_name}}}', Description } });

runRuleTests(UnknownNamespace, {
  valid: [
    template(),
    body('{{custom_attribute.${zip code}}} {{custom_attribute.${address.city}}} {{event_properties.${plan}}} {{api_trigger_properties.${x}}}'),
    body('{{campaign.${name}}} {{canvas.${variant_name}}} {{context.${plan}}} {{subscribed_state.${email_global}}} {{most_recently_used_device.${model}}}'),
    body('{{content_blocks.${footer}}}'),
    { name: 'standard attributes have no namespace', code: body('{{${frist_name}}}') },
  ],
  invalid: [
    {
      name: 'the export spelling custom_attributes: a safe fix',
      code: body('{{custom_attributes.${company}}}'),
      errors: [{ messageId: 'didYouMean', data: { namespace: 'custom_attributes', reference: 'custom_attributes.${company}', suggestion: 'custom_attribute.${company}' }, highlight: 'custom_attributes' }],
      output: body('{{custom_attribute.${company}}}'),
    },
    {
      name: 'trigger_properties is the API object, Liquid says api_trigger_properties',
      code: body('{{trigger_properties.${plan}}}'),
      errors: [{ messageId: 'didYouMean', data: { namespace: 'trigger_properties', reference: 'trigger_properties.${plan}', suggestion: 'api_trigger_properties.${plan}' }, highlight: 'trigger_properties' }],
      output: body('{{api_trigger_properties.${plan}}}'),
    },
    {
      name: 'a near miss is only a suggestion',
      code: body('{{event_propertes.${plan}}}'),
      errors: [{ messageId: 'didYouMean', data: { namespace: 'event_propertes', reference: 'event_propertes.${plan}', suggestion: 'event_properties.${plan}' }, highlight: 'event_propertes' }],
      suggestions: ['Change to `event_properties.${plan}`', 'Change to `custom_attribute.${plan}`'],
    },
    {
      name: 'customer.${x}',
      code: body('{{customer.${company}}}'),
      errors: [{ messageId: 'unknown', data: { namespace: 'customer', reference: 'customer.${company}' }, highlight: 'customer' }],
      suggestions: ['Change to `custom_attribute.${company}`'],
    },
    {
      name: 'user.${first_name} may mean the standard attribute',
      code: body('{{user.${first_name}}}'),
      errors: [{ messageId: 'unknown', data: { namespace: 'user', reference: 'user.${first_name}' }, highlight: 'user' }],
      suggestions: ['Change to `${first_name}`', 'Change to `custom_attribute.${first_name}`'],
    },
    {
      name: 'a nested path outside ${}',
      code: body('{{custom_attribute.address.${city}}}'),
      errors: [{ messageId: 'nestedPath', data: { reference: 'custom_attribute.address.${city}', suggestion: 'custom_attribute.${address.city}' }, highlight: 'custom_attribute.address' }],
    },
    {
      name: 'targeted_device is not filled in webhooks: warning',
      code: body('{{targeted_device.${model}}}'),
      errors: [{ messageId: 'notInWebhooks', data: { namespace: 'targeted_device', reference: 'targeted_device.${model}', channels: 'push, in-app messages and Banners' }, highlight: 'targeted_device', severity: 'warning' }],
    },
    {
      name: 'app is in-app only: warning',
      code: body('{% if app.${name} == "x" %}y{% endif %}'),
      errors: [{ messageId: 'notInWebhooks', data: { namespace: 'app', reference: 'app.${name}', channels: 'in-app messages' }, highlight: 'app', severity: 'warning' }],
    },
    {
      name: 'canvas_entry_properties is legacy: info',
      code: body('{{canvas_entry_properties.${plan}}}'),
      errors: [{ messageId: 'legacy', data: { suggestion: 'context.${plan}' }, highlight: 'canvas_entry_properties', severity: 'info' }],
      suggestions: ['Change to `context.${plan}`'],
    },
  ],
});
