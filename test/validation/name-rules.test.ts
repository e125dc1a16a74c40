import {
  checkCidrBlock, checkCveId, checkPrepaidPeriodMonths, checkServiceAccountAction, checkTagKey, checkTagValue,
  checkValidityUntil, VALIDITY_MAX_DAYS as MAX_DAYS,

  checkInstanceName, checkNamespaceName, checkPolicyName, checkSecretName, checkServiceAccountName,
  checkServiceAccountPassword, checkTokenDescription, POLICY_NAME_RULE, SECRET_NAME_RULE, SERVICE_ACCOUNT_PASSWORD_RULE,
  TOKEN_DESCRIPTION_RULE,
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
    expect(checkPolicyName('')).toBe(POLICY_NAME_RULE);
    expect(checkPolicyName('a'.repeat(129))).toBe(POLICY_NAME_RULE);
    expect(checkPolicyName('has space')).toBe(POLICY_NAME_RULE);
  });

  test('service account passwords', () => {
    expect(checkServiceAccountPassword('Abcdefg1')).toBeUndefined();
    expect(checkServiceAccountPassword('Abcdef1')).toBe(SERVICE_ACCOUNT_PASSWORD_RULE);
    expect(checkServiceAccountPassword('abcdefg1')).toBe(SERVICE_ACCOUNT_PASSWORD_RULE);
    expect(checkServiceAccountPassword('ABCDEFG1')).toBe(SERVICE_ACCOUNT_PASSWORD_RULE);
    expect(checkServiceAccountPassword('Abcdefgh')).toBe(SERVICE_ACCOUNT_PASSWORD_RULE);
    expect(checkServiceAccountPassword('Abcdefg1'.repeat(3))).toBe(SERVICE_ACCOUNT_PASSWORD_RULE);
  });

  test('token descriptions and secret names', () => {
    expect(checkTokenDescription('x'.repeat(255))).toBeUndefined();
    expect(checkTokenDescription('x'.repeat(256))).toBe(TOKEN_DESCRIPTION_RULE);
    expect(checkSecretName('tcr-pull_secret')).toBeUndefined();
    expect(checkSecretName('_x')).toBe(SECRET_NAME_RULE);
    expect(checkSecretName('a'.repeat(129))).toBe(SECRET_NAME_RULE);
    expect(checkSecretName('')).toBe(SECRET_NAME_RULE);
  });
});

describe('validity days', () => {
  const { checkValidityDays, VALIDITY_MAX_DAYS } = jest.requireActual('../../src/validation/name-rules');
  test.each([1, 30, VALIDITY_MAX_DAYS])('%p days is valid', (d) => expect(checkValidityDays(d)).toBeUndefined());
  test.each([0, -1, 1.5, VALIDITY_MAX_DAYS + 1, NaN])('%p days is rejected', (d) => expect(checkValidityDays(d)).toMatch(/whole number of days/));
});

const RULES_NOW = Date.UTC(2026, 10, 25);
const DAY = 86_400_000;

describe('rules added for the registry constructs', () => {
  test('validity until: whole milliseconds, future, at most ten years ahead', () => {
    expect(checkValidityUntil(RULES_NOW + DAY, RULES_NOW)).toBeUndefined();
    expect(checkValidityUntil(RULES_NOW + MAX_DAYS * DAY, RULES_NOW)).toBeUndefined();
    for (const bad of [RULES_NOW, RULES_NOW - 1, RULES_NOW + MAX_DAYS * DAY + 1, RULES_NOW + 0.5, NaN, Math.floor((RULES_NOW + DAY) / 1000)]) {
      expect(checkValidityUntil(bad, RULES_NOW)).toMatch(/whole number of milliseconds since the epoch, in the future/);
    }
  });

  test.each(['team', 'cost-center', 'k'.repeat(127), 'Project-x'.slice(1)])('tag key %p is valid', (k) => {
    expect(checkTagKey(k)).toBeUndefined();
  });
  test.each(['', 'k'.repeat(128), 'qcloud:x', 'tencent-owner', 'project', 'QCLOUD_X'])('tag key %p is rejected', (k) => {
    expect(checkTagKey(k)).toMatch(/1-127 characters.*reserved prefixes/);
  });
  test('tag values', () => {
    expect(checkTagValue('')).toBeUndefined();
    expect(checkTagValue('v'.repeat(255))).toBeUndefined();
    expect(checkTagValue('v'.repeat(256))).toMatch(/at most 255/);
  });

  test('CVE ids', () => {
    expect(checkCveId('CVE-2024-1234')).toBeUndefined();
    expect(checkCveId('CVE-2021-44228')).toBeUndefined();
    for (const bad of ['CVE-2024-123', 'cve-2024-1234', 'CVE-24-1234', 'CVE-2024-1234 ', 'GHSA-xxxx']) {
      expect(checkCveId(bad)).toMatch(/CVE-YYYY-NNNN/);
    }
  });

  test('prepaid periods', () => {
    for (const ok of [1, 6, 12, 24, 36]) expect(checkPrepaidPeriodMonths(ok)).toBeUndefined();
    for (const bad of [0, 13, 18, 48, 1.5, -1]) expect(checkPrepaidPeriodMonths(bad)).toMatch(/1-12, 24 or 36/);
  });

  test('allowlist CIDR blocks', () => {
    for (const ok of ['10.0.0.0/8', '203.0.113.7', '0.0.0.0/0', '255.255.255.255/32']) expect(checkCidrBlock(ok)).toBeUndefined();
    for (const bad of ['10.0.0.256', '10.0.0.0/33', '10.0.0/8', 'fe80::1', 'example.com', '']) {
      expect(checkCidrBlock(bad)).toMatch(/IPv4 address or CIDR block/);
    }
  });

  test('service-account actions', () => {
    expect(checkServiceAccountAction('tcr:PullRepository')).toBeUndefined();
    expect(checkServiceAccountAction('tcr:PushRepository')).toBeUndefined();
    expect(checkServiceAccountAction('tcr:*')).toMatch(/must be one of tcr:CreateHelmChart, .*tcr:PushRepository/);
  });
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
