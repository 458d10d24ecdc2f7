/**
 * Short documentation for hovers and completion details: connected_content options, Braze tags
 * and standard headers. Sources: Braze "Making an API call", "Aborting messages", "Create a
 * webhook" (domain.md §2, §1.5, §4).
 */
export const CC_OPTION_DOCS: Record<string, { signature: string; description: string }> = {
  method: { signature: ':method post', description: 'HTTP method of the call. Braze supports only GET (the default) and POST.' },
  body: { signature: ':body k1=v1&k2=v2', description: 'POST body: a query string or a captured variable. Inline bodies may not contain spaces; form-encoded unless :content_type application/json, which JSON-encodes k=v pairs.' },
  content_type: { signature: ':content_type application/json', description: 'Sets both Content-Type and Accept. For a Salesforce token call leave it out: the token endpoint needs form encoding.' },
  headers: { signature: ':headers {"Name": "value"}', description: 'Request headers as a JSON object.' },
  save: { signature: ':save result', description: 'Saves the parsed JSON response into a variable (default `connected`). The variable exists only in the field that made the call.' },
  cache_max_age: { signature: ':cache_max_age 900', description: 'Cache the response for N seconds (300–14400). POST responses are cached only with this option — without it a token is fetched on every send.' },
  no_cache: { signature: ':no_cache', description: 'Do not cache a GET response.' },
  retry: { signature: ':retry', description: 'Retry up to 5 times with backoff; after that the message is aborted.' },
  basic_auth: { signature: ':basic_auth credential_name', description: 'Use a Basic-auth credential stored in Braze (Settings → Connected Content) instead of secrets in the template.' },
  auth_credentials: { signature: ':auth_credentials credential_name', description: 'Use a stored token-authentication credential (header key/value pairs with an allowed domain).' },
};

export const TAG_DOCS: Record<string, string> = {
  connected_content: 'Calls an HTTP endpoint while rendering and saves the JSON response (`:save`) or inserts the text. In this extension the call is answered by fixtures: nothing is sent.',
  abort_message: "Stops the message for this user; the reason (a plain string, no Liquid) appears in Braze's Message Activity Log.",
  assign: 'Assigns a variable. Braze allows filters here but no operators; names must be ASCII letters, digits and underscores.',
  capture: 'Captures rendered text into a variable.',
  if: 'Condition. Braze allows operators here but no filters.',
  unless: 'Negated condition. Braze allows operators here but no filters.',
  case: 'Switch on a value. Braze does not allow filters here.',
  for: 'Loop. Braze does not allow filters in the iterable.',
  raw: 'Outputs its content without rendering Liquid.',
  comment: 'Not rendered.',
};

export const HEADER_DOCS: Record<string, string> = {
  authorization: 'Sent to Salesforce as `Bearer <access_token>`; typically built by a `connected_content` token call in the same field.',
  'content-type': 'Salesforce needs `application/json` for a JSON body. Braze infers a type when none is set, so set it explicitly.',
  accept: 'Response type the endpoint should send back.',
  'sforce-auto-assign':
    'Salesforce assignment rules on Lead and Case writes: `TRUE` runs the active rule, `FALSE` does not, an assignment rule Id (`01Q…`) runs that one. **It defaults to TRUE on create and on update**, so each PATCH may reassign the owner. (https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/headers_autoassign.htm)',
  'sforce-duplicate-rule-header':
    '`allowSave=true` saves the record even when a duplicate rule set to *alert* matches; a rule set to *block* still answers 400 DUPLICATES_DETECTED. Also `includeRecordDetails=true`, `runAsCurrentUser=true`. (https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/headers_duplicaterules.htm)',
};
