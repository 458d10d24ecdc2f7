import type { RuleDefinition } from '../lint/types';
import { AbortReasonLiquid } from './abort-reason-liquid';
import { CcSaveMissing } from './cc-save-missing';
import { CcSaveScope } from './cc-save-scope';
import { CcUnknownOption } from './cc-unknown-option';
import { CurlyQuotes } from './curly-quotes';
import { FilterInCondition } from './filter-in-condition';
import { HardcodedSecret } from './hardcoded-secret';
import { HeaderName } from './header-name';
import { HttpsOnly } from './https-only';
import { InvisibleCharacter } from './invisible-character';
import { JsonEscape } from './json-escape';
import { JsonSyntax } from './json-syntax';
import { LiquidSyntax } from './liquid-syntax';
import { MathBetweenAttributes } from './math-between-attributes';
import { MissingDefault } from './missing-default';
import { OauthAbortGuard } from './oauth-abort-guard';
import { OauthBearerFormat } from './oauth-bearer-format';
import { OauthHeaderMissing } from './oauth-header-missing';
import { OauthTokenBody } from './oauth-token-body';
import { OauthTokenCache } from './oauth-token-cache';
import { OauthTokenHost } from './oauth-token-host';
import { OauthTokenMethod } from './oauth-token-method';
import { Placeholder } from './placeholder';
import { RenderAborted } from './render-aborted';
import { RenderBadLeadId } from './render-bad-lead-id';
import { RenderError } from './render-error';
import { RenderFieldValue } from './render-field-value';
import { RenderInvalidEmail } from './render-invalid-email';
import { RenderInvalidJson } from './render-invalid-json';
import { RenderInvalidUrl } from './render-invalid-url';
import { RenderMissingAttribute } from './render-missing-attribute';
import { RenderObjectValue } from './render-object-value';
import { RenderRequiredEmpty } from './render-required-empty';
import { RenderTooLong } from './render-too-long';
import { Schema } from './schema';
import { SecretInUrl } from './secret-in-url';
import { SfApiVersion } from './sf-api-version';
import { SfContentType } from './sf-content-type';
import { SfCreateWithId } from './sf-create-with-id';
import { SfCustomFieldName } from './sf-custom-field-name';
import { SfFieldAccess } from './sf-field-access';
import { SfFieldCase } from './sf-field-case';
import { SfFieldValue } from './sf-field-value';
import { SfIdInBody } from './sf-id-in-body';
import { SfMethod } from './sf-method';
import { SfRequiredFields } from './sf-required-fields';
import { SfRestHeaders } from './sf-rest-headers';
import { SfUnknownField } from './sf-unknown-field';
import { SfUpdateIdGuard } from './sf-update-id-guard';
import { SfUpdateWithoutId } from './sf-update-without-id';
import { UnknownAttribute } from './unknown-attribute';
import { UnknownNamespace } from './unknown-namespace';
import { UnsupportedFilter } from './unsupported-filter';

/** Every rule, sorted by id. Explicit on purpose: a missing registration is a visible diff. */
export const allRules: readonly RuleDefinition[] = [
  AbortReasonLiquid,
  CcSaveMissing,
  CcSaveScope,
  CcUnknownOption,
  CurlyQuotes,
  FilterInCondition,
  HardcodedSecret,
  HeaderName,
  HttpsOnly,
  InvisibleCharacter,
  JsonEscape,
  JsonSyntax,
  LiquidSyntax,
  MathBetweenAttributes,
  MissingDefault,
  OauthAbortGuard,
  OauthBearerFormat,
  OauthHeaderMissing,
  OauthTokenBody,
  OauthTokenCache,
  OauthTokenHost,
  OauthTokenMethod,
  Placeholder,
  RenderAborted,
  RenderBadLeadId,
  RenderError,
  RenderFieldValue,
  RenderInvalidEmail,
  RenderInvalidJson,
  RenderInvalidUrl,
  RenderMissingAttribute,
  RenderObjectValue,
  RenderRequiredEmpty,
  RenderTooLong,
  Schema,
  SecretInUrl,
  SfApiVersion,
  SfContentType,
  SfCreateWithId,
  SfCustomFieldName,
  SfFieldAccess,
  SfFieldCase,
  SfFieldValue,
  SfIdInBody,
  SfMethod,
  SfRequiredFields,
  SfRestHeaders,
  SfUnknownField,
  SfUpdateIdGuard,
  SfUpdateWithoutId,
  UnknownAttribute,
  UnknownNamespace,
  UnsupportedFilter,
];

/** Rules on by default. */
export const recommendedRules: readonly RuleDefinition[] = allRules.filter((rule) => rule.meta.docs.recommended);
