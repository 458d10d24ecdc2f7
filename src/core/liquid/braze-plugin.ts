import type { Liquid } from 'liquidjs';
import { CONTENT_BLOCK_TAG } from './braze-syntax';
import { brazeFilters, brazeUnsupportedFilters, makeUnsupportedFilter } from './filters';
import { AbortMessageTag } from './tags/abort-message';
import { ConnectedContentTag } from './tags/connected-content';
import { MessageExtrasTag } from './tags/message-extras';
import { CONTENT_BLOCKS_DROP, ContentBlockTag } from './tags/content-block';

/**
 * The Braze dialect as a liquidjs plugin: Braze's tags and filters, and failing stand-ins for
 * the filters liquidjs has but Braze does not, so a preview never succeeds where Braze would not.
 */
export function brazeLiquid(this: Liquid): void {
  this.registerTag('connected_content', ConnectedContentTag);
  this.registerTag('abort_message', AbortMessageTag);
  this.registerTag('message_extras', MessageExtrasTag);
  this.registerTag(CONTENT_BLOCK_TAG, ContentBlockTag);
  // `content_blocks.${name}` as a value (in `assign`, conditions, filtered outputs); the scope
  // wins if a profile has its own `content_blocks` key.
  Object.assign(this.options.globals, { content_blocks: CONTENT_BLOCKS_DROP });
  for (const [name, reason] of Object.entries(brazeUnsupportedFilters)) {
    this.registerFilter(name, makeUnsupportedFilter(name, reason));
  }
  for (const [name, filter] of Object.entries(brazeFilters)) this.registerFilter(name, filter);
}
