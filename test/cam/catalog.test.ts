import { readFileSync } from 'fs';
import {
  camActionFor,
  closestApiNames,
  isTcrApi,
  instanceArn,
  repositoryArn,
  TCR_API_CATALOG,
  tcrApi,
  TcrResourceLevel,
} from '../../src/cam/catalog';

const sdkClientSource = readFileSync(
  require.resolve('tencentcloud-sdk-nodejs/tencentcloud/services/tcr/v20190924/tcr_client.js'),
  'utf8',
);
const sdkActions = [...sdkClientSource.matchAll(/return this\.request\("([A-Za-z]+)"/g)].map((m) => m[1]);

test('every action of the SDK TCR client is in the catalog and marked as such', () => {
  expect(sdkActions.length).toBe(127);
  for (const action of sdkActions) {
    expect(TCR_API_CATALOG[action]).toBeDefined();
    expect(TCR_API_CATALOG[action].inSdk).toBe(true);
  }
  const notInSdk = Object.values(TCR_API_CATALOG).filter((e) => !e.inSdk).map((e) => e.api);
  // The upgrade table names these APIs that the 4.1.313 SDK lacks.
  expect(notInSdk.sort()).toEqual([
    'AuthorizeUserImageBuildConfig', 'CreateApplicationTokenPersonal', 'DescribeImageConfigPersonal',
    'DescribeRepositoryAllPersonal', 'ForwardRequest', 'ListChartRelease', 'UploadHelmChart',
  ]);
  for (const api of notInSdk) expect(TCR_API_CATALOG[api].inAuthUpgradeTable).toBe(true);
});

test('the five CAM authentication upgrade mappings', () => {
  expect(camActionFor('DeleteImage')).toBe('tcr:DeleteRepository');
  expect(camActionFor('DeleteNamespace')).toBe('tcr:DeleteRepository');
  expect(camActionFor('DescribeImages')).toBe('tcr:DescribeRepositories');
  expect(camActionFor('DescribeTagRetentionExecutionTask')).toBe('tcr:DescribeTagRetentionRules');
  expect(camActionFor('ForwardRequest')).toBe('tcr:DescribeInstances');
  const mapped = Object.values(TCR_API_CATALOG).filter((e) => e.camAction !== `tcr:${e.api}`);
  expect(mapped).toHaveLength(5);
  expect(camActionFor('CreateNamespace')).toBe('tcr:CreateNamespace');
  expect(camActionFor('CreateInstanceToken')).toBe('tcr:CreateInstanceToken');
});

test('unknown API names fail loudly', () => {
  expect(() => camActionFor('CreateNamespaces')).toThrow(/Unknown TCR API "CreateNamespaces"/);
});

test('resource levels follow the CAM API list; undocumented ones are flagged', () => {
  expect(tcrApi('CreateInstanceToken').resourceLevel).toBe(TcrResourceLevel.INSTANCE);
  expect(tcrApi('DescribeInstances').resourcePattern).toBe('qcs::tcr:${region}:uin/${uin}:instance/${instanceId}');
  expect(tcrApi('CreateNamespace').resourceLevel).toBe(TcrResourceLevel.REPOSITORY);
  expect(tcrApi('CreateNamespace').resourcePattern).toBe('qcs::tcr:${region}:uin/${uin}:repository/${instanceId}/${namespace}');
  expect(tcrApi('DescribeImages').resourcePattern).toMatch(/repository\/\$\{instanceId\}\/\$\{namespace\}\/\$\{repository\}\/\*$/);
  expect(tcrApi('CreateNamespace').resourceLevelUncertain).toBe(false);
  for (const api of ['CreateServiceAccount', 'DescribeServiceAccounts', 'ModifyServiceAccount', 'ModifyServiceAccountPassword', 'DeleteServiceAccount']) {
    const entry = tcrApi(api);
    expect(entry.resourceLevel).toBe(TcrResourceLevel.OPERATION_OR_UNKNOWN);
    expect(entry.resourceLevelUncertain).toBe(true);
    expect(entry.resourcePattern).toBe('*');
    expect(entry.note).toMatch(/UNKNOWN/);
  }
  expect(tcrApi('DescribeRepositories').note).toMatch(/inconsistency/);
  expect(tcrApi('CreateGCJob').note).toMatch(/unknown/);
  expect(tcrApi('CreateNamespacePersonal').edition).toBe('personal');
  expect(tcrApi('CreateNamespace').edition).toBe('enterprise');
});

test('ARN helpers build six-segment resources', () => {
  expect(instanceArn('ap-guangzhou', '100000000001', 'tcr-abcd1234')).toBe('qcs::tcr:ap-guangzhou:uin/100000000001:instance/tcr-abcd1234');
  expect(repositoryArn('ap-guangzhou', '100000000001', 'tcr-abcd1234', 'team-a')).toBe(
    'qcs::tcr:ap-guangzhou:uin/100000000001:repository/tcr-abcd1234/team-a');
  expect(repositoryArn('', '100000000001', 'tcr-abcd1234', 'team-a', 'app')).toBe(
    'qcs::tcr::uin/100000000001:repository/tcr-abcd1234/team-a/app');
  expect(instanceArn('ap-guangzhou', '1', 'tcr-x').split(':')).toHaveLength(6);
});

test('unknown names suggest the closest known ones (at most three, nearest first)', () => {
  expect(closestApiNames('DeleteNamspace')[0]).toBe('DeleteNamespace');
  expect(closestApiNames('describeinstances')[0]).toBe('DescribeInstances');
  expect(closestApiNames('x')).toHaveLength(3);
  expect(isTcrApi('DescribeImages')).toBe(true);
  expect(isTcrApi('toString')).toBe(false);
});
