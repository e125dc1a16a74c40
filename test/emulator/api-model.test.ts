import * as fs from 'fs';
import { buildApiModel, FACTS_PATH, renderApiModel, OUTPUT_PATH } from '../../scripts/generate-api-model';
import { API_MODEL, serviceForVersion, servicesWithAction, validateParams } from '../../src/emulator/api-model';

const factsPresent = fs.existsSync(FACTS_PATH);

describe('generated API model', () => {
  // The facts file lives in ../shared beside the project; without it there is nothing to compare against.
  (factsPresent ? test : test.skip)(`matches ${FACTS_PATH}${factsPresent ? '' : ' (SKIPPED: facts file absent)'}`, () => {
    const facts = JSON.parse(fs.readFileSync(FACTS_PATH, 'utf8'));
    expect(API_MODEL).toEqual(buildApiModel(facts));
    expect(fs.readFileSync(OUTPUT_PATH, 'utf8')).toBe(renderApiModel(buildApiModel(facts)));
  });

  test('covers the four services and their versions', () => {
    expect(serviceForVersion('2019-09-24')).toBe('tcr');
    expect(serviceForVersion('2019-09-23')).toBe('ssm');
    expect(serviceForVersion('2019-01-16')).toBe('cam');
    expect(serviceForVersion('2018-08-13')).toBe('sts');
    expect(serviceForVersion('2017-03-12')).toBeUndefined();
    expect(servicesWithAction('CreateInstanceToken')).toEqual(['tcr']);
    expect(API_MODEL.tcr.actions.CreateServiceAccount.request).toContainEqual(['Permissions', 'Array<Permission>', true]);
  });
});

describe('hand-written supplement', () => {
  test('adds the SDK-derived actions the facts lack; the facts win where both describe one', () => {
    expect(API_MODEL.tcr.actions.ModifyInstance.request).toContainEqual(['DeletionProtection', 'boolean', false]);
    expect(API_MODEL.tcr.types.SecurityPolicy).toContainEqual(['PolicyIndex', 'number', false]);
    expect(API_MODEL.cam.actions.ListAttachedRolePolicies.request).toContainEqual(['Page', 'number', true]);
    expect(servicesWithAction('GetUser')).toEqual(['cam']);
    const facts = {
      tcr: { version: 'v', endpoint: 'e', types: {}, actions: { ModifyInstance: { request: [{ name: 'RegistryId', type: 'string', required: true }] } } },
      cam: { version: 'v', endpoint: 'e', actions: {} },
      sts: { version: 'v', endpoint: 'e', actions: {} },
    };
    const built = buildApiModel(facts);
    expect(built.tcr.actions.ModifyInstance).toEqual({ request: [['RegistryId', 'string', true]], errors: [] });
    expect(built.tcr.actions.ManageExternalEndpoint.request).toEqual([['RegistryId', 'string', true], ['Operation', 'string', true]]);
    expect(() => buildApiModel({ tcr: facts.tcr })).toThrow(/service cam/);
  });

  test('validates the supplemented actions', () => {
    expect(() => validateParams('tcr', 'DeleteMultipleSecurityPolicy', { RegistryId: 'tcr-1', SecurityGroupPolicySet: [{ PolicyIndex: '1' }] }))
      .toThrow(expect.objectContaining({ code: 'InvalidParameter', message: expect.stringContaining('`SecurityGroupPolicySet.0.PolicyIndex` must be of type number') }));
    expect(() => validateParams('cam', 'GetUser', {})).toThrow(expect.objectContaining({ code: 'MissingParameter' }));
  });
});

describe('validateParams', () => {
  test('required, types, nested types, unknown fields', () => {
    expect(() => validateParams('tcr', 'CreateServiceAccount', { RegistryId: 'tcr-1', Name: 'ci' })).toThrow(
      expect.objectContaining({ code: 'MissingParameter', message: expect.stringContaining('`Permissions`') }));
    expect(() => validateParams('tcr', 'CreateServiceAccount', { RegistryId: 'tcr-1', Name: 'ci', Permissions: [{ Resource: 'ns', Actions: ['tcr:PullRepository', 3] }] }))
      .toThrow(expect.objectContaining({ code: 'InvalidParameter', message: expect.stringContaining('`Permissions.0.Actions.1` must be of type string, got number 3') }));
    expect(() => validateParams('tcr', 'CreateServiceAccount', { RegistryId: 'tcr-1', Name: 'ci', Permissions: [null] }))
      .toThrow(expect.objectContaining({ code: 'InvalidParameter', message: expect.stringContaining('got null') }));
    expect(() => validateParams('tcr', 'CreateServiceAccount', { RegistryId: 'tcr-1', Name: 'ci', Permissions: {} }))
      .toThrow(expect.objectContaining({ code: 'InvalidParameter', message: expect.stringContaining('Array<Permission>') }));
    expect(() => validateParams('tcr', 'CreateInstanceToken', { RegistryId: 'tcr-1', Extra: 1 }))
      .toThrow(expect.objectContaining({ code: 'UnknownParameter', message: expect.stringContaining('`Extra`') }));
    expect(() => validateParams('tcr', 'DescribeInstances', { Limit: Infinity })).toThrow(expect.objectContaining({ code: 'InvalidParameter' }));
    expect(() => validateParams('tcr', 'DeleteInstance', { RegistryId: 'x', DryRun: 'yes' })).toThrow(expect.objectContaining({ code: 'InvalidParameter' }));
    // Valid requests, unknown nested fields tolerated, null treated as absent.
    expect(() => validateParams('tcr', 'CreateServiceAccount', {
      RegistryId: 'tcr-1', Name: 'ci', Permissions: [{ Resource: 'ns', Actions: ['tcr:PullRepository'], Extra: 1 }], Description: null,
    })).not.toThrow();
    expect(() => validateParams('cam', 'DeletePolicy', { PolicyId: [1, 2] })).not.toThrow();
    // Actions and services without a model are not checked here (routing rejects them).
    expect(() => validateParams('tcr', 'NoSuchAction', { Anything: 1 })).not.toThrow();
    expect(() => validateParams('cvm', 'DescribeInstances', {})).not.toThrow();
  });
});
