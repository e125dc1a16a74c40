/**
 * cty values as terraform sends them over the plugin protocol (DynamicValue.msgpack), decoded into plain JS
 * values and encoded back, driven by the cty type so that every object attribute is present (null included)
 * and numbers keep their msgpack form (int, float64 or a decimal string for numbers that fit neither).
 *
 * Representation: null = null; unknown = the UNKNOWN symbol; string/bool as JS; number as JS number (or the
 * decimal string terraform sent when it fits neither int64 nor float64); list/set = array; map/object = plain
 * object; dynamic = { type, value } (cty's "[type JSON, value]" pair).
 */
import { decode, encode, ExtensionCodec } from '@msgpack/msgpack';

export const UNKNOWN: unique symbol = Symbol('unknown');

/** A cty type as it appears in the schema JSON: "string", ["list","string"], ["object",{...}], ... */
export type CtyType = string | [string, any] | [string, any, any];

/** Any decoded cty value (see the module comment). */
export type Value = any;

/** msgpack extension code for an unknown value; 12 is a refined unknown (terraform >= 1.6). */
const EXT_UNKNOWN = 0;
const EXT_REFINED_UNKNOWN = 12;

class UnknownMarker {}

const extensionCodec = new ExtensionCodec();
extensionCodec.register({
  type: EXT_UNKNOWN,
  encode: (input: unknown) => (input instanceof UnknownMarker ? new Uint8Array([0]) : null),
  decode: () => UNKNOWN,
});
// Refinements (prefix, not-null, ranges) only narrow an unknown; treating it as plain unknown is accepted.
extensionCodec.register({ type: EXT_REFINED_UNKNOWN, encode: () => null, decode: () => UNKNOWN });

export class CodecError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CodecError';
  }
}

function typeName(t: CtyType): string {
  return typeof t === 'string' ? t : t[0];
}

/** Decodes msgpack bytes into a JS value shaped by `type`. Empty bytes mean "no value" (null). */
export function decodeValue(bytes: Uint8Array | undefined | null, type: CtyType): Value {
  if (!bytes || bytes.length === 0) return null;
  const raw = decode(bytes, { extensionCodec });
  return fromRaw(raw, type, '');
}

function fromRaw(raw: any, type: CtyType, where: string): Value {
  if (raw === null || raw === undefined) return null;
  if (raw === UNKNOWN) return UNKNOWN;
  switch (typeName(type)) {
    case 'string':
      if (typeof raw !== 'string') throw new CodecError(`${where || 'value'}: expected a string, got ${typeof raw}`);
      return raw;
    case 'number':
      if (typeof raw === 'number' || typeof raw === 'string') return raw;
      if (typeof raw === 'bigint') return Number.isSafeInteger(Number(raw)) ? Number(raw) : raw.toString();
      throw new CodecError(`${where || 'value'}: expected a number, got ${typeof raw}`);
    case 'bool':
      if (typeof raw !== 'boolean') throw new CodecError(`${where || 'value'}: expected a bool, got ${typeof raw}`);
      return raw;
    case 'list':
    case 'set':
      if (!Array.isArray(raw)) throw new CodecError(`${where || 'value'}: expected a ${typeName(type)}`);
      return raw.map((v, i) => fromRaw(v, (type as any[])[1], `${where}[${i}]`));
    case 'map': {
      if (typeof raw !== 'object' || Array.isArray(raw)) throw new CodecError(`${where || 'value'}: expected a map`);
      const out: Record<string, Value> = {};
      for (const k of Object.keys(raw)) out[k] = fromRaw(raw[k], (type as any[])[1], `${where}["${k}"]`);
      return out;
    }
    case 'object': {
      if (typeof raw !== 'object' || Array.isArray(raw)) throw new CodecError(`${where || 'value'}: expected an object`);
      const attrs = (type as any[])[1] as Record<string, CtyType>;
      const out: Record<string, Value> = {};
      for (const k of Object.keys(attrs)) out[k] = fromRaw(raw[k], attrs[k], where ? `${where}.${k}` : k);
      return out;
    }
    case 'tuple': {
      const elems = (type as any[])[1] as CtyType[];
      if (!Array.isArray(raw)) throw new CodecError(`${where || 'value'}: expected a tuple`);
      return elems.map((t, i) => fromRaw(raw[i], t, `${where}[${i}]`));
    }
    case 'dynamic': {
      if (!Array.isArray(raw) || raw.length !== 2) throw new CodecError(`${where || 'value'}: expected a [type, value] pair for dynamic`);
      const actual = JSON.parse(Buffer.from(raw[0]).toString('utf8')) as CtyType;
      return { type: actual, value: fromRaw(raw[1], actual, where) };
    }
    default:
      throw new CodecError(`${where || 'value'}: unsupported cty type ${JSON.stringify(type)}`);
  }
}

/** Encodes a JS value of `type` as msgpack. Missing object attributes are written as null. */
export function encodeValue(value: Value, type: CtyType): Uint8Array {
  return encode(toRaw(value, type, ''), { extensionCodec, ignoreUndefined: false });
}

function toRaw(value: Value, type: CtyType, where: string): any {
  if (value === null || value === undefined) return null;
  if (value === UNKNOWN) return new UnknownMarker();
  switch (typeName(type)) {
    case 'string':
      if (typeof value !== 'string') throw new CodecError(`${where || 'value'}: expected a string, got ${JSON.stringify(value)}`);
      return value;
    case 'number':
      if (typeof value === 'number') {
        if (!Number.isFinite(value)) throw new CodecError(`${where || 'value'}: ${value} is not a finite number`);
        return value;
      }
      if (typeof value === 'string' && /^-?\d+(\.\d+)?([eE][-+]?\d+)?$/.test(value)) return value;
      throw new CodecError(`${where || 'value'}: expected a number, got ${JSON.stringify(value)}`);
    case 'bool':
      if (typeof value !== 'boolean') throw new CodecError(`${where || 'value'}: expected a bool, got ${JSON.stringify(value)}`);
      return value;
    case 'list':
      if (!Array.isArray(value)) throw new CodecError(`${where || 'value'}: expected a list`);
      return value.map((v, i) => toRaw(v, (type as any[])[1], `${where}[${i}]`));
    case 'set': {
      if (!Array.isArray(value)) throw new CodecError(`${where || 'value'}: expected a set`);
      // Sets have no order; a stable order keeps the encoded state byte-identical across runs.
      const elems = dedupe(value).map((v, i) => toRaw(v, (type as any[])[1], `${where}[${i}]`));
      return elems;
    }
    case 'map': {
      if (typeof value !== 'object' || Array.isArray(value)) throw new CodecError(`${where || 'value'}: expected a map`);
      const out: Record<string, any> = {};
      for (const k of Object.keys(value).sort()) out[k] = toRaw(value[k], (type as any[])[1], `${where}["${k}"]`);
      return out;
    }
    case 'object': {
      if (typeof value !== 'object' || Array.isArray(value)) throw new CodecError(`${where || 'value'}: expected an object`);
      const attrs = (type as any[])[1] as Record<string, CtyType>;
      for (const k of Object.keys(value)) {
        if (!(k in attrs)) throw new CodecError(`${where ? `${where}.` : ''}${k}: not an attribute of this object type`);
      }
      const out: Record<string, any> = {};
      for (const k of Object.keys(attrs).sort()) out[k] = toRaw(value[k], attrs[k], where ? `${where}.${k}` : k);
      return out;
    }
    case 'tuple': {
      const elems = (type as any[])[1] as CtyType[];
      if (!Array.isArray(value) || value.length !== elems.length) throw new CodecError(`${where || 'value'}: expected a tuple of ${elems.length}`);
      return elems.map((t, i) => toRaw(value[i], t, `${where}[${i}]`));
    }
    case 'dynamic': {
      if (typeof value !== 'object' || !('type' in value)) throw new CodecError(`${where || 'value'}: dynamic values need { type, value }`);
      return [Buffer.from(JSON.stringify(value.type), 'utf8'), toRaw(value.value, value.type, where)];
    }
    default:
      throw new CodecError(`${where || 'value'}: unsupported cty type ${JSON.stringify(type)}`);
  }
}

function dedupe(values: Value[]): Value[] {
  const seen = new Map<string, Value>();
  for (const v of values) seen.set(stableKey(v), v);
  return [...seen.keys()].sort().map((k) => seen.get(k));
}

/** A canonical string for a known or partly unknown value; equal values give equal keys. */
export function stableKey(v: Value): string {
  if (v === UNKNOWN) return '\u0000unknown';
  if (v === null || v === undefined) return 'null';
  if (Array.isArray(v)) return `[${v.map(stableKey).join(',')}]`;
  if (typeof v === 'object') return `{${Object.keys(v).sort().map((k) => `${JSON.stringify(k)}:${stableKey(v[k])}`).join(',')}}`;
  return JSON.stringify(v);
}

/** Deep equality of decoded values (sets compared as given; callers normalise set order when it matters). */
export function valuesEqual(a: Value, b: Value): boolean {
  return stableKey(a) === stableKey(b);
}

/** True when the value or anything inside it is unknown. */
export function containsUnknown(v: Value): boolean {
  if (v === UNKNOWN) return true;
  if (Array.isArray(v)) return v.some(containsUnknown);
  if (v && typeof v === 'object') return Object.values(v).some(containsUnknown);
  return false;
}
