import { ApiError } from '../../src/emulator/api-error';
import { ECHO_MAX_CHARS, echo, handlersWithParams, invalidCodeFor, invalidValue, own, Params, requiredRegion } from '../../src/emulator/params';
import { ActionContext } from '../../src/emulator/service';

function thrown(fn: () => unknown): ApiError {
  try {
    fn();
  } catch (e) {
    if (e instanceof ApiError) return e;
    throw e;
  }
  throw new Error('expected an ApiError');
}

describe('own', () => {
  test('finds own properties only', () => {
    const record: Record<string, number> = { a: 1 };
    expect(own(record, 'a')).toBe(1);
    for (const key of ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'b']) expect(own(record, key)).toBeUndefined();
  });
});

describe('echo', () => {
  test('quotes short values as JSON', () => {
    expect(echo('team-a')).toBe('"team-a"');
    expect(echo(5)).toBe('5');
    expect(echo(null)).toBe('null');
    expect(echo(undefined)).toBe('undefined');
    expect(echo({ Key: 'k', Value: ['v'] })).toBe('{"Key":"k","Value":["v"]}');
  });

  test('a huge value is cut to a bounded prefix', () => {
    const text = echo('x'.repeat(10 * 1024 * 1024));
    expect(text.length).toBeLessThanOrEqual(ECHO_MAX_CHARS + 1);
    expect(text.endsWith('…')).toBe(true);
    const wide = echo(Array.from({ length: 100000 }, (_, i) => ({ [`key${i}`]: 'v'.repeat(100) })));
    expect(wide.length).toBeLessThanOrEqual(ECHO_MAX_CHARS + 1);
    const longKey = echo({ ['k'.repeat(1000)]: 1 });
    expect(longKey.length).toBeLessThanOrEqual(ECHO_MAX_CHARS + 1);
  });

  test('a deeply nested value neither overflows the stack nor is echoed in full', () => {
    let deep: unknown = 'bottom';
    for (let i = 0; i < 100000; i++) deep = [deep];
    const text = echo(deep);
    expect(text).toBe('[[[[…]]]]');
    let nested: unknown = 1;
    for (let i = 0; i < 100000; i++) nested = { a: nested };
    expect(echo(nested)).toBe('{"a":{"a":{"a":{…}}}}');
  });

  test('secret fields are named, never quoted', () => {
    const error = invalidValue('InvalidParameter', 'Permissions.0.Password', 'hunter2-canary', 'must be a string');
    expect(error.message).toContain('Permissions.0.Password');
    expect(error.message).not.toContain('hunter2-canary');
    expect(invalidValue('InvalidParameterValue', 'SecretString', 12345, 'r').message).not.toContain('12345');
  });
});

describe('invalidCodeFor', () => {
  test('the generic bad-value code each action documents, else the service default', () => {
    expect(invalidCodeFor('ssm', 'CreateSecret')).toBe('InvalidParameterValue');
    expect(invalidCodeFor('ssm', 'UpdateDescription')).toBe('InvalidParameterValue');
    expect(invalidCodeFor('tcr', 'CreateNamespace')).toBe('InvalidParameter');
    expect(invalidCodeFor('cam', 'GetPolicy')).toBe('InvalidParameter.ParamError');
    expect(invalidCodeFor('cam', 'GetUser')).toBe('InvalidParameter.ParamError');
    expect(invalidCodeFor('sts', 'GetCallerIdentity')).toBe('InvalidParameter');
    expect(invalidCodeFor('constructor', 'constructor')).toBe('InvalidParameter');
  });
});

describe('Params', () => {
  const p = (raw: Record<string, unknown>) => new Params('tcr', 'CreateNamespace', raw);

  test('strings: required means present and non-empty', () => {
    expect(p({ A: 'x' }).string('A')).toBe('x');
    expect(thrown(() => p({}).string('A')).code).toBe('MissingParameter');
    expect(thrown(() => p({ A: '' }).string('A')).code).toBe('MissingParameter');
    expect(thrown(() => p({ A: null }).string('A')).code).toBe('MissingParameter');
    const wrong = thrown(() => p({ A: 5 }).string('A'));
    expect(wrong.code).toBe('InvalidParameter');
    expect(wrong.message).toBe('The value 5 of parameter `A` is invalid: must be a string.');
    expect(p({}).optionalString('A')).toBeUndefined();
  });

  test('booleans, integers and page limits', () => {
    expect(p({ B: true }).boolean('B')).toBe(true);
    expect(thrown(() => p({}).boolean('B')).code).toBe('MissingParameter');
    expect(thrown(() => p({ B: 'yes' }).optionalBoolean('B')).message).toContain('must be a boolean');
    expect(p({ N: 3 }).optionalInteger('N', 1, 5)).toBe(3);
    expect(thrown(() => p({ N: 6 }).optionalInteger('N', 1, 5)).message).toContain('from 1 to 5');
    expect(thrown(() => p({ N: -1 }).optionalInteger('N', 0)).message).toContain('>= 0');
    expect(thrown(() => p({ N: 1.5 }).optionalInteger('N', 0)).code).toBe('InvalidParameter');
    expect(p({}).pageLimit('Limit', 20, 100)).toBe(20);
    expect(p({ Limit: 0 }).pageLimit('Limit', 20, 100)).toBe(20);
    expect(p({ Limit: 500 }).pageLimit('Limit', 20, 100)).toBe(100);
  });

  test('lists and nested structures name the full field path', () => {
    expect(p({}).list('L', 'must be a list')).toEqual([]);
    expect(thrown(() => p({ L: 'x' }).list('L', 'must be a list')).message).toContain('`L`');
    expect(p({ S: ['a'] }).strings('S')).toEqual(['a']);
    expect(thrown(() => p({ S: ['a', 1] }).strings('S')).message).toContain('`S.1`');
    const [entry] = p({ Set: [{ CidrBlock: 7 }] }).structs('Set', 'must be a list of objects');
    expect(entry.path('CidrBlock')).toBe('Set.0.CidrBlock');
    expect(thrown(() => entry.string('CidrBlock')).message).toContain('`Set.0.CidrBlock`');
    expect(thrown(() => p({ Set: [1] }).structs('Set', 'must be a list of objects')).message).toContain('`Set.0`');
    const struct = p({ Prepaid: { Period: 0 } }).optionalStruct('Prepaid', 'must be an object')!;
    expect(thrown(() => struct.optionalInteger('Period', 1, 36)).message).toContain('`Prepaid.Period`');
    expect(struct.missing('RenewFlag').message).toContain('`Prepaid.RenewFlag`');
    expect(thrown(() => p({ Prepaid: [] }).optionalStruct('Prepaid', 'must be an object')).message).toContain('must be an object');
    expect(p({}).optionalStruct('Prepaid', 'r')).toBeUndefined();
  });

  test('inherited properties are never parameters', () => {
    expect(p({}).has('constructor')).toBe(false);
    expect(p({}).value('toString')).toBeUndefined();
    expect(thrown(() => p({}).string('constructor')).code).toBe('MissingParameter');
  });

  test('a 10 MB value is echoed as a bounded prefix', () => {
    const error = thrown(() => p({ N: 'y'.repeat(10 * 1024 * 1024) }).optionalInteger('N', 0));
    expect(error.message.length).toBeLessThan(200);
  });
});

describe('handlersWithParams and requiredRegion', () => {
  const ctx = (region: string | undefined) => ({ region } as unknown as ActionContext);

  test('each handler gets Params for its own action', () => {
    const table = handlersWithParams('ssm', { CreateSecret: (_ctx, params) => ({ action: params.action, code: params.invalidCode }) });
    expect(table.CreateSecret(ctx('ap-guangzhou'), {})).toEqual({ action: 'CreateSecret', code: 'InvalidParameterValue' });
  });

  test('requiredRegion', () => {
    expect(requiredRegion(ctx('ap-guangzhou'))).toBe('ap-guangzhou');
    expect(thrown(() => requiredRegion(ctx(undefined))).message).toContain('Region');
  });
});
