import { harness, OTHER_ROOT, ROOT, TestHarness } from './test-context';
import { DEFAULT_VERSION_ID, ssmService } from '../../../src/emulator/services/ssm';

const DAY = 24 * 60 * 60 * 1000;
const CANARY = 'canary-SECRET-value-7f3a9';

function withSecret(h: TestHarness, name = 'tcr-cred', extra: Record<string, any> = {}) {
  return h.call('CreateSecret', { SecretName: name, VersionId: 'v1', SecretString: CANARY, ...extra });
}

test('create, read, describe and list versions', () => {
  const h = harness(ssmService);
  expect(withSecret(h, 'tcr-cred', { Description: 'docker config' })).toEqual({ SecretName: 'tcr-cred', VersionId: 'v1', TagCode: 0, TagMsg: '' });
  expect(h.authorized.at(-1)).toEqual({ action: 'ssm:CreateSecret', resources: [`qcs::ssm:ap-guangzhou:uin/${ROOT.ownerUin}:secret/tcr-cred`] });
  expect(h.call('GetSecretValue', { SecretName: 'tcr-cred', VersionId: 'v1' })).toEqual({ SecretName: 'tcr-cred', VersionId: 'v1', SecretString: CANARY, SecretBinary: '' });
  expect(h.authorized.at(-1)?.action).toBe('ssm:GetSecretValue');
  const described = h.call('DescribeSecret', { SecretName: 'tcr-cred' });
  expect(described).toMatchObject({ SecretName: 'tcr-cred', Description: 'docker config', Status: 'Enabled', CreateTime: Math.floor(h.clock.now / 1000), DeleteTime: 0, SecretType: 0, CreateUin: Number(ROOT.uin) });
  expect(JSON.stringify(described)).not.toContain(CANARY);
  h.clock.now += 5000;
  h.call('PutSecretValue', { SecretName: 'tcr-cred', VersionId: 'v2', SecretBinary: Buffer.from('bin').toString('base64') });
  expect(h.call('GetSecretValue', { SecretName: 'tcr-cred', VersionId: 'v2' }).SecretBinary).toBe('Ymlu');
  expect(h.call('ListSecretVersionIds', { SecretName: 'tcr-cred' }).Versions.map((v: any) => v.VersionId)).toEqual(['v1', 'v2']);
  // Default version id.
  expect(h.call('CreateSecret', { SecretName: 'plain', SecretString: 'x' }).VersionId).toBe(DEFAULT_VERSION_ID);
});

test('validation names the field and the rule, never the value', () => {
  const h = harness(ssmService);
  const badName = h.fail('CreateSecret', { SecretName: '-bad name', SecretString: 'x' });
  expect(badName.code).toBe('InvalidParameterValue');
  expect(badName.message).toContain('SecretName');
  expect(h.fail('CreateSecret', { SecretName: 'ok', VersionId: '.v', SecretString: 'x' }).message).toContain('VersionId');
  const both = h.fail('CreateSecret', { SecretName: 'ok', SecretString: CANARY, SecretBinary: 'eA==' });
  expect(both.message).toMatch(/SecretString.*SecretBinary/);
  expect(both.message).not.toContain(CANARY);
  expect(h.fail('CreateSecret', { SecretName: 'ok' }).code).toBe('InvalidParameterValue');
  expect(h.fail('CreateSecret', { SecretName: 'ok', SecretBinary: 'not base64!' }).message).toContain('SecretBinary');
  const huge = h.fail('CreateSecret', { SecretName: 'ok', SecretString: 'x'.repeat(32 * 1024 + 1) });
  expect(huge.message).toContain('SecretString');
  expect(huge.message).toContain('32768');
  expect(h.fail('CreateSecret', { SecretName: 'ok', SecretString: 'x', Description: 'd'.repeat(2049) }).message).toContain('Description');
  expect(h.fail('CreateSecret', { SecretName: 'ok', SecretString: 'x', SecretType: 2 }).message).toContain('SecretType');
  expect(h.fail('CreateSecret', { SecretName: 'ok', SecretString: 'x', Tags: [{ TagKey: 'a', TagValue: '1' }, { TagKey: 'a', TagValue: '2' }] }).code)
    .toBe('InvalidParameterValue.TagKeysDuplicated');
  expect(h.fail('CreateSecret', { SecretName: 'ok', SecretString: 'x', Tags: [{ TagKey: '' }] }).message).toContain('Tags.0');
  expect(h.fail('CreateSecret', { SecretName: 'ok', SecretString: 'x', Tags: 'a' }).message).toContain('Tags');
  expect(h.fail('CreateSecret', { SecretString: 'x' }).code).toBe('MissingParameter');
  expect(h.fail('CreateSecret', { SecretName: 'ok', SecretString: 'x' }, { region: null }).message).toContain('Region');
  expect(h.fail('CreateSecret', { SecretName: 'ok', SecretString: 5 }).message).toContain('SecretString');
  expect(h.fail('GetSecretValue', { SecretName: 'ok' }).code).toBe('MissingParameter');
});

test('conflicts: names, version ids, and the 10-version limit', () => {
  const h = harness(ssmService);
  withSecret(h);
  expect(h.fail('CreateSecret', { SecretName: 'tcr-cred', SecretString: 'x' }).code).toBe('ResourceInUse.SecretExists');
  expect(h.fail('PutSecretValue', { SecretName: 'tcr-cred', VersionId: 'v1', SecretString: 'x' }).code).toBe('ResourceInUse.VersionIdExists');
  for (let i = 2; i <= 10; i++) h.call('PutSecretValue', { SecretName: 'tcr-cred', VersionId: `v${i}`, SecretString: 'x' });
  const full = h.fail('PutSecretValue', { SecretName: 'tcr-cred', VersionId: 'v11', SecretString: 'x' });
  expect(full.code).toBe('LimitExceeded');
  expect(full.message).toContain('10');
  h.call('DeleteSecretVersion', { SecretName: 'tcr-cred', VersionId: 'v1' });
  h.call('PutSecretValue', { SecretName: 'tcr-cred', VersionId: 'v11', SecretString: 'x' });
  expect(h.call('ListSecretVersionIds', { SecretName: 'tcr-cred' }).Versions).toHaveLength(10);
  expect(h.fail('DeleteSecretVersion', { SecretName: 'tcr-cred', VersionId: 'v1' }).code).toBe('ResourceNotFound');
  // Secrets are per account and region.
  expect(h.fail('GetSecretValue', { SecretName: 'tcr-cred', VersionId: 'v2' }, { caller: OTHER_ROOT }).code).toBe('ResourceNotFound');
  expect(h.fail('GetSecretValue', { SecretName: 'tcr-cred', VersionId: 'v2' }, { region: 'ap-shanghai' }).code).toBe('ResourceNotFound');
});

test('update overwrites a version; the last version can be deleted', () => {
  const h = harness(ssmService);
  withSecret(h);
  h.call('UpdateSecret', { SecretName: 'tcr-cred', VersionId: 'v1', SecretBinary: 'eA==' });
  expect(h.call('GetSecretValue', { SecretName: 'tcr-cred', VersionId: 'v1' })).toMatchObject({ SecretString: '', SecretBinary: 'eA==' });
  expect(h.fail('UpdateSecret', { SecretName: 'tcr-cred', VersionId: 'v9', SecretString: 'x' }).message).toContain('v9');
  h.call('DeleteSecretVersion', { SecretName: 'tcr-cred', VersionId: 'v1' });
  expect(h.call('ListSecretVersionIds', { SecretName: 'tcr-cred' }).Versions).toEqual([]);
  expect(h.fail('GetSecretValue', { SecretName: 'tcr-cred', VersionId: 'v1' }).code).toBe('ResourceNotFound');
});

test('disable, enable, description', () => {
  const h = harness(ssmService);
  withSecret(h);
  h.call('DisableSecret', { SecretName: 'tcr-cred' });
  expect(h.fail('GetSecretValue', { SecretName: 'tcr-cred', VersionId: 'v1' }).code).toBe('ResourceUnavailable.ResourceDisabled');
  // A disabled secret still takes new versions.
  h.call('PutSecretValue', { SecretName: 'tcr-cred', VersionId: 'v2', SecretString: 'y' });
  h.call('EnableSecret', { SecretName: 'tcr-cred' });
  expect(h.call('GetSecretValue', { SecretName: 'tcr-cred', VersionId: 'v2' }).SecretString).toBe('y');
  h.call('UpdateDescription', { SecretName: 'tcr-cred', Description: 'new words' });
  expect(h.call('DescribeSecret', { SecretName: 'tcr-cred' }).Description).toBe('new words');
  expect(h.fail('UpdateDescription', { SecretName: 'tcr-cred' }).message).toContain('Description');
  expect(h.fail('UpdateDescription', { SecretName: 'tcr-cred', Description: 'd'.repeat(2049) }).message).toContain('2048');
});

test('deletion: must be disabled; immediate or scheduled on the virtual clock; restore', () => {
  const h = harness(ssmService);
  withSecret(h, 'now');
  withSecret(h, 'later');
  const enabled = h.fail('DeleteSecret', { SecretName: 'now' });
  expect(enabled.code).toBe('FailedOperation');
  expect(enabled.message).toContain('DisableSecret');
  h.call('DisableSecret', { SecretName: 'now' });
  expect(h.call('DeleteSecret', { SecretName: 'now', RecoveryWindowInDays: 0 }).SecretName).toBe('now');
  expect(h.fail('DescribeSecret', { SecretName: 'now' }).code).toBe('ResourceNotFound');
  withSecret(h, 'now'); // the name is free again

  h.call('DisableSecret', { SecretName: 'later' });
  expect(h.fail('DeleteSecret', { SecretName: 'later', RecoveryWindowInDays: 31 }).message).toContain('RecoveryWindowInDays');
  const scheduled = h.call('DeleteSecret', { SecretName: 'later', RecoveryWindowInDays: 7 });
  expect(scheduled.DeleteTime).toBe(Math.floor((h.clock.now + 7 * DAY) / 1000));
  expect(h.call('DescribeSecret', { SecretName: 'later' })).toMatchObject({ Status: 'PendingDelete', DeleteTime: scheduled.DeleteTime });
  expect(h.fail('GetSecretValue', { SecretName: 'later', VersionId: 'v1' }).code).toBe('ResourceUnavailable.ResourcePendingDeleted');
  expect(h.fail('EnableSecret', { SecretName: 'later' }).message).toContain('RestoreSecret');
  expect(h.fail('DisableSecret', { SecretName: 'later' }).code).toBe('FailedOperation');
  expect(h.fail('PutSecretValue', { SecretName: 'later', VersionId: 'v2', SecretString: 'x' }).code).toBe('FailedOperation');
  expect(h.fail('UpdateSecret', { SecretName: 'later', VersionId: 'v1', SecretString: 'x' }).code).toBe('FailedOperation');
  expect(h.fail('UpdateDescription', { SecretName: 'later', Description: 'x' }).code).toBe('FailedOperation');
  expect(h.fail('DeleteSecret', { SecretName: 'later', RecoveryWindowInDays: 7 }).message).toContain('already scheduled');
  expect(h.fail('CreateSecret', { SecretName: 'later', SecretString: 'x' }).code).toBe('ResourceInUse.SecretExists');

  h.call('RestoreSecret', { SecretName: 'later' });
  expect(h.call('DescribeSecret', { SecretName: 'later' })).toMatchObject({ Status: 'Disabled', DeleteTime: 0 });
  expect(h.fail('RestoreSecret', { SecretName: 'later' }).message).toContain('not PendingDelete');

  h.call('DeleteSecret', { SecretName: 'later', RecoveryWindowInDays: 1 });
  h.clock.now += DAY - 1;
  expect(h.call('DescribeSecret', { SecretName: 'later' }).Status).toBe('PendingDelete');
  h.clock.now += 1;
  expect(h.fail('DescribeSecret', { SecretName: 'later' }).code).toBe('ResourceNotFound');
});

test('ListSecrets filters, orders and pages', () => {
  const h = harness(ssmService);
  withSecret(h, 'alpha', { Tags: [{ TagKey: 'team', TagValue: 'a' }] });
  h.clock.now += 1000;
  withSecret(h, 'beta', { Tags: [{ TagKey: 'team', TagValue: 'b' }] });
  h.clock.now += 1000;
  withSecret(h, 'gamma');
  h.call('DisableSecret', { SecretName: 'gamma' });
  withSecret(h, 'elsewhere', {}); // same account, other region below
  h.call('CreateSecret', { SecretName: 'far', SecretString: 'x' }, { region: 'ap-shanghai' });
  const names = (r: any) => r.SecretMetadatas.map((m: any) => m.SecretName);
  const all = h.call('ListSecrets', {});
  expect(all.TotalCount).toBe(4);
  expect(names(all)).toEqual(['elsewhere', 'gamma', 'beta', 'alpha']);
  expect(JSON.stringify(all)).not.toContain(CANARY);
  expect(h.authorized.at(-1)).toEqual({ action: 'ssm:ListSecrets', resources: [`qcs::ssm:ap-guangzhou:uin/${ROOT.ownerUin}:secret/*`] });
  expect(names(h.call('ListSecrets', { OrderType: 1, Limit: 2 }))).toEqual(['alpha', 'beta']);
  expect(names(h.call('ListSecrets', { OrderType: 1, Limit: 2, Offset: 2 }))).toEqual(['elsewhere', 'gamma']);
  expect(names(h.call('ListSecrets', { State: 2 }))).toEqual(['gamma']);
  expect(names(h.call('ListSecrets', { State: 4 }))).toEqual([]);
  expect(names(h.call('ListSecrets', { SearchSecretName: 'mm' }))).toEqual(['gamma']);
  expect(names(h.call('ListSecrets', { TagFilters: [{ TagKey: 'team', TagValue: ['b'] }] }))).toEqual(['beta']);
  expect(names(h.call('ListSecrets', { TagFilters: [{ TagKey: 'team' }] }))).toEqual(['beta', 'alpha']);
  expect(names(h.call('ListSecrets', { SecretType: 1 }))).toEqual([]);
  expect(h.fail('ListSecrets', { TagFilters: [{}] }).message).toContain('TagFilters');
  expect(h.fail('ListSecrets', { OrderType: 2 }).message).toContain('OrderType');
  expect(h.fail('ListSecrets', {}, { region: null }).code).toBe('MissingParameter');
});

test('CAM denial stops the call before any change', () => {
  const h = harness(ssmService);
  withSecret(h);
  h.deny.add('ssm:DeleteSecretVersion');
  expect(h.fail('DeleteSecretVersion', { SecretName: 'tcr-cred', VersionId: 'v1' }).code).toBe('UnauthorizedOperation');
  expect(h.call('ListSecretVersionIds', { SecretName: 'tcr-cred' }).Versions).toHaveLength(1);
});

test('the per-region limit of 1000 secrets', () => {
  const h = harness(ssmService);
  for (let i = 0; i < 1000; i++) h.call('CreateSecret', { SecretName: `s${i}`, SecretString: 'x' });
  expect(h.fail('CreateSecret', { SecretName: 'one-more', SecretString: 'x' }).code).toBe('LimitExceeded');
  expect(h.call('CreateSecret', { SecretName: 'one-more', SecretString: 'x' }, { region: 'ap-beijing' }).SecretName).toBe('one-more');
});
