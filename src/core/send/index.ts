export { checkTarget, isLoopbackHost, normalizeHost, type SendPolicy, type SendTarget as SendTargetUrl, type TargetRefusal, type TargetRefusalCode } from './policy';
export {
  applyCredential,
  credentialKey,
  credentialRefs,
  credentialSecrets,
  describeCredentialRef,
  parseCredentialText,
  type Credential,
  type CredentialOption,
  type CredentialRef,
} from './credentials';
export { makeFetchTransport, MAX_ANSWER_CHARS, TransportError, type FetchFunction, type HttpTransport, type TransportOptions, type WireRequest, type WireResponse } from './transport';
export { isTokenCall, LIVE_SOURCE, makeLiveResolver, type LiveExchange, type LiveResolverOptions } from './live-resolver';
export {
  executeSend,
  prepareSend,
  redactAnswer,
  SEND_TIMEOUTS,
  type PlannedCall,
  type PreparedSend,
  type SendIo,
  type SendOutcome,
  type SendRefusal,
  type SendSubject,
} from './send';
export { describeUrlFor, executeDescribeFetch, prepareDescribeFetch, type DescribeFetchOutcome, type PreparedDescribeFetch } from './describe-fetch';
export { compareWithPrediction, type RealAnswer, type Verdict } from './verdict';
export { describeRefusals, oneLine, toConfirmationText, toPredictedAnswerComment, toRealAnswerComment, toSendReport, toSendResultComments } from './report';
