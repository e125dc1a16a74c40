import { harness, OTHER_ROOT, ROOT, TestHarness } from './test-context';
import { accountsOf, createRootAccount } from '../../../src/emulator/accounts';
import { camService } from '../../../src/emulator/services/cam';
import { ssmService } from '../../../src/emulator/services/ssm';
import { tagService } from '../../../src/emulator/services/tag';
import { tcrService } from '../../../src/emulator/services/tcr';

/** One state, the four services' handlers over it (as the emulator serves them). */
function world() {
  const tag = harness(tagService);
  const share = (h: TestHarness) => {
    h.state = tag.state;
    h.clock = tag.clock;
    return h;
  };
  const tcr = share(harness(tcrService));
  const ssm = share(harness(ssmService));
  const cam = share(harness(camService));
  const accounts = accountsOf(tag.state);
  createRootAccount(accounts, { uin: ROOT.uin }, tag.clock.now);
  createRootAccount(accounts, { uin: OTHER_ROOT.uin }, tag.clock.now);
  return { tag, tcr, ssm, cam };
}

const describe1 = (tag: TestHarness, service: string, prefix: string, id: string, region = 'ap-guangzhou') =>
  tag.call('DescribeResourceTagsByResourceIds', { ServiceType: service, ResourcePrefix: prefix, ResourceIds: [id], ResourceRegion: region, Limit: 20, Offset: 0 });

describe('Tag API over the services\' own tags', () => {
  test('an instance: CreateInstance tags, ModifyResourceTags, DescribeInstances and the Tag API agree; deleting the instance unbinds them', () => {
    const { tag, tcr } = world();
    const id = tcr.call('CreateInstance', { RegistryName: 'tagged', RegistryType: 'basic', TagSpecification: { ResourceType: 'instance', Tags: [{ Key: 'team', Value: 'a' }] } }).RegistryId;
    const name = `qcs::tcr:ap-guangzhou:uin/:instance/${id}`;
    tag.call('ModifyResourceTags', { Resource: name, ReplaceTags: [{ TagKey: 'env', TagValue: 'prod' }, { TagKey: 'team', TagValue: 'b' }] });
    expect(tcr.call('DescribeInstances', { Registryids: [id] }).Registries[0].TagSpecification.Tags).toEqual([{ Key: 'env', Value: 'prod' }, { Key: 'team', Value: 'b' }]);
    tag.call('ModifyResourceTags', { Resource: name, DeleteTags: [{ TagKey: 'env' }] });
    expect(describe1(tag, 'tcr', 'instance', id)).toMatchObject({
      TotalCount: 1, Tags: [{ TagKey: 'team', TagValue: 'b', ResourceId: id, ServiceType: 'tcr', Category: 'Custom' }],
    });
    expect(tag.authorized.at(-1)).toEqual({ action: 'tag:DescribeResourceTagsByResourceIds', resources: [`qcs::tcr:ap-guangzhou:uin/${ROOT.uin}:instance/${id}`] });
    // Another region, another account: nothing there.
    expect(describe1(tag, 'tcr', 'instance', id, 'ap-shanghai').TotalCount).toBe(0);
    expect(tag.fail('ModifyResourceTags', { Resource: name, ReplaceTags: [{ TagKey: 'a', TagValue: 'b' }] }, { caller: OTHER_ROOT }).code).toBe('FailedOperation');
    expect(tag.fail('ModifyResourceTags', { Resource: `qcs::tcr:ap-guangzhou:uin/${OTHER_ROOT.uin}:instance/${id}`, ReplaceTags: [{ TagKey: 'a', TagValue: 'b' }] }).code)
      .toBe('InvalidParameterValue.ResourceDescriptionError');
    tcr.call('DeleteInstance', { RegistryId: id });
    expect(describe1(tag, 'tcr', 'instance', id).TotalCount).toBe(0);
    expect(tag.fail('ModifyResourceTags', { Resource: name, ReplaceTags: [{ TagKey: 'a', TagValue: 'b' }] }).code).toBe('FailedOperation');
  });

  test('namespaces, service accounts, secrets, CAM users, roles and policies', () => {
    const { tag, tcr, ssm, cam } = world();
    const id = tcr.call('CreateInstance', { RegistryName: 'reg-tags', RegistryType: 'basic' }).RegistryId;
    tcr.call('CreateNamespace', { RegistryId: id, NamespaceName: 'apps', IsPublic: false });
    tcr.call('CreateServiceAccount', { RegistryId: id, Name: 'ci', Permissions: [{ Resource: 'apps', Actions: ['tcr:PullRepository'] }] });
    const secret = ssm.call('CreateSecret', { SecretName: 'creds', SecretString: 'x', VersionId: 'v1' });
    const creator = ssm.call('DescribeSecret', { SecretName: secret.SecretName }).CreateUinString;
    const user = cam.call('AddUser', { Name: 'bot', UseApi: 0 });
    const role = cam.call('CreateRole', { RoleName: 'r', PolicyDocument: JSON.stringify({ version: '2.0', statement: [{ effect: 'allow', action: 'name/sts:AssumeRole', principal: { service: 'cvm.qcloud.com' } }] }) });
    const policy = cam.call('CreatePolicy', { PolicyName: 'p', PolicyDocument: JSON.stringify({ version: '2.0', statement: [{ effect: 'allow', action: ['tcr:*'], resource: ['*'] }] }) });
    const targets: Array<[string, string, string, string]> = [
      ['tcr', 'ap-guangzhou', 'repository', `${id}/apps`],
      ['tcr', 'ap-guangzhou', 'instance', `${id}#ci`],
      ['ssm', 'ap-guangzhou', 'secret', `creatorUin/${creator}/creds`],
      ['cam', 'ap-guangzhou', 'uin', String(user.Uin)],
      ['cam', '', 'role', role.RoleId],
      ['cam', 'ap-guangzhou', 'policy', String(policy.PolicyId)],
    ];
    for (const [service, region, type, rid] of targets) {
      tag.call('ModifyResourceTags', { Resource: `qcs::${service}:${region}:uin/:${type}/${rid}`, ReplaceTags: [{ TagKey: 'owner', TagValue: type }] });
      expect(describe1(tag, service, type, rid, region).Tags).toEqual([expect.objectContaining({ TagKey: 'owner', TagValue: type, ResourceId: rid })]);
    }
    expect(tcr.call('DescribeNamespaces', { RegistryId: id, NamespaceName: 'apps' }).NamespaceList[0].TagSpecification.Tags).toEqual([{ Key: 'owner', Value: 'repository' }]);
    expect(cam.call('GetPolicy', { PolicyId: policy.PolicyId }).Tags).toEqual([{ Key: 'owner', Value: 'policy' }]);
    expect(ssm.call('DescribeSecret', { SecretName: 'creds' })).toBeDefined();
    cam.call('DeleteUser', { Name: 'bot' });
    cam.call('DeleteRole', { RoleId: role.RoleId });
    expect(describe1(tag, 'cam', 'uin', String(user.Uin)).TotalCount).toBe(0);
    expect(describe1(tag, 'cam', 'role', role.RoleId, '').TotalCount).toBe(0);
  });

  test('rules: reserved and over-long keys, bad characters, a key both replaced and deleted, 50 tags at most, paging', () => {
    const { tag, tcr } = world();
    const id = tcr.call('CreateInstance', { RegistryName: 'rules', RegistryType: 'basic' }).RegistryId;
    const Resource = `qcs::tcr:ap-guangzhou:uin/:instance/${id}`;
    const replace = (k: string, v = 'v') => tag.fail('ModifyResourceTags', { Resource, ReplaceTags: [{ TagKey: k, TagValue: v }] }).code;
    expect(replace('qcloud:x')).toBe('InvalidParameter.ReservedTagKey');
    expect(replace('k'.repeat(128))).toBe('InvalidParameterValue.TagKeyLengthExceeded');
    expect(replace('a#b')).toBe('InvalidParameterValue.TagKeyCharacterIllegal');
    expect(replace('a', 'v'.repeat(256))).toBe('InvalidParameterValue.TagValueLengthExceeded');
    expect(tag.fail('ModifyResourceTags', { Resource, ReplaceTags: [{ TagKey: 'a', TagValue: 'b' }], DeleteTags: [{ TagKey: 'a' }] }).code).toBe('InvalidParameterValue.DeleteTagsParamError');
    expect(tag.fail('ModifyResourceTags', { Resource }).code).toBe('InvalidParameter.Tag');
    expect(tag.fail('ModifyResourceTags', { Resource: 'not-a-resource', ReplaceTags: [{ TagKey: 'a', TagValue: 'b' }] }).code).toBe('InvalidParameterValue.ResourceDescriptionError');
    const many = Array.from({ length: 51 }, (_, i) => ({ TagKey: `k${String(i).padStart(2, '0')}`, TagValue: 'v' }));
    expect(tag.fail('ModifyResourceTags', { Resource, ReplaceTags: many }).code).toBe('LimitExceeded.ResourceAttachedTags');
    tag.call('ModifyResourceTags', { Resource, ReplaceTags: many.slice(0, 25) });
    const page1 = tag.call('DescribeResourceTagsByResourceIds', { ServiceType: 'tcr', ResourcePrefix: 'instance', ResourceIds: [id], ResourceRegion: 'ap-guangzhou', Limit: 20 });
    const page2 = tag.call('DescribeResourceTagsByResourceIds', { ServiceType: 'tcr', ResourcePrefix: 'instance', ResourceIds: [id], ResourceRegion: 'ap-guangzhou', Limit: 20, Offset: 20 });
    expect([page1.TotalCount, page1.Tags.length, page2.Tags.length]).toEqual([25, 20, 5]);
    expect(tag.fail('DescribeResourceTagsByResourceIds', { ServiceType: 'tcr', ResourcePrefix: 'instance', ResourceIds: [], ResourceRegion: 'ap-guangzhou' }).code)
      .toBe('InvalidParameterValue.ResourceIdInvalid');
  });
});
