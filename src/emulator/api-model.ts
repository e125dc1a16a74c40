/**
 * The API model the emulator validates requests against (request fields, nested types, error codes), generated
 * from the shared API facts into api-model.generated.ts. This module holds the types and the validation.
 */
import { ApiError, missingParameter } from './api-error';
import { API_MODEL } from './api-model.generated';
import { isSecretField } from './log';
import { echo, own } from './params';

/** [name, type, required]; type as in the SDK models: `string`, `number`, `boolean`, `Array<T>`, a nested type name. */
export type FieldModel = [string, string, boolean];

export interface ActionModel {
  readonly request: FieldModel[];
  /** Service-specific error codes the Go SDK documents for the action. */
  readonly errors: string[];
}

export interface ServiceModel {
  readonly version: string;
  readonly endpoint: string;
  readonly types: Record<string, FieldModel[]>;
  readonly actions: Record<string, ActionModel>;
}

export type ApiModel = Record<string, ServiceModel>;

export { API_MODEL };

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

function invalidType(field: string, expected: string, value: unknown): ApiError {
  // A mistyped secret (a numeric password, say) is still a secret: name the field and type, never the value.
  const shown = isSecretField(field.slice(field.lastIndexOf('.') + 1)) ? '(value not shown)' : echo(value);
  return new ApiError(
    'InvalidParameter',
    `The parameter \`${field}\` must be of type ${expected}, got ${typeName(value)} ${shown}.`,
  );
}

function checkValue(service: ServiceModel, field: string, type: string, value: unknown): void {
  const array = /^Array<(.+)>$/.exec(type);
  if (array) {
    if (!Array.isArray(value)) throw invalidType(field, type, value);
    value.forEach((item, i) => checkValue(service, `${field}.${i}`, array[1], item));
    return;
  }
  switch (type) {
    case 'string':
      if (typeof value !== 'string') throw invalidType(field, 'string', value);
      return;
    case 'number':
    case 'number | bigint':
      if (typeof value !== 'number' || !Number.isFinite(value)) throw invalidType(field, 'number', value);
      return;
    case 'boolean':
      if (typeof value !== 'boolean') throw invalidType(field, 'boolean', value);
      return;
    default: {
      const nested = service.types[type];
      if (!nested) return; // a type the facts do not describe: accept its value as given
      if (value === null || typeof value !== 'object' || Array.isArray(value)) throw invalidType(field, type, value);
      checkFields(service, nested, value as Record<string, unknown>, `${field}.`);
    }
  }
}

function checkFields(service: ServiceModel, fields: readonly FieldModel[], params: Record<string, unknown>, prefix: string): void {
  for (const [name, type, required] of fields) {
    const value = params[name];
    if (value === undefined || value === null) {
      if (required) throw missingParameter(`${prefix}${name}`);
      continue;
    }
    checkValue(service, `${prefix}${name}`, type, value);
  }
}

/**
 * Checks request parameters against the model: required fields present (`MissingParameter`), primitive and nested
 * types right (`InvalidParameter`), no unknown top-level fields (`UnknownParameter`). Messages name the field.
 * Unknown fields inside nested structures are tolerated, as the model of nested types is the SDK's output view.
 */
export function validateParams(serviceName: string, action: string, params: Record<string, unknown>): void {
  const service = own(API_MODEL, serviceName);
  const model = service && own(service.actions, action);
  if (!service || !model) return;
  const known = new Set(model.request.map(([name]) => name));
  for (const key of Object.keys(params)) {
    if (!known.has(key)) {
      throw new ApiError('UnknownParameter', `The parameter \`${key}\` is not recognized by ${action}.`);
    }
  }
  checkFields(service, model.request, params, '');
}

/** The service (`tcr`, `ssm`, ...) whose model answers `version`, if any. */
export function serviceForVersion(version: string, action?: string): string | undefined {
  const services = Object.keys(API_MODEL).filter((s) => API_MODEL[s].version === version);
  // Two APIs can share a version (STS and Tag are both 2018-08-13): the one that has the action.
  return services.find((s) => action !== undefined && own(API_MODEL[s].actions, action) !== undefined) ?? services[0];
}

/** Services whose model has the action. */
export function servicesWithAction(action: string): string[] {
  return Object.keys(API_MODEL).filter((s) => own(API_MODEL[s].actions, action) !== undefined);
}
