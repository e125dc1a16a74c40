/**
 * The one parameter module every service's handlers use: typed getters over a request's parameters, the error
 * code each action documents for a bad value (from the API model), a bounded echo of offending values, and the
 * own-property look-up.
 *
 * The core has already checked every request against the API model (required fields, types, unknown fields) before
 * a handler runs; the getters check the type again because a handler may also be called directly (tests, admin
 * seeding), and they add what the model cannot say: ranges, non-empty strings, defaults and silent ceilings.
 */
import { ApiError, missingParameter } from './api-error';
import { API_MODEL } from './api-model.generated';
import { isSecretField } from './log';
import { ActionContext, ActionHandler } from './service';

/**
 * Own-property look-up: a caller-supplied key such as `constructor` or `__proto__` must be "not found", never a
 * member of Object.prototype (valid namespace, account and secret names include such words).
 */
export function own<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined;
}

/** Characters of an offending value an error message may quote (a 10 MB name must not come back in the answer). */
export const ECHO_MAX_CHARS = 64;
/** Nesting an echo descends into before it writes `…` (a deeply nested value must not overflow the stack). */
const ECHO_MAX_DEPTH = 3;

/**
 * A JSON-like rendering of `value` cut to ECHO_MAX_CHARS characters and ECHO_MAX_DEPTH levels, ending in `…`
 * when anything was left out. Written here because JSON.stringify can neither stop early nor bound its recursion.
 */
export function echo(value: unknown): string {
  const text = render(value, ECHO_MAX_DEPTH, ECHO_MAX_CHARS + 1);
  return text.length > ECHO_MAX_CHARS ? `${text.slice(0, ECHO_MAX_CHARS)}…` : text;
}

function render(value: unknown, depth: number, budget: number): string {
  if (typeof value === 'string') return JSON.stringify(value.length > budget ? value.slice(0, budget) : value);
  if (value === null || typeof value !== 'object') return String(value);
  if (depth === 0) return Array.isArray(value) ? '[…]' : '{…}';
  const parts: string[] = [];
  let used = 2;
  const entries: Array<[string | undefined, unknown]> = Array.isArray(value)
    ? value.map((item) => [undefined, item])
    : Object.keys(value).map((key) => [key, (value as Record<string, unknown>)[key]]);
  for (const [key, item] of entries) {
    if (used >= budget) {
      parts.push('…');
      break;
    }
    const part = `${key === undefined ? '' : `${JSON.stringify(key.slice(0, budget))}:`}${render(item, depth - 1, budget - used)}`;
    parts.push(part);
    used += part.length + 1;
  }
  return Array.isArray(value) ? `[${parts.join(',')}]` : `{${parts.join(',')}}`;
}

/**
 * `The value <echo> of parameter `<field>` is invalid: <rule>.` with the given code. The value of a secret field
 * (`Password`, `SecretString`, ...) is never quoted, whatever its type.
 */
export function invalidValue(code: string, field: string, value: unknown, rule: string): ApiError {
  if (isSecretField(field.slice(field.lastIndexOf('.') + 1))) {
    return new ApiError(code, `The value of parameter \`${field}\` is invalid: ${rule}.`);
  }
  return new ApiError(code, `The value ${echo(value)} of parameter \`${field}\` is invalid: ${rule}.`);
}

/** The code a service answers for a malformed value when the action documents neither generic code. */
const SERVICE_DEFAULT_INVALID_CODE: Readonly<Record<string, string>> = {
  tcr: 'InvalidParameter',
  ssm: 'InvalidParameterValue',
  cam: 'InvalidParameter.ParamError',
  sts: 'InvalidParameter',
};

/** The bad-value code `action` documents (its API-model error list), else the service's usual one. */
export function invalidCodeFor(service: string, action: string): string {
  const model = own(API_MODEL, service);
  const errors = (model && own(model.actions, action)?.errors) ?? [];
  for (const code of ['InvalidParameterValue', 'InvalidParameter', 'InvalidParameter.ParamError']) {
    if (errors.includes(code)) return code;
  }
  return own(SERVICE_DEFAULT_INVALID_CODE, service) ?? 'InvalidParameter';
}

/**
 * Typed access to one request's parameters (or to one nested structure of them, whose fields are then named
 * `<prefix>.<field>` in errors). Every error names the field, quotes a bounded prefix of the value and states the rule.
 */
export class Params {
  /** The code this action answers for a malformed value. */
  readonly invalidCode: string;

  constructor(
    readonly service: string,
    readonly action: string,
    readonly raw: Readonly<Record<string, any>>,
    private readonly prefix = '',
    invalidCode?: string,
  ) {
    this.invalidCode = invalidCode ?? invalidCodeFor(service, action);
  }

  /** The full field path of `field` (`SecurityGroupPolicySet.0.CidrBlock`). */
  path(field: string): string {
    return `${this.prefix}${field}`;
  }

  /** True when the field is given (`null` counts as absent: the SDK strips it). */
  has(field: string): boolean {
    const value = own(this.raw, field);
    return value !== undefined && value !== null;
  }

  /** The raw value, own properties only. */
  value(field: string): unknown {
    const value = own(this.raw, field);
    return value === null ? undefined : value;
  }

  /** An error for `field` holding `value` that breaks `rule`, with this action's code unless another is given. */
  invalid(field: string, value: unknown, rule: string, code = this.invalidCode): ApiError {
    return invalidValue(code, this.path(field), value, rule);
  }

  missing(field: string): ApiError {
    return missingParameter(this.path(field));
  }

  optionalString(field: string): string | undefined {
    const value = this.value(field);
    if (value === undefined) return undefined;
    if (typeof value !== 'string') throw this.invalid(field, value, 'must be a string');
    return value;
  }

  /** A required, non-empty string (an empty one is as good as missing). */
  string(field: string): string {
    const value = this.optionalString(field);
    if (value === undefined || value === '') throw this.missing(field);
    return value;
  }

  optionalBoolean(field: string): boolean | undefined {
    const value = this.value(field);
    if (value === undefined) return undefined;
    if (typeof value !== 'boolean') throw this.invalid(field, value, 'must be a boolean');
    return value;
  }

  boolean(field: string): boolean {
    const value = this.optionalBoolean(field);
    if (value === undefined) throw this.missing(field);
    return value;
  }

  optionalInteger(field: string, min: number, max = Number.MAX_SAFE_INTEGER): number | undefined {
    const value = this.value(field);
    if (value === undefined) return undefined;
    if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
      const rule = max === Number.MAX_SAFE_INTEGER ? `must be an integer >= ${min}` : `must be an integer from ${min} to ${max}`;
      throw this.invalid(field, value, rule);
    }
    return value;
  }

  /** A page size with a default (for absent or 0) and a ceiling applied silently ("超出最大值，调整到最大值"). */
  pageLimit(field: string, defaultLimit: number, max: number): number {
    const limit = this.optionalInteger(field, 0);
    if (limit === undefined || limit === 0) return defaultLimit;
    return Math.min(limit, max);
  }

  /** A list (absent = empty); `rule` describes the expected items when it is not a list. */
  list(field: string, rule: string): unknown[] {
    const value = this.value(field);
    if (value === undefined) return [];
    if (!Array.isArray(value)) throw this.invalid(field, value, rule);
    return value;
  }

  /** A list of strings (absent = empty). */
  strings(field: string): string[] {
    const items = this.list(field, 'must be a list of strings');
    items.forEach((item, i) => {
      if (typeof item !== 'string') throw this.invalid(`${field}.${i}`, item, 'must be a string');
    });
    return items as string[];
  }

  /** The structure in `field` (undefined when absent), with its own fields named `<field>.<name>`. */
  optionalStruct(field: string, rule: string): Params | undefined {
    const value = this.value(field);
    if (value === undefined) return undefined;
    if (typeof value !== 'object' || Array.isArray(value)) throw this.invalid(field, value, rule);
    return new Params(this.service, this.action, value as Record<string, unknown>, `${this.path(field)}.`, this.invalidCode);
  }

  /** Each item of the list in `field` as a structure named `<field>.<i>`. */
  structs(field: string, rule: string): Params[] {
    return this.list(field, rule).map((item, i) => {
      if (item === null || typeof item !== 'object' || Array.isArray(item)) throw this.invalid(`${field}.${i}`, item, rule);
      return new Params(this.service, this.action, item as Record<string, unknown>, `${this.path(`${field}.${i}`)}.`, this.invalidCode);
    });
  }
}

/** The request's region, which regional actions require (`MissingParameter` naming `Region` otherwise). */
export function requiredRegion(ctx: ActionContext): string {
  if (!ctx.region) throw missingParameter('Region');
  return ctx.region;
}

/** A handler that receives its parameters through the typed getters. */
export type ParamsHandler = (ctx: ActionContext, params: Params) => Record<string, unknown>;

/** The `actions` table of a ServiceDefinition: each handler gets a Params for its own service and action. */
export function handlersWithParams(service: string, handlers: Readonly<Record<string, ParamsHandler>>): Record<string, ActionHandler> {
  const table: Record<string, ActionHandler> = {};
  for (const [action, handler] of Object.entries(handlers)) {
    table[action] = (ctx, raw) => handler(ctx, new Params(service, action, raw));
  }
  return table;
}
