import type { LiquidInput } from './run-cli';

/** A Braze documentation page: where it lives in braze-inc/braze-docs, and where Braze serves it. */
export interface BrazePage {
  path: string;
  url: string;
}

/** What the page says the Liquid does. */
export type Documented =
  /** Printed text. `text` compares line by line, trimmed, blank lines dropped (the docs show text without Liquid's leftover whitespace); `exact` compares as is. */
  | { output: string; compare?: 'text' | 'exact' }
  | { outputMatches: RegExp }
  /** `abort_message` with this reason (what the Message Activity Log shows). */
  | { aborted: string }
  /** The message fails with this error. */
  | { error: string | RegExp };

/** One example from Braze's documentation, run through `braze-webhook liquid`. */
export interface FidelityCase extends LiquidInput {
  /** What the page shows, in a few words. */
  name: string;
  page: BrazePage;
  /** What the preview must do (the page's documented result, unless `docSays` explains otherwise). */
  expect: Documented;
  /**
   * When the page contradicts itself or Liquid (a typo, an impossible output), what it prints;
   * the choice is recorded in docs/braze-fidelity.md.
   */
  docSays?: string;
  /** Inputs the page does not give, chosen to produce its documented output. */
  inputs?: string;
}

const BRAZE_DOCS = 'https://www.braze.com/docs';

function page(path: string, live: string): BrazePage {
  return { path, url: `${BRAZE_DOCS}/${live}/` };
}

const LIQUID = '_docs/_user_guide/messaging/design_and_edit/personalize/liquid';
const LIVE_LIQUID = 'user_guide/messaging/design_and_edit/personalize/liquid';

/** The pages the cases come from (read from braze-inc/braze-docs, late 2026). */
export const PAGES = {
  filters: page(`${LIQUID}/filters.md`, `${LIVE_LIQUID}/filters`),
  advancedFilters: page('_docs/_user_guide/personalization_and_dynamic_content/liquid/advanced_filters.md', 'user_guide/personalization_and_dynamic_content/liquid/advanced_filters'),
  usingLiquid: page(`${LIQUID}/using_liquid.md`, `${LIVE_LIQUID}/using_liquid`),
  operators: page(`${LIQUID}/operators.md`, `${LIVE_LIQUID}/operators`),
  conditionalLogic: page(`${LIQUID}/conditional_logic.md`, `${LIVE_LIQUID}/conditional_logic`),
  abortingMessages: page(`${LIQUID}/aborting_messages.md`, `${LIVE_LIQUID}/aborting_messages`),
  personalizationTags: page(`${LIQUID}/supported_personalization_tags.md`, `${LIVE_LIQUID}/supported_personalization_tags`),
  defaultValues: page('_docs/_user_guide/personalization_and_dynamic_content/liquid/setting_default_values.md', 'user_guide/personalization_and_dynamic_content/liquid/setting_default_values'),
  useCases: page(`${LIQUID}/liquid_use_cases.md`, `${LIVE_LIQUID}/liquid_use_cases`),
  faq: page(`${LIQUID}/faq.md`, `${LIVE_LIQUID}/faq`),
  messageExtras: page(`${LIQUID}/advanced_filters/message_extras.md`, `${LIVE_LIQUID}/advanced_filters/message_extras`),
  contentBlocks: page('_docs/_user_guide/messaging/design_and_edit/content_blocks.md', 'user_guide/messaging/design_and_edit/content_blocks'),
  connectedContentCall: page(
    '_docs/_user_guide/messaging/design_and_edit/personalize/connected_content/making_an_api_call.md',
    'user_guide/messaging/design_and_edit/personalize/connected_content/making_an_api_call',
  ),
  salesforceRecipe: page('_docs/_user_guide/get_started/b2b_use_cases/b2b_salesforce_sales_cloud.md', 'user_guide/getting_started/b2b_use_cases/b2b_salesforce_sales_cloud'),
} as const;
