/** Names of the built-in failure scenarios (see SCENARIOS). */
export type ScenarioName =
  | 'token-ok'
  | 'invalid-client'
  | 'no-client-credentials-user'
  | 'flow-not-enabled'
  | 'expired-session'
  | 'server-error'
  | 'slow'
  | 'not-json'
  | 'duplicate-rule';

/** What a scenario is for, shown in pickers and `--help`. */
export interface ScenarioInfo {
  /** One line. */
  description: string;
}

/**
 * Built-in scenarios for the stubbed Salesforce endpoints. They change what the built-in token
 * endpoint, the simulated answer to the webhook and (where noted) other Salesforce API calls
 * answer; rules from a `*.braze-mocks.json` file always win. Keyed by name; the object has no prototype, so
 * `name in SCENARIOS` is only true for real scenario names.
 */
export const SCENARIOS: Readonly<Record<ScenarioName, ScenarioInfo>> = Object.freeze(
  Object.assign(Object.create(null) as Record<ScenarioName, ScenarioInfo>, {
    'token-ok': { description: 'The token endpoint issues a token (default).' },
    'invalid-client': {
      description: 'The token endpoint answers 400 invalid_client (wrong consumer secret).',
    },
    'no-client-credentials-user': {
      description: 'The token endpoint answers 400 invalid_grant "no client credentials user enabled" (the connected app has no Run As user).',
    },
    'flow-not-enabled': {
      description: 'The token endpoint answers 400 unsupported_grant_type (the Client Credentials Flow is not enabled on the connected app).',
    },
    'expired-session': {
      description: 'A token is issued, but other Salesforce API calls answer 401 INVALID_SESSION_ID.',
    },
    'server-error': { description: 'Salesforce answers 503 Service Unavailable.' },
    slow: {
      description: 'The token arrives after 2.5 s, past Braze’s 2 s limit, so Braze inserts nothing.',
    },
    'not-json': { description: 'The token endpoint answers 200 with an HTML page instead of JSON.' },
    'duplicate-rule': { description: 'A duplicate rule blocks the record: the webhook is answered 400 DUPLICATES_DETECTED.' },
  }),
);

/** The scenario used when none is chosen. */
export const DEFAULT_SCENARIO: ScenarioName = 'token-ok';

/** True when `name` is one of SCENARIOS. */
export function isScenarioName(name: unknown): name is ScenarioName {
  return typeof name === 'string' && Object.hasOwn(SCENARIOS, name);
}
