import type { RuleDefinition } from '../lint/types';
import { JsonSyntax } from './json-syntax';
import { Placeholder } from './placeholder';
import { Schema } from './schema';

/** Every rule, sorted by id. Explicit on purpose: a missing registration is a visible diff. */
export const allRules: readonly RuleDefinition[] = [JsonSyntax, Placeholder, Schema];

/** Rules on by default. */
export const recommendedRules: readonly RuleDefinition[] = allRules.filter((rule) => rule.meta.docs.recommended);
