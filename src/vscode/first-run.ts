/**
 * Commands a user runs rarely — New Salesforce Lead Template, New Sample Users File, Show Rule
 * Documentation, How to Get Your Org's Describe… — in a bundle of their own in the Node build
 * (dist/extension-first-run.js), loaded the first time one runs (ADR 006, ADR 015): they cost the main bundle nothing. Imports nothing
 * from the core, so the bundle stays small. The web build bundles it in (one file, ADR 013).
 */
export { newSampleProfiles, newTemplate } from './new-template';
export { showRuleDocs } from './rule-docs';
export { showDescribeHowTo } from './describe-how-to';

export type FirstRun = typeof import('./first-run');
