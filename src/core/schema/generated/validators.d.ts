import type { ErrorObject } from 'ajv';

/** A precompiled ajv validator (see scripts/build-validators.mjs). */
export interface GeneratedValidator {
  (data: unknown): boolean;
  errors?: ErrorObject[] | null;
}

export const validateTemplate: GeneratedValidator;
export const validateConfig: GeneratedValidator;
