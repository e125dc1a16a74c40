import { harness, OTHER_ROOT, ROOT, TestHarness } from './test-context';
import { tcrService, tcrState, verifyRegistryLogin, generateServiceAccountPassword } from '../../../src/emulator/services/tcr';
import { checkServiceAccountPassword, SERVICE_ACCOUNT_ACTIONS } from '../../../src/validation/name-rules';

const DAY = 24 * 60 * 60 * 1000;

function withInstance(h: TestHarness, name = 'demo-registry'): string {
  return h.call('CreateInstance', { RegistryName: name, RegistryType: 'basic' }).RegistryId;
}

function withNamespace(h: TestHarness, id: string, ns = 'team-a'): void {
  h.call('CreateNamespace', { RegistryId: id, NamespaceName: ns, IsPublic: false });
}

describe('instances', () => {
  test('create, describe and delete', () => {
    const h = harness(tcrService);
    const id = withInstance(h);
    expect(id).toMatch(/^tcr-[a-z0-9]{8}$/);
    expect(h.authorized.at(-1)).toEqual({ action: 'tcr:CreateInstance', resources: [`qcs::tcr:ap-guangzhou:uin/${ROOT.ownerUin}:instance/${id}`] });
    const described = h.call('DescribeInstances', { Registryids: [id] });
    expect(described.TotalCount).toBe(1);
    expect(described.Registries[0]).toMatchObject({
      RegistryId: id,
      RegistryName: 'demo-registry',
      RegistryType: 'basic',
      Status: 'Running',
      PublicDomain: 'demo-registry.tencentcloudcr.com',
      RegionName: 'ap-guangzhou',
      RegionId: 1,
      PayMod: 0,
      DeletionProtection: false,
    });
    h.call('DeleteInstance', { RegistryId: id });
    expect(h.call('DescribeInstances', {}).TotalCount).toBe(0);
    expect(h.fail('DeleteInstance', { RegistryId: id }).code).toBe('ResourceNotFound');
  });

  test('validation names the field and the rule', () => {
    const h = harness(tcrService);
    const bad = h.fail('CreateInstance', { RegistryName: 'Bad_Name', RegistryType: 'basic' });
    expect(bad.code).toBe('InvalidParameter.ErrorNameIllegal');
    expect(bad.message).toContain('RegistryName');
    expect(bad.message).toContain('Bad_Name');
    const type = h.fail('CreateInstance', { RegistryName: 'good-name', RegistryType: 'gold' });
    expect(type.code).toBe('InvalidParameter');
    expect(type.message).toMatch(/RegistryType.*basic, standard, premium/);
    expect(h.fail('CreateInstance', { RegistryType: 'basic' }).code).toBe('MissingParameter');
    expect(h.fail('CreateInstance', { RegistryName: 'good-name', RegistryType: 'basic' }, { region: null }).message).toContain('Region');
    expect(h.fail('CreateInstance', { RegistryName: 'good-name', RegistryType: 'basic', RegistryChargeType: 1 }).message).toContain('RegistryChargePrepaid');
    expect(h.fail('CreateInstance', { RegistryName: 'good-name', RegistryType: 'basic', RegistryChargeType: 1, RegistryChargePrepaid: { RenewFlag: 1 } }).message)
      .toContain('RegistryChargePrepaid.Period');
    expect(h.fail('CreateInstance', { RegistryName: 'good-name', RegistryType: 'basic', RegistryChargeType: 3 }).message).toContain('RegistryChargeType');
    const tags = Array.from({ length: 11 }, (_, i) => ({ Key: `k${i}`, Value: 'v' }));
    expect(h.fail('CreateInstance', { RegistryName: 'good-name', RegistryType: 'basic', TagSpecification: { ResourceType: 'instance', Tags: tags } }).code)
      .toBe('InvalidParameter.ErrorTagOverLimit');
    expect(h.fail('CreateInstance', { RegistryName: 'good-name', RegistryType: 'basic', TagSpecification: { Tags: [{ Key: '' }] } }).message)
      .toContain('TagSpecification.Tags.0');
    expect(h.fail('CreateInstance', { RegistryName: 'good-name', RegistryType: 'basic', TagSpecification: 'x' }).message).toContain('TagSpecification');
    expect(h.fail('CreateInstance', { RegistryName: 5, RegistryType: 'basic' }).message).toContain('must be a string');
  });

  test('names are globally unique (they are DNS labels)', () => {
    const h = harness(tcrService);
    withInstance(h, 'shared-name');
    const dup = h.fail('CreateInstance', { RegistryName: 'shared-name', RegistryType: 'premium' }, { caller: OTHER_ROOT, region: 'ap-shanghai' });
    expect(dup.code).toBe('InvalidParameter.ErrorNameExists');
  });

  test('prepaid instances, tags, filters, paging and regions', () => {
    const h = harness(tcrService);
    const a = h.call('CreateInstance', {
      RegistryName: 'alpha-reg',
      RegistryType: 'standard',
      RegistryChargeType: 1,
      RegistryChargePrepaid: { Period: 12, RenewFlag: 1 },
      TagSpecification: { ResourceType: 'instance', Tags: [{ Key: 'team', Value: 'a' }] },
      DeletionProtection: true,
    }).RegistryId;
    h.clock.now += 1000;
    withInstance(h, 'beta-reg');
    h.call('CreateInstance', { RegistryName: 'gamma-reg', RegistryType: 'basic' }, { region: 'ap-shanghai' });
    h.call('CreateInstance', { RegistryName: 'other-reg', RegistryType: 'basic' }, { caller: OTHER_ROOT });
    const inRegion = h.call('DescribeInstances', {});
    expect(inRegion.Registries.map((r: any) => r.RegistryName)).toEqual(['alpha-reg', 'beta-reg']);
    expect(inRegion.Registries[0]).toMatchObject({ PayMod: 1, RenewFlag: 1, DeletionProtection: true, TagSpecification: { Tags: [{ Key: 'team', Value: 'a' }] } });
    expect(inRegion.Registries[0].ExpiredAt).not.toBe('');
    expect(h.call('DescribeInstances', { AllRegion: true }).TotalCount).toBe(3);
    expect(h.call('DescribeInstances', { Filters: [{ Name: 'RegistryName', Values: ['beta-reg'] }] }).Registries.map((r: any) => r.RegistryName)).toEqual(['beta-reg']);
    expect(h.call('DescribeInstances', { Limit: 1, Offset: 1 }).Registries.map((r: any) => r.RegistryName)).toEqual(['beta-reg']);
    expect(h.fail('DescribeInstances', { Filters: [{ Name: 'Colour', Values: ['x'] }] }).message).toContain('Filters.0.Name');
    expect(h.fail('DescribeInstances', { Registryids: 'tcr-1' }).message).toContain('Registryids');
    expect(h.fail('DescribeInstances', { Limit: -1 }).message).toContain('Limit');
    expect(h.authorized.at(-3)?.resources).toEqual([`qcs::tcr:ap-guangzhou:uin/${ROOT.ownerUin}:instance/*`]);
    // Deletion protection blocks deletion; DryRun checks without deleting.
    expect(h.fail('DeleteInstance', { RegistryId: a }).code).toBe('OperationDenied');
    const beta = inRegion.Registries[1].RegistryId;
    h.call('DeleteInstance', { RegistryId: beta, DryRun: true });
    expect(h.call('DescribeInstances', { Registryids: [beta] }).TotalCount).toBe(1);
    // Another account or region cannot see the instance.
    expect(h.fail('DeleteInstance', { RegistryId: beta }, { caller: OTHER_ROOT }).code).toBe('ResourceNotFound');
    expect(h.fail('DeleteInstance', { RegistryId: beta }, { region: 'ap-shanghai' }).code).toBe('ResourceNotFound');
  });

  test('deleting an instance removes its namespaces, accounts and tokens', () => {
    const h = harness(tcrService);
    const id = withInstance(h);
    withNamespace(h, id);
    h.call('CreateServiceAccount', { RegistryId: id, Name: 'ci', Permissions: [{ Resource: 'team-a', Actions: ['tcr:PullRepository'] }] });
    h.call('DeleteInstance', { RegistryId: id });
    expect(tcrState(h.state).instances[id]).toBeUndefined();
    expect(h.fail('DescribeNamespaces', { RegistryId: id }).code).toBe('ResourceNotFound');
  });
});

describe('namespaces', () => {
  test('create, describe, filter and delete', () => {
    const h = harness(tcrService);
    const id = withInstance(h);
    h.call('CreateNamespace', {
      RegistryId: id,
      NamespaceName: 'team-a',
      IsPublic: true,
      IsAutoScan: true,
      IsPreventVUL: true,
      Severity: 'high',
      CVEWhitelistItems: [{ CVEID: 'CVE-2024-1' }],
      TagSpecification: { ResourceType: 'namespace', Tags: [{ Key: 'env', Value: 'prod' }] },
    });
    expect(h.authorized.at(-1)).toEqual({ action: 'tcr:CreateNamespace', resources: [`qcs::tcr:ap-guangzhou:uin/${ROOT.ownerUin}:repository/${id}/team-a`] });
    withNamespace(h, id, 'team-b');
    const all = h.call('DescribeNamespaces', { RegistryId: id });
    expect(all.TotalCount).toBe(2);
    expect(all.NamespaceList[0]).toMatchObject({ Name: 'team-a', Public: true, NamespaceId: 1, AutoScan: true, PreventVUL: true, Severity: 'high', CVEWhitelistItems: [{ CVEID: 'CVE-2024-1' }] });
    expect(h.authorized.at(-1)?.resources).toEqual([`qcs::tcr:ap-guangzhou:uin/${ROOT.ownerUin}:repository/${id}/*`]);
    expect(h.call('DescribeNamespaces', { RegistryId: id, NamespaceName: 'team-b' }).NamespaceList.map((n: any) => n.Name)).toEqual(['team-b']);
    expect(h.call('DescribeNamespaces', { RegistryId: id, NamespaceName: 'team' }).NamespaceList.map((n: any) => n.Name)).toEqual(['team-a', 'team-b']);
    expect(h.call('DescribeNamespaces', { RegistryId: id, NamespaceName: 'nope' }).TotalCount).toBe(0);
    expect(h.call('DescribeNamespaces', { RegistryId: id, Filters: [{ Name: 'Tags', Values: ['env:prod'] }] }).NamespaceList.map((n: any) => n.Name)).toEqual(['team-a']);
    expect(h.call('DescribeNamespaces', { RegistryId: id, Limit: 1, Offset: 1 }).NamespaceList.map((n: any) => n.Name)).toEqual(['team-b']);
    expect(h.call('DescribeNamespaces', { RegistryId: id, Limit: 1, All: true }).NamespaceList).toHaveLength(2);
    expect(h.fail('DescribeNamespaces', { RegistryId: id, Filters: [{ Name: 'Name' }] }).message).toContain('Filters.0.Name');
    h.call('DeleteNamespace', { RegistryId: id, NamespaceName: 'team-b' });
    expect(h.authorized.at(-1)?.action).toBe('tcr:DeleteRepository');
    expect(h.fail('DeleteNamespace', { RegistryId: id, NamespaceName: 'team-b' }).code).toBe('ResourceNotFound.TcrResourceNotFound');
  });

  test('rules, conflicts and non-empty namespaces', () => {
    const h = harness(tcrService);
    const id = withInstance(h);
    const bad = h.fail('CreateNamespace', { RegistryId: id, NamespaceName: 'Team_A', IsPublic: false });
    expect(bad.code).toBe('InvalidParameter');
    expect(bad.message).toContain('NamespaceName');
    expect(bad.message).toContain('2-30 characters');
    expect(h.fail('CreateNamespace', { RegistryId: id, NamespaceName: 'ok-ns' }).message).toContain('IsPublic');
    expect(h.fail('CreateNamespace', { RegistryId: id, NamespaceName: 'ok-ns', IsPublic: false, Severity: 'critical' }).message).toContain('Severity');
    expect(h.fail('CreateNamespace', { RegistryId: id, NamespaceName: 'ok-ns', IsPublic: false, CVEWhitelistItems: [{}] }).message).toContain('CVEWhitelistItems');
    expect(h.fail('CreateNamespace', { RegistryId: 'tcr-missing1', NamespaceName: 'ok-ns', IsPublic: false }).code).toBe('ResourceNotFound');
    withNamespace(h, id, 'ok-ns');
    expect(h.fail('CreateNamespace', { RegistryId: id, NamespaceName: 'ok-ns', IsPublic: true }).code).toBe('FailedOperation.ErrorTcrResourceConflict');
    tcrState(h.state).instances[id].namespaces['ok-ns'].repositories.push('app');
    const busy = h.fail('DeleteNamespace', { RegistryId: id, NamespaceName: 'ok-ns' });
    expect(busy.code).toBe('FailedOperation.PreconditionFailed');
  });

  test('deleting a namespace drops service-account grants on it', () => {
    const h = harness(tcrService);
    const id = withInstance(h);
    withNamespace(h, id, 'team-a');
    withNamespace(h, id, 'team-b');
    h.call('CreateServiceAccount', {
      RegistryId: id,
      Name: 'ci',
      Permissions: [{ Resource: 'team-a', Actions: ['tcr:PullRepository'] }, { Resource: 'team-b', Actions: ['tcr:PushRepository'] }],
    });
    h.call('DeleteNamespace', { RegistryId: id, NamespaceName: 'team-a' });
    const listed = h.call('DescribeServiceAccounts', { RegistryId: id, EmbedPermission: true });
    expect(listed.ServiceAccounts[0].Permissions).toEqual([{ Resource: 'team-b', Actions: ['tcr:PushRepository'] }]);
  });
});

describe('service accounts', () => {
  function setup(): { h: TestHarness; id: string } {
    const h = harness(tcrService);
    const id = withInstance(h);
    withNamespace(h, id, 'team-a');
    withNamespace(h, id, 'team-b');
    return { h, id };
  }

  test('create returns the tcr$ name and a one-time password that logs in', () => {
    const { h, id } = setup();
    const created = h.call('CreateServiceAccount', {
      RegistryId: id,
      Name: 'robot',
      Description: 'CI',
      Duration: 30,
      Permissions: [{ Resource: 'team-a', Actions: ['tcr:PullRepository', 'tcr:PushRepository', 'tcr:PullRepository'] }],
    });
    expect(created.Name).toBe('tcr$robot');
    expect(checkServiceAccountPassword(created.Password)).toBeUndefined();
    expect(created.ExpiresAt).toBe(h.clock.now + 30 * DAY);
    expect(h.authorized.at(-1)).toEqual({ action: 'tcr:CreateServiceAccount', resources: ['*'] });
    // The password is shown once: not in any later response, not in the state.
    const listed = h.call('DescribeServiceAccounts', { RegistryId: id, EmbedPermission: true });
    expect(JSON.stringify(listed)).not.toContain(created.Password);
    expect(JSON.stringify(h.state)).not.toContain(created.Password);
    expect(listed.ServiceAccounts[0]).toMatchObject({
      Name: 'tcr$robot',
      Description: 'CI',
      Disable: false,
      ExpiresAt: created.ExpiresAt,
      Permissions: [{ Resource: 'team-a', Actions: ['tcr:PullRepository', 'tcr:PushRepository'] }],
    });
    const login = verifyRegistryLogin(h.state, id, 'tcr$robot', created.Password, h.clock.now);
    expect(login).toMatchObject({ ok: true, kind: 'service-account', permissions: [{ resource: 'team-a', actions: ['tcr:PullRepository', 'tcr:PushRepository'] }] });
    expect(verifyRegistryLogin(h.state, id, 'tcr@robot', created.Password, h.clock.now).ok).toBe(true);
    expect(verifyRegistryLogin(h.state, id, 'tcr$robot', 'Wrong1234', h.clock.now).ok).toBe(false);
    expect(verifyRegistryLogin(h.state, 'tcr-nothere', 'tcr$robot', created.Password, h.clock.now).ok).toBe(false);
  });

  test('expiry follows Duration (wins), ExpiresAt (ms) and the permanent convention on the virtual clock', () => {
    const { h, id } = setup();
    const perms = [{ Resource: 'team-a', Actions: ['tcr:PullRepository'] }];
    const both = h.call('CreateServiceAccount', { RegistryId: id, Name: 'both', Permissions: perms, Duration: 1, ExpiresAt: h.clock.now + 99 * DAY });
    expect(both.ExpiresAt).toBe(h.clock.now + DAY);
    const at = h.call('CreateServiceAccount', { RegistryId: id, Name: 'at', Permissions: perms, ExpiresAt: h.clock.now + 2 * DAY });
    expect(at.ExpiresAt).toBe(h.clock.now + 2 * DAY);
    const forever = h.call('CreateServiceAccount', { RegistryId: id, Name: 'forever', Permissions: perms, Duration: 0 });
    expect(forever.ExpiresAt).toBe(0);
    expect(h.call('CreateServiceAccount', { RegistryId: id, Name: 'unset', Permissions: perms }).ExpiresAt).toBe(0);
    expect(h.call('CreateServiceAccount', { RegistryId: id, Name: 'zero', Permissions: perms, ExpiresAt: 0 }).ExpiresAt).toBe(0);

    h.clock.now += DAY; // exactly at expiry
    expect(verifyRegistryLogin(h.state, id, 'tcr$both', both.Password, h.clock.now)).toMatchObject({ ok: false, reason: expect.stringContaining('expired') });
    expect(verifyRegistryLogin(h.state, id, 'tcr$at', at.Password, h.clock.now).ok).toBe(true);
    h.clock.now += 3650 * DAY;
    expect(verifyRegistryLogin(h.state, id, 'tcr$forever', forever.Password, h.clock.now).ok).toBe(true);

    // Seconds instead of milliseconds land in the past and are rejected, naming the field.
    const seconds = h.fail('CreateServiceAccount', { RegistryId: id, Name: 'secs', Permissions: perms, ExpiresAt: 1676897989 });
    expect(seconds.code).toBe('InvalidParameter');
    expect(seconds.message).toContain('ExpiresAt');
    expect(h.fail('CreateServiceAccount', { RegistryId: id, Name: 'neg', Permissions: perms, Duration: -1 }).message).toContain('Duration');
    expect(h.fail('CreateServiceAccount', { RegistryId: id, Name: 'huge', Permissions: perms, Duration: 36500 }).message).toContain('Duration');
    expect(h.fail('CreateServiceAccount', { RegistryId: id, Name: 'str', Permissions: perms, Duration: '3' }).message).toContain('Duration');
  });

  test('permissions are limited to the service-account actions and existing namespaces', () => {
    const { h, id } = setup();
    const wrongAction = h.fail('CreateServiceAccount', { RegistryId: id, Name: 'x', Permissions: [{ Resource: 'team-a', Actions: ['tcr:DeleteRepository'] }] });
    expect(wrongAction.message).toContain('Permissions.0.Actions');
    expect(wrongAction.message).toContain(SERVICE_ACCOUNT_ACTIONS[0]);
    expect(h.fail('CreateServiceAccount', { RegistryId: id, Name: 'x', Permissions: [{ Resource: 'team-z', Actions: ['tcr:PullRepository'] }] }).message)
      .toContain('Permissions.0.Resource');
    expect(h.fail('CreateServiceAccount', { RegistryId: id, Name: 'x', Permissions: [{ Resource: 'team-a', Actions: [] }] }).message).toContain('Permissions.0.Actions');
    expect(h.fail('CreateServiceAccount', { RegistryId: id, Name: 'x', Permissions: [] }).message).toContain('Permissions');
    expect(h.fail('CreateServiceAccount', { RegistryId: id, Name: 'x', Permissions: [null] }).message).toContain('Permissions.0');
    expect(h.fail('CreateServiceAccount', { RegistryId: id, Name: 'x' }).code).toBe('MissingParameter');
    const prefixed = h.fail('CreateServiceAccount', { RegistryId: id, Name: 'tcr$x', Permissions: [{ Resource: 'team-a', Actions: ['tcr:PullRepository'] }] });
    expect(prefixed.message).toContain('Name');
    expect(h.fail('CreateServiceAccount', { RegistryId: 'tcr-nothere', Name: 'x', Permissions: [] }).code).toBe('InvalidParameter');
  });

  test('duplicates, disable, modify and delete (bare or prefixed names)', () => {
    const { h, id } = setup();
    const perms = [{ Resource: 'team-a', Actions: ['tcr:PullRepository'] }];
    const created = h.call('CreateServiceAccount', { RegistryId: id, Name: 'robot', Permissions: perms, Disable: true });
    expect(h.fail('CreateServiceAccount', { RegistryId: id, Name: 'robot', Permissions: perms }).code).toBe('OperationDenied');
    expect(verifyRegistryLogin(h.state, id, 'tcr$robot', created.Password, h.clock.now)).toMatchObject({ ok: false, reason: expect.stringContaining('disabled') });
    h.clock.now += 1000;
    h.call('ModifyServiceAccount', {
      RegistryId: id,
      Name: 'tcr$robot',
      Disable: false,
      Description: 'now on',
      Duration: 7,
      Permissions: [{ Resource: 'team-b', Actions: ['tcr:PushRepository'] }],
    });
    const after = h.call('DescribeServiceAccounts', { RegistryId: id, EmbedPermission: true }).ServiceAccounts[0];
    expect(after).toMatchObject({ Disable: false, Description: 'now on', ExpiresAt: h.clock.now + 7 * DAY, Permissions: [{ Resource: 'team-b', Actions: ['tcr:PushRepository'] }] });
    expect(after.UpdateTime).not.toBe(after.CreateTime);
    expect(verifyRegistryLogin(h.state, id, 'tcr$robot', created.Password, h.clock.now).ok).toBe(true);
    // A failed modify changes nothing.
    expect(h.fail('ModifyServiceAccount', { RegistryId: id, Name: 'robot', Description: 'x', Permissions: [{ Resource: 'nope', Actions: ['tcr:PullRepository'] }] }).message)
      .toContain('Permissions.0.Resource');
    expect(h.call('DescribeServiceAccounts', { RegistryId: id }).ServiceAccounts[0].Description).toBe('now on');
    h.call('ModifyServiceAccount', { RegistryId: id, Name: 'robot', ExpiresAt: 0 });
    expect(h.call('DescribeServiceAccounts', { RegistryId: id }).ServiceAccounts[0].ExpiresAt).toBe(0);
    expect(h.fail('ModifyServiceAccount', { RegistryId: id, Name: 'ghost' }).message).toContain('ghost');
    h.call('DeleteServiceAccount', { RegistryId: id, Name: 'tcr$robot' });
    expect(h.call('DescribeServiceAccounts', { RegistryId: id }).TotalCount).toBe(0);
    expect(verifyRegistryLogin(h.state, id, 'tcr$robot', created.Password, h.clock.now).ok).toBe(false);
    expect(h.fail('DeleteServiceAccount', { RegistryId: id, Name: 'robot' }).code).toBe('InvalidParameter');
  });

  test('password changes: random or chosen, bare or prefixed name; the old password stops working', () => {
    const { h, id } = setup();
    const created = h.call('CreateServiceAccount', { RegistryId: id, Name: 'robot', Permissions: [{ Resource: 'team-a', Actions: ['tcr:PullRepository'] }] });
    const random = h.call('ModifyServiceAccountPassword', { RegistryId: id, Name: 'robot', Random: true }).Password;
    expect(checkServiceAccountPassword(random)).toBeUndefined();
    expect(random).not.toBe(created.Password);
    expect(verifyRegistryLogin(h.state, id, 'tcr$robot', created.Password, h.clock.now).ok).toBe(false);
    expect(verifyRegistryLogin(h.state, id, 'tcr$robot', random, h.clock.now).ok).toBe(true);
    const chosen = h.call('ModifyServiceAccountPassword', { RegistryId: id, Name: 'tcr$robot', Random: false, Password: 'Chosen123' });
    expect(chosen.Password).toBe('Chosen123');
    expect(verifyRegistryLogin(h.state, id, 'tcr$robot', 'Chosen123', h.clock.now).ok).toBe(true);
    const weak = h.fail('ModifyServiceAccountPassword', { RegistryId: id, Name: 'robot', Random: false, Password: 'weakpass' });
    expect(weak.code).toBe('InvalidParameter');
    expect(weak.message).toContain('Password');
    expect(weak.message).not.toContain('weakpass');
    expect(h.fail('ModifyServiceAccountPassword', { RegistryId: id, Name: 'robot', Random: false }).code).toBe('MissingParameter');
    expect(h.fail('ModifyServiceAccountPassword', { RegistryId: id, Name: 'robot' }).message).toContain('Random');
  });

  test('describe: name filter, Limit default 20 and ceiling 100, Offset, All', () => {
    const { h, id } = setup();
    for (let i = 0; i < 105; i++) {
      h.clock.now += 1;
      h.call('CreateServiceAccount', { RegistryId: id, Name: `bot-${String(i).padStart(3, '0')}`, Permissions: [{ Resource: 'team-a', Actions: ['tcr:PullRepository'] }] });
    }
    const first = h.call('DescribeServiceAccounts', { RegistryId: id });
    expect(first.TotalCount).toBe(105);
    expect(first.ServiceAccounts).toHaveLength(20);
    expect(first.ServiceAccounts[0].Permissions).toBeUndefined();
    expect(h.call('DescribeServiceAccounts', { RegistryId: id, Limit: 500 }).ServiceAccounts).toHaveLength(100);
    expect(h.call('DescribeServiceAccounts', { RegistryId: id, Offset: 100, Limit: 100 }).ServiceAccounts).toHaveLength(5);
    expect(h.call('DescribeServiceAccounts', { RegistryId: id, All: true }).ServiceAccounts).toHaveLength(105);
    const filtered = h.call('DescribeServiceAccounts', { RegistryId: id, Filters: [{ Name: 'ServiceAccountName', Values: ['tcr$bot-10'] }] });
    expect(filtered.ServiceAccounts.map((a: any) => a.Name)).toEqual(['tcr$bot-100', 'tcr$bot-101', 'tcr$bot-102', 'tcr$bot-103', 'tcr$bot-104']);
    expect(h.fail('DescribeServiceAccounts', { RegistryId: id, Filters: [{ Name: 'Description', Values: ['x'] }] }).message).toContain('Filters.0.Name');
  });

  test('random passwords always meet the rule', () => {
    for (let i = 0; i < 200; i++) expect(checkServiceAccountPassword(generateServiceAccountPassword())).toBeUndefined();
  });
});

describe('instance tokens', () => {
  test('temporary tokens last one hour, have no TokenId and are not listed', () => {
    const h = harness(tcrService);
    const id = withInstance(h);
    const temp = h.call('CreateInstanceToken', { RegistryId: id });
    expect(temp.Username).toBe(ROOT.uin);
    expect(temp.TokenId).toBeUndefined();
    expect(temp.ExpTime).toBe(h.clock.now + 3600_000);
    expect(h.authorized.at(-1)).toEqual({ action: 'tcr:CreateInstanceToken', resources: [`qcs::tcr:ap-guangzhou:uin/${ROOT.ownerUin}:instance/${id}`] });
    expect(JSON.stringify(h.state)).not.toContain(temp.Token);
    expect(verifyRegistryLogin(h.state, id, temp.Username, temp.Token, h.clock.now)).toMatchObject({ ok: true, kind: 'token' });
    expect(h.call('DescribeInstanceToken', { RegistryId: id }).TotalCount).toBe(0);
    h.clock.now += 3600_000;
    expect(verifyRegistryLogin(h.state, id, temp.Username, temp.Token, h.clock.now)).toMatchObject({ ok: false, reason: 'token has expired' });
    // Expired temporary tokens are pruned on the next mint.
    h.call('CreateInstanceToken', { RegistryId: id, TokenType: 'temp' });
    expect(Object.keys(tcrState(h.state).instances[id].tokens)).toHaveLength(1);
  });

  test('long-term tokens: TokenId, listing, disable, describe change, delete', () => {
    const h = harness(tcrService);
    const id = withInstance(h);
    const token = h.call('CreateInstanceToken', { RegistryId: id, TokenType: 'longterm', Desc: 'ci pull' });
    expect(token.TokenId).toMatch(/^[a-z0-9]{20}$/);
    expect(token.ExpTime).toBe(0);
    h.clock.now += 1000;
    h.call('CreateInstanceToken', { RegistryId: id, TokenType: 'longterm' });
    const listed = h.call('DescribeInstanceToken', { RegistryId: id });
    expect(listed.TotalCount).toBe(2);
    expect(listed.Tokens[0]).toMatchObject({ Id: token.TokenId, Desc: 'ci pull', RegistryId: id, Enabled: true, ExpiredAt: 0 });
    expect(JSON.stringify(listed)).not.toContain(token.Token);
    expect(h.call('DescribeInstanceToken', { RegistryId: id, Limit: 1, Offset: 1 }).Tokens).toHaveLength(1);
    h.clock.now += 365 * DAY;
    expect(verifyRegistryLogin(h.state, id, token.Username, token.Token, h.clock.now).ok).toBe(true);
    h.call('ModifyInstanceToken', { RegistryId: id, TokenId: token.TokenId, Enable: false });
    expect(verifyRegistryLogin(h.state, id, token.Username, token.Token, h.clock.now)).toMatchObject({ ok: false, reason: 'token is disabled' });
    h.call('ModifyInstanceToken', { RegistryId: id, TokenId: token.TokenId, ModifyFlag: 1, Desc: 'renamed' });
    expect(h.call('DescribeInstanceToken', { RegistryId: id }).Tokens[0]).toMatchObject({ Desc: 'renamed', Enabled: false });
    expect(h.fail('ModifyInstanceToken', { RegistryId: id, TokenId: token.TokenId }).message).toContain('Enable');
    expect(h.fail('ModifyInstanceToken', { RegistryId: id, TokenId: token.TokenId, ModifyFlag: 1 }).message).toContain('Desc');
    expect(h.fail('ModifyInstanceToken', { RegistryId: id, TokenId: token.TokenId, ModifyFlag: 3 }).message).toContain('ModifyFlag');
    expect(h.fail('ModifyInstanceToken', { RegistryId: id, TokenId: token.TokenId, ModifyFlag: 1, Desc: 'x'.repeat(256) }).message).toContain('Desc');
    h.call('DeleteInstanceToken', { RegistryId: id, TokenId: token.TokenId });
    expect(verifyRegistryLogin(h.state, id, token.Username, token.Token, h.clock.now).ok).toBe(false);
    const gone = h.fail('DeleteInstanceToken', { RegistryId: id, TokenId: token.TokenId });
    expect(gone.code).toBe('InvalidParameter');
    expect(gone.message).toContain('TokenId');
  });

  test('DescribeInstanceToken pages the way the provider reads it (item Offset, Limit 200, stop on a short page)', () => {
    const h = harness(tcrService);
    const id = withInstance(h);
    const created: string[] = [];
    for (let i = 0; i < 250; i++) {
      h.clock.now += 1;
      created.push(h.call('CreateInstanceToken', { RegistryId: id, TokenType: 'longterm' }).TokenId);
    }
    // Offset counts items, not pages: Offset 1 is the second token.
    expect(h.call('DescribeInstanceToken', { RegistryId: id, Limit: 1, Offset: 1 }).Tokens.map((t: any) => t.Id)).toEqual([created[1]]);
    const seen: string[] = [];
    for (let offset = 0; ; offset += 200) {
      const page = h.call('DescribeInstanceToken', { RegistryId: id, Offset: offset, Limit: 200 });
      expect(page.TotalCount).toBe(250);
      seen.push(...page.Tokens.map((t: any) => t.Id));
      if (page.Tokens.length < 200) break;
    }
    expect(seen).toEqual(created);
    // Without Limit the page holds 20; larger Limits are cut to 200.
    expect(h.call('DescribeInstanceToken', { RegistryId: id }).Tokens).toHaveLength(20);
    expect(h.call('DescribeInstanceToken', { RegistryId: id, Limit: 1000 }).Tokens).toHaveLength(200);
  });

  test('validation and missing instances', () => {
    const h = harness(tcrService);
    const id = withInstance(h);
    expect(h.fail('CreateInstanceToken', { RegistryId: id, TokenType: 'forever' }).message).toContain('TokenType');
    expect(h.fail('CreateInstanceToken', { RegistryId: id, TokenType: 'longterm', Desc: 'd'.repeat(256) }).message).toContain('Desc');
    expect(h.fail('CreateInstanceToken', { RegistryId: 'tcr-nothere' }).code).toBe('ResourceNotFound.TcrResourceNotFound');
    expect(h.fail('DescribeInstanceToken', { RegistryId: 'tcr-nothere' }).code).toBe('InvalidParameter');
    expect(h.fail('CreateInstanceToken', {}).code).toBe('MissingParameter');
  });
});

test('CAM denial stops the call before any change', () => {
  const h = harness(tcrService);
  const id = withInstance(h);
  h.deny.add('tcr:DeleteRepository');
  withNamespace(h, id);
  expect(h.fail('DeleteNamespace', { RegistryId: id, NamespaceName: 'team-a' }).code).toBe('UnauthorizedOperation');
  expect(h.call('DescribeNamespaces', { RegistryId: id }).TotalCount).toBe(1);
});

test('rate limits are declared for the documented actions', () => {
  expect(tcrService.rateLimits).toEqual({
    CreateInstanceToken: 100,
    CreateServiceAccount: 20,
    DescribeServiceAccounts: 20,
    ModifyServiceAccount: 20,
    ModifyServiceAccountPassword: 20,
    CreateReplicationInstance: 1,
    DeleteReplicationInstance: 1,
  });
  // The 15 of the issue, DescribeImages, the six instance-management actions the terraform provider calls,
  // RenewInstance (its prepaid period change) and the three replication actions (its `replications`).
  expect(Object.keys(tcrService.actions)).toHaveLength(26);
});
