import { TerraformOutput, TerraformStack, Testing } from 'cdktf';
import { providers, TcrInstance, TcrNamespace } from '../../src';
import { stackWithInstance, stackWithProvider, synthValidated, validationErrors } from '../helpers/stacks';

/** What `value` becomes in the synthesized JSON (through an output). */
let outputs = 0;
function resolve(stack: TerraformStack, value: string): string {
  const id = `resolved${outputs++}`;
  new TerraformOutput(stack, id, { value });
  return JSON.parse(Testing.synth(stack)).output[id].value;
}

describe('CAM resource descriptions (ARNs) of instances and namespaces', () => {
  test('owned instance: region from the provider, account from one tencentcloud_user_info data source per stack', () => {
    const { stack, instance } = stackWithInstance();
    const ns = instance.addNamespace('apps', { name: 'apps' });
    expect(instance.arnRegion).toBe('ap-guangzhou');
    const uin = '${data.tencentcloud_user_info.TcrAccountInfo.owner_uin}';
    const id = '${tencentcloud_tcr_instance.registry_EFEA226F.id}';
    expect(resolve(stack, instance.instanceArn)).toBe(`qcs::tcr:ap-guangzhou:uin/${uin}:instance/${id}`);
    expect(resolve(stack, instance.repositoriesArn)).toBe(`qcs::tcr:ap-guangzhou:uin/${uin}:repository/${id}/*`);
    expect(resolve(stack, ns.namespaceArn)).toBe(`qcs::tcr:ap-guangzhou:uin/${uin}:repository/${id}/apps`);
    expect(resolve(stack, ns.repositoriesArn)).toBe(`qcs::tcr:ap-guangzhou:uin/${uin}:repository/${id}/apps/*`);
    expect(resolve(stack, ns.repositoryArn('web'))).toBe(`qcs::tcr:ap-guangzhou:uin/${uin}:repository/${id}/apps/web`);
    // Used twice, created once.
    expect(instance.accountUin).toBe(instance.accountUin);
    const doc = synthValidated(stack);
    expect(doc.data.tencentcloud_user_info).toEqual({ TcrAccountInfo: {} });
  });

  test('no data source while no ARN is used', () => {
    const { stack, instance } = stackWithInstance();
    instance.addNamespace('apps', { name: 'apps' });
    expect(synthValidated(stack).data).toBeUndefined();
  });

  test('accountUin prop and imported attributes; imported namespaces too', () => {
    const { stack } = stackWithProvider();
    const owned = new TcrInstance(stack, 'owned', { name: 'owned-registry', accountUin: '100000000009' });
    expect(resolve(stack, owned.instanceArn)).toMatch(/^qcs::tcr:ap-guangzhou:uin\/100000000009:instance\/\$\{tencentcloud_tcr_instance\.owned_[0-9A-F]+\.id\}$/);
    const imported = TcrInstance.fromInstanceAttributes(stack, 'imported', {
      instanceId: 'tcr-abcd1234', name: 'acme-registry', region: 'ap-shanghai', accountUin: '100000000001',
    });
    expect(imported.instanceArn).toBe('qcs::tcr:ap-shanghai:uin/100000000001:instance/tcr-abcd1234');
    const legacy = TcrNamespace.fromNamespaceName(stack, 'legacy', imported, 'legacy');
    expect(legacy.namespaceArn).toBe('qcs::tcr:ap-shanghai:uin/100000000001:repository/tcr-abcd1234/legacy');
    expect(legacy.repositoriesArn).toBe('qcs::tcr:ap-shanghai:uin/100000000001:repository/tcr-abcd1234/legacy/*');
    expect(synthValidated(stack).data).toBeUndefined();
  });

  test('without a default provider region the region segment is empty (every region)', () => {
    const app = Testing.app();
    const stack = new TerraformStack(app, 'stack');
    new providers.provider.TencentcloudProvider(stack, 'other', { region: 'ap-beijing', alias: 'beijing' });
    const instance = TcrInstance.fromInstanceAttributes(stack, 'imported', { instanceId: 'tcr-abcd1234', name: 'acme-registry', accountUin: '1' });
    expect(instance.instanceArn).toBe('qcs::tcr::uin/1:instance/tcr-abcd1234');
  });

  test('a literal accountUin must be digits', () => {
    const { stack } = stackWithProvider();
    new TcrInstance(stack, 'owned', { name: 'owned-registry', accountUin: 'uin/100' });
    TcrInstance.fromInstanceAttributes(stack, 'imported', { instanceId: 'tcr-abcd1234', name: 'acme-registry', accountUin: '12a' });
    expect(validationErrors(stack)).toEqual([
      expect.stringMatching(/^\[stack\/owned\] TcrInstance property "accountUin" has value "uin\/100", which must be the digits/),
      expect.stringMatching(/^\[stack\/imported\] TcrInstance \(imported\) property "accountUin" has value "12a", which must be the digits/),
    ]);
  });
});
