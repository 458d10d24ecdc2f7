/** Names of the built-in failure scenarios (see SCENARIOS). */
export type ScenarioName = 'token-ok' | 'invalid-client' | 'expired-session' | 'server-error' | 'slow' | 'not-json';

/** What a scenario is for, shown in pickers and `--help`. */
export interface ScenarioInfo {
  /** One line. */
  description: string;
}

/**
 * Built-in scenarios for the stubbed Salesforce endpoints. They change what the built-in token
 * endpoint (and, where noted, unmatched Salesforce API calls) answer; rules from a
 * `*.braze-mocks.json` file always win. Keyed by name; the object has no prototype, so
 * `name in SCENARIOS` is only true for real scenario names.
 */
export const SCENARIOS: Readonly<Record<ScenarioName, ScenarioInfo>> = Object.freeze(
  Object.assign(Object.create(null) as Record<ScenarioName, ScenarioInfo>, {
    'token-ok': { description: 'The token endpoint issues a token (default).' },
    'invalid-client': {
      description: 'The token endpoint answers 400 invalid_client (wrong consumer secret).',
    },
    'expired-session': {
      description: 'A token is issued, but other Salesforce API calls answer 401 INVALID_SESSION_ID.',
    },
    'server-error': { description: 'Salesforce answers 503 Service Unavailable.' },
    slow: {
      description: 'The token arrives after 2.5 s, past Braze’s 2 s limit, so Braze inserts nothing.',
    },
    'not-json': { description: 'The token endpoint answers 200 with an HTML page instead of JSON.' },
  }),
);

/** The scenario used when none is chosen. */
export const DEFAULT_SCENARIO: ScenarioName = 'token-ok';

/** True when `name` is one of SCENARIOS. */
export function isScenarioName(name: unknown): name is ScenarioName {
  return typeof name === 'string' && Object.hasOwn(SCENARIOS, name);
}
