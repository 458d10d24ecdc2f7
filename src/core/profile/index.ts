export { STANDARD_ATTRIBUTES, NAMESPACES, type StandardAttribute, type LiquidNamespace } from './attributes';
export { closestName } from './did-you-mean';
export { BUILTIN_EDGE_PROFILES } from './edge-profiles';
export { toLiquidScope } from './liquid-scope';
export { parseProfiles, type ParsedProfiles, type Profile, type ProfileProblem } from './parse-profiles';
export { withDistinctLabels } from './distinct-labels';
