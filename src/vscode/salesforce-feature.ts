/**
 * What needs the core's Salesforce simulation and nothing else of the extension proper: the
 * preview's predicted answers (`simulateSalesforceAnswer`, loaded on the first preview or rendered
 * document) and Explain Salesforce Error…. A bundle of its own in the Node build
 * (dist/extension-salesforce.js), so the simulation's code and texts stay out of the main bundle,
 * which only lints (ADR 018); the web build bundles it in (one file, ADR 013).
 */
export { simulateSalesforceAnswer } from '../core/salesforce/simulate';
export { explainSalesforceError } from './explain-error';

export type SalesforceFeature = typeof import('./salesforce-feature');
