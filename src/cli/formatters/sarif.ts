import type { RuleDefinition, Severity } from '../../core';
import { toInertJson } from '../terminal';
import type { FileReport } from './types';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };

/**
 * SARIF 2.1.0 as GitHub code scanning accepts it: rule metadata from each rule's `meta`, file
 * URIs relative to the checkout (`%SRCROOT%`), UTF-16 columns.
 * https://docs.github.com/en/code-security/code-scanning/integrating-with-code-scanning/sarif-support-for-code-scanning
 */
export function formatSarif(reports: readonly FileReport[], rules: readonly RuleDefinition[], version: string): string {
  const ruleIndex = new Map(rules.map((rule, index) => [rule.meta.id, index]));
  const results = reports.flatMap((report) =>
    report.problems.map((p) => ({
      ruleId: p.ruleId,
      ...(ruleIndex.has(p.ruleId) ? { ruleIndex: ruleIndex.get(p.ruleId) } : {}),
      level: LEVEL[p.severity as Severity] ?? 'warning',
      message: { text: p.message },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: toUri(report.file), uriBaseId: '%SRCROOT%' },
            region: {
              startLine: p.line,
              startColumn: p.column,
              endLine: p.endLine,
              endColumn: p.endLine === p.line && p.endColumn <= p.column ? p.column + 1 : p.endColumn,
            },
          },
        },
      ],
      ...(p.profile ? { properties: { profile: p.profile } } : {}),
    })),
  );
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'braze-webhook',
            version,
            semanticVersion: version,
            informationUri: 'https://www.braze.com/docs/user_guide/getting_started/b2b_use_cases/b2b_salesforce_sales_cloud',
            rules: rules.map((rule) => ({
              id: rule.meta.id,
              name: toPascalCase(rule.meta.id),
              shortDescription: { text: rule.meta.texts.description },
              fullDescription: { text: rule.meta.texts.description },
              help: { text: `${rule.meta.texts.description} See ${rule.meta.docs.url} in the braze-webhooks package.` },
              defaultConfiguration: { level: LEVEL[rule.meta.severity] },
              properties: { tags: [rule.meta.kind === 'rendered' ? 'rendered-request' : 'static'], precision: 'high' },
            })),
          },
        },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
  return toInertJson(`${JSON.stringify(sarif, null, 2)}\n`);
}

function toUri(path: string): string {
  return path.split(/[\\/]/).map(encodeURIComponent).join('/');
}

function toPascalCase(id: string): string {
  return id.replace(/(^|-)(\w)/g, (_m, _d, c: string) => c.toUpperCase());
}
