import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import leadModel from '../../data/salesforce/lead.json';
import { type DescribeFileInput, loadSalesforceSchema } from '../../src/core/salesforce/describe-file';
import type { SalesforceSchema } from '../../src/core/salesforce/model';

/** The built-in Lead data exactly as the adapters inject it. */
export const BUILT_IN_MODELS: readonly unknown[] = [leadModel];

/** The schema every adapter builds when there is no org describe: the built-in Lead model. */
export const BUILT_IN_SALESFORCE: SalesforceSchema = loadSalesforceSchema({ builtIn: BUILT_IN_MODELS }).schema;

/** The built-in models plus org describe files (texts), failing the test on a describe problem of level error. */
export function schemaWithDescribes(org: DescribeFileInput[]): SalesforceSchema {
  const { schema, problems } = loadSalesforceSchema({ builtIn: BUILT_IN_MODELS, org });
  const errors = problems.filter((p) => p.severity === 'error');
  if (errors.length > 0) throw new Error(`describe problems: ${errors.map((p) => `${p.file}: ${p.message}`).join('; ')}`);
  return schema;
}

/** The example org's describe (`examples/acme-lead.describe.json`): record types, a required custom field (Region__c), a restricted custom picklist (Lead_Stage__c). */
export const ACME_DESCRIBE_TEXT = readFileSync(join(__dirname, '../../examples/acme-lead.describe.json'), 'utf8');

/** The built-in models plus the example org's Lead describe, named as the CLI shows it. */
export const ACME_DESCRIBE: SalesforceSchema = schemaWithDescribes([{ file: 'examples/acme-lead.describe.json', text: ACME_DESCRIBE_TEXT }]);
