import { decode, encode } from '@msgpack/msgpack';
import { CodecError, containsUnknown, decodeValue, encodeValue, UNKNOWN, valuesEqual } from '../../tfprovider/codec';

const objType: any = ['object', {
  name: 'string',
  count: 'number',
  on: 'bool',
  tags: ['map', 'string'],
  ids: ['set', 'string'],
  items: ['list', ['object', { a: 'string' }]],
}];

describe('msgpack cty codec', () => {
  test('null object is the single byte c0 and decodes back to null', () => {
    expect(Buffer.from(encodeValue(null, objType)).toString('hex')).toBe('c0');
    expect(decodeValue(Buffer.from('c0', 'hex'), objType)).toBeNull();
    expect(decodeValue(Buffer.alloc(0), objType)).toBeNull();
  });

  test('unknown is ext type 0 (d4 00 00), refined unknown (ext 12) decodes as unknown', () => {
    expect(Buffer.from(encodeValue(UNKNOWN, 'string')).toString('hex')).toBe('d40000');
    expect(decodeValue(Buffer.from('d40000', 'hex'), 'string')).toBe(UNKNOWN);
    // fixext1 with type 12 and one payload byte, as terraform sends a refined unknown.
    expect(decodeValue(Buffer.from('d40c01', 'hex'), 'string')).toBe(UNKNOWN);
  });

  test('every object attribute is written, missing ones as null', () => {
    const raw = decode(encodeValue({ name: 'x' }, objType)) as Record<string, unknown>;
    expect(Object.keys(raw).sort()).toEqual(['count', 'ids', 'items', 'name', 'on', 'tags']);
    expect(raw.count).toBeNull();
  });

  test('round trip keeps values; integers stay ints and fractions become float64', () => {
    const v = { name: 'n', count: 3, on: true, tags: { b: '2', a: '1' }, ids: ['z', 'a', 'z'], items: [{ a: 'x' }] };
    const bytes = encodeValue(v, objType);
    const back = decodeValue(bytes, objType);
    expect(back).toEqual({ ...v, ids: ['a', 'z'] });
    expect(Buffer.from(encodeValue(3, 'number')).toString('hex')).toBe('03');
    expect(Buffer.from(encodeValue(1.5, 'number')).toString('hex')).toBe('cb3ff8000000000000');
  });

  test('a number too big for int64/float64 arrives as a string and is written back unchanged', () => {
    const big = '123456789012345678901234567890';
    expect(decodeValue(encode(big), 'number')).toBe(big);
    expect(decode(encodeValue(big, 'number'))).toBe(big);
  });

  test('dynamic values are [type JSON, value] pairs', () => {
    const raw = [Buffer.from('"string"'), 'hello'];
    const v = decodeValue(encode(raw), 'dynamic');
    expect(v).toEqual({ type: 'string', value: 'hello' });
    const again = decode(encodeValue(v, 'dynamic')) as any[];
    expect(Buffer.from(again[0]).toString()).toBe('"string"');
    expect(again[1]).toBe('hello');
  });

  test('wrong shapes are rejected with the attribute path', () => {
    expect(() => encodeValue({ name: 5 }, objType)).toThrow(CodecError);
    expect(() => encodeValue({ name: 5 }, objType)).toThrow(/name: expected a string/);
    expect(() => encodeValue({ bogus: 'x' }, objType)).toThrow(/bogus: not an attribute/);
    expect(() => decodeValue(encode({ items: [{ a: 1 }] }), objType)).toThrow(/items\[0\]\.a: expected a string/);
    expect(() => encodeValue(Infinity, 'number')).toThrow(/not a finite number/);
  });

  test('unknown detection and equality helpers', () => {
    expect(containsUnknown({ a: [1, UNKNOWN] })).toBe(true);
    expect(containsUnknown({ a: [1, 2] })).toBe(false);
    expect(valuesEqual({ a: 1, b: [1] }, { b: [1], a: 1 })).toBe(true);
    expect(valuesEqual({ a: 1 }, { a: 2 })).toBe(false);
  });
});
