import type { LintConfig } from '../lint/types';
import configSchema from '../../../schemas/braze-webhook.config.schema.json';
import { checkJsonSchema } from '../schema/json-schema';
import { parseJsonTree } from '../util/json-tree';
import { stripBom } from '../util/positions';
import { findNodeAtLocation } from 'jsonc-parser';

/** The config file name the CLI and the extension look for at the workspace root. */
export const CONFIG_FILE_NAME = 'braze-webhook.config.json';

export interface ConfigProblem {
  message: string;
  startIndex: number;
  endIndex: number;
}

/** Parses and validates `braze-webhook.config.json`; an unusable file yields problems and `{}`. */
export function parseConfig(input: string, knownRuleIds: readonly string[] = []): { config: LintConfig; problems: ConfigProblem[] } {
  const text = stripBom(input);
  const { root, errors } = parseJsonTree(text);
  if (errors.length > 0 || !root) return { config: {}, problems: errors.map((e) => ({ message: e.message, startIndex: e.startIndex, endIndex: e.endIndex })) };
  const value = JSON.parse(text) as LintConfig;
  const problems: ConfigProblem[] = [];
  const violations = checkJsonSchema(configSchema, value);
  if (violations.length > 0) {
    for (const error of violations) {
      const node = findNodeAtLocation(root, error.instancePath.split('/').slice(1)) ?? root;
      problems.push({ message: `${error.instancePath || 'config'} ${error.message}`, startIndex: node.offset, endIndex: node.offset + node.length });
    }
    return { config: {}, problems };
  }
  for (const id of Object.keys(value.rules ?? {})) {
    if (knownRuleIds.length > 0 && !knownRuleIds.includes(id)) {
      const node = findNodeAtLocation(root, ['rules', id]) ?? root;
      const keyNode = node.parent?.children?.[0] ?? node;
      problems.push({ message: `unknown rule "${id}"`, startIndex: keyNode.offset, endIndex: keyNode.offset + keyNode.length });
    }
  }
  return { config: value, problems };
}
