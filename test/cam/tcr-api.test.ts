import { readFileSync } from 'fs';
import { TcrApi, TcrResourceLevel } from '../../src';
import { TCR_API_CATALOG } from '../../src/cam/catalog';

const sdkClientSource = readFileSync(
  require.resolve('tencentcloud-sdk-nodejs/tencentcloud/services/tcr/v20190924/tcr_client.js'),
  'utf8',
);
const sdkActions = [...sdkClientSource.matchAll(/return this\.request\("([A-Za-z]+)"/g)].map((m) => m[1]);

/** `DescribeAIModelVersionDetail` -> `DESCRIBE_AI_MODEL_VERSION_DETAIL`, the constant naming rule. */
const constantName = (api: string) => api.replace(/([a-z0-9])([A-Z])/g, '$1_$2').replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2').toUpperCase();

describe('TcrApi', () => {
  test('one static constant per catalog entry, and none for anything else', () => {
    const constants = Object.getOwnPropertyNames(TcrApi)
      .filter((k) => /^[A-Z][A-Z0-9_]+$/.test(k))
      .map((k) => (TcrApi as any)[k])
      .filter((v) => v instanceof TcrApi) as TcrApi[];
    const catalogNames = Object.keys(TCR_API_CATALOG);
    expect(constants.map((c) => c.apiName).sort()).toEqual(catalogNames);
    for (const name of catalogNames) expect((TcrApi as any)[constantName(name)]).toBe(TcrApi.of(name));
    expect(TcrApi.all().map((a) => a.apiName)).toEqual(catalogNames);
  });

  test('every action of the installed SDK TCR client has a constant', () => {
    expect(sdkActions.length).toBeGreaterThan(100);
    const missing = sdkActions.filter((a) => (TcrApi as any)[constantName(a)] === undefined);
    expect(missing).toEqual([]);
  });

  test('constants carry the CAM-side names of the authentication upgrade', () => {
    expect(TcrApi.DESCRIBE_IMAGES.camAction).toBe('tcr:DescribeRepositories');
    expect(TcrApi.DELETE_IMAGE.camAction).toBe('tcr:DeleteRepository');
    expect(TcrApi.DELETE_NAMESPACE.camAction).toBe('tcr:DeleteRepository');
    expect(TcrApi.DESCRIBE_TAG_RETENTION_EXECUTION_TASK.camAction).toBe('tcr:DescribeTagRetentionRules');
    expect(TcrApi.FORWARD_REQUEST.camAction).toBe('tcr:DescribeInstances');
    expect(TcrApi.CREATE_NAMESPACE.camAction).toBe('tcr:CreateNamespace');
    expect(TcrApi.camActionFor('DescribeImages')).toBe('tcr:DescribeRepositories');
    expect(TcrApi.DESCRIBE_IMAGES.apiName).toBe('DescribeImages');
    expect(String(TcrApi.DESCRIBE_IMAGES)).toBe('DescribeImages');
  });

  test('resource levels and editions come from the catalog', () => {
    expect(TcrApi.CREATE_INSTANCE_TOKEN.resourceLevel).toBe(TcrResourceLevel.INSTANCE);
    expect(TcrApi.CREATE_NAMESPACE.resourceLevel).toBe(TcrResourceLevel.REPOSITORY);
    expect(TcrApi.CREATE_SERVICE_ACCOUNT.resourceLevel).toBe(TcrResourceLevel.OPERATION_OR_UNKNOWN);
    expect(TcrApi.CREATE_SERVICE_ACCOUNT.resourceLevelUncertain).toBe(true);
    expect(TcrApi.CREATE_NAMESPACE.resourceLevelUncertain).toBe(false);
    expect(TcrApi.CREATE_NAMESPACE_PERSONAL.isPersonalEdition).toBe(true);
    expect(TcrApi.CREATE_NAMESPACE.isPersonalEdition).toBe(false);
  });

  test('an unknown name fails naming it and the closest known names', () => {
    expect(() => TcrApi.of('DescribeImage')).toThrow(/Unknown TCR API "DescribeImage".*closest known names: DescribeImages/);
    expect(() => TcrApi.camActionFor('CreateNamespaces')).toThrow(/closest known names: CreateNamespace\b/);
    // Inherited object properties are not APIs.
    expect(() => TcrApi.of('constructor')).toThrow(/Unknown TCR API "constructor"/);
  });
});
