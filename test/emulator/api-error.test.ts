import { ApiError, missingParameter } from '../../src/emulator/api-error';
import { invalidValue } from '../../src/emulator/params';

test('API errors name the field, the value and the rule', () => {
  const missing = missingParameter('RegistryId');
  expect(missing).toBeInstanceOf(ApiError);
  expect(missing.code).toBe('MissingParameter');
  expect(missing.message).toContain('RegistryId');

  const invalid = invalidValue('InvalidParameterValue', 'NamespaceName', 'A', 'must be lowercase');
  expect(invalid.code).toBe('InvalidParameterValue');
  expect(invalid.message).toBe('The value "A" of parameter `NamespaceName` is invalid: must be lowercase.');
  expect(invalidValue('InvalidParameter', 'Name', 1, 'r').code).toBe('InvalidParameter');
});
