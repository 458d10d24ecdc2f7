export {
  describeFixtureResponse,
  FIXTURE_SOURCES,
  type FixtureResolverOptions,
  makeFixtureResolver,
} from './fixture-resolver';
export {
  type MockFile,
  type MockMatch,
  type MockMethod,
  type MockResponse,
  type MockRule,
  type ParsedMocks,
  parseMocks,
} from './mocks-file';
export { fakeSalesforceId, toEighteenCharId } from './salesforce-id';
export { isMyDomainHost, SLOW_DELAY_MS } from './salesforce-token-endpoint';
export { DEFAULT_SCENARIO, isScenarioName, type ScenarioInfo, type ScenarioName, SCENARIOS } from './scenarios';
export { isValidBrazeUrl, matchUrlGlob } from './url';
