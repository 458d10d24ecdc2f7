import { Tag } from 'liquidjs';

/**
 * `{% message_extras :key k :value v %}` attaches a key/value pair to the send event in Currents
 * and Snowflake Data Sharing; it prints nothing in the message. Malformed pairs only fail to
 * reach Currents (Braze's "Checking syntax" list), so the preview accepts any arguments.
 * https://www.braze.com/docs/user_guide/personalization_and_dynamic_content/liquid/advanced_filters/message_extras/
 */
export class MessageExtrasTag extends Tag {
  render(): void {
    // Nothing is printed: the pair goes to the send event, which the preview does not model.
  }
}
