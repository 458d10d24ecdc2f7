import leadModel from '../../data/salesforce/lead.json';
import { type SalesforceSchema, loadSalesforceSchema } from '../core';

/** The built-in sObject models, bundled into the CLI (the extension reads the same file from its folder). */
export const BUILT_IN_MODELS: readonly unknown[] = [leadModel];

/** The schema of a CLI run without org describes: the built-in Lead model. */
export function builtInSchema(): SalesforceSchema {
  builtIn ??= loadSalesforceSchema({ builtIn: BUILT_IN_MODELS }).schema;
  return builtIn;
}
let builtIn: SalesforceSchema | undefined;
