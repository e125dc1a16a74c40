import {
  checkInstanceName, checkNamespaceName, checkPolicyName, checkSecretName, checkServiceAccountName,
  checkServiceAccountPassword, checkTokenDescription,
} from '../../src/validation/name-rules';
import * as NameRules from '../../src/validation/name-rules';

describe('name rules', () => {
  test.each(['ab', 'team-a', 'a.b_c-d', 'x'.repeat(30), '0abc'])('namespace %p is valid', (n) => {
    expect(checkNamespaceName(n)).toBeUndefined();
  });
  test.each(['a', 'x'.repeat(31), 'Team', '-ab', 'ab-', 'a..b', 'a-_b', 'a b', 'ns/x'])('namespace %p is rejected', (n) => {
    expect(checkNamespaceName(n)).toMatch(/2-30 characters/);
  });

  test.each(['robot', 'ci.bot_1-x', '1bot', 'a'])('service account %p is valid', (n) => {
    expect(checkServiceAccountName(n)).toBeUndefined();
  });
  test.each(['tcr$robot', 'tcr@robot', '', '-bot', '.bot', 'Robot', 'ro bot', 'x'.repeat(65)])('service account %p is rejected', (n) => {
    expect(checkServiceAccountName(n)).toMatch(/lowercase letters/);
  });

  test.each(['acme-registry', 'reg01', 'a'.repeat(50)])('instance %p is valid', (n) => {
    expect(checkInstanceName(n)).toBeUndefined();
  });
  test.each(['acme', '1acme', 'acme-', 'Acme-registry', 'acme_registry', 'a'.repeat(51)])('instance %p is rejected', (n) => {
    expect(checkInstanceName(n)).toMatch(/5-50 characters/);
  });

  test('policy names', () => {
    expect(checkPolicyName('tcr-pull+team=a,b.c@d_e')).toBeUndefined();
    expect(checkPolicyName('')).toBeDefined();
    expect(checkPolicyName('a'.repeat(129))).toBeDefined();
    expect(checkPolicyName('has space')).toBeDefined();
  });

  test('service account passwords', () => {
    expect(checkServiceAccountPassword('Abcdefg1')).toBeUndefined();
    expect(checkServiceAccountPassword('Abcdef1')).toBeDefined();
    expect(checkServiceAccountPassword('abcdefg1')).toBeDefined();
    expect(checkServiceAccountPassword('ABCDEFG1')).toBeDefined();
    expect(checkServiceAccountPassword('Abcdefgh')).toBeDefined();
    expect(checkServiceAccountPassword('Abcdefg1'.repeat(3))).toBeDefined();
  });

  test('token descriptions and secret names', () => {
    expect(checkTokenDescription('x'.repeat(255))).toBeUndefined();
    expect(checkTokenDescription('x'.repeat(256))).toBeDefined();
    expect(checkSecretName('tcr-pull_secret')).toBeUndefined();
    expect(checkSecretName('_x')).toBeDefined();
    expect(checkSecretName('a'.repeat(129))).toBeDefined();
    expect(checkSecretName('')).toBeDefined();
  });
});

describe('validity days', () => {
  const { checkValidityDays, VALIDITY_MAX_DAYS } = jest.requireActual('../../src/validation/name-rules');
  test.each([1, 30, VALIDITY_MAX_DAYS])('%p days is valid', (d) => expect(checkValidityDays(d)).toBeUndefined());
  test.each([0, -1, 1.5, VALIDITY_MAX_DAYS + 1, NaN])('%p days is rejected', (d) => expect(checkValidityDays(d)).toMatch(/whole number of days/));
});

describe('registry types and SSM rules', () => {
  test('registry types', () => {
    for (const type of ['basic', 'standard', 'premium']) expect(NameRules.checkRegistryType(type)).toBeUndefined();
    expect(NameRules.checkRegistryType('Basic')).toBe(NameRules.REGISTRY_TYPE_RULE);
  });

  test('secret version ids', () => {
    expect(NameRules.checkSecretVersionId('v1.2_3-x')).toBeUndefined();
    expect(NameRules.checkSecretVersionId('x'.repeat(64))).toBeUndefined();
    expect(NameRules.checkSecretVersionId('x'.repeat(65))).toBe(NameRules.SECRET_VERSION_ID_RULE);
    expect(NameRules.checkSecretVersionId('')).toBe(NameRules.SECRET_VERSION_ID_RULE);
    expect(NameRules.checkSecretVersionId('_v')).toBe(NameRules.SECRET_VERSION_ID_RULE);
    expect(NameRules.checkSecretVersionId('v/1')).toBe(NameRules.SECRET_VERSION_ID_RULE);
  });

  test('limits', () => {
    expect(NameRules.SSM_LIMITS.versionsPerSecret).toBe(10);
    expect(NameRules.TEMP_TOKEN_VALIDITY_MS).toBe(3_600_000);
  });
});
