/**
 * The least-privilege matrix shared by the emulator-level and the terraform-level tests: one SDK call per API of the
 * access lists (src/cam/access-lists.ts), run with a principal's own keys against one instance, expecting success
 * for what a list documents and the action's real denial code for anything else.
 */
import * as tencentcloud from 'tencentcloud-sdk-nodejs';
import { TcrApiGrant } from '../../src/cam/tcr-grant-scope';
import { Credentials, EmulatorHandle } from '../../src/emulator';
import { API_MODEL } from '../../src/emulator/api-model';
import { sdkError, tcrClient } from '../emulator/helpers';

export type TcrClient = InstanceType<typeof tencentcloud.tcr.v20190924.Client>;

/**
 * The code a CAM denial of `api` answers: the action's own `UnauthorizedOperation` where its documented error list
 * (the Go SDK's, generated into the API model from the shared facts) has one, else the common one.
 */
export function denialCode(api: string): string {
  const errors: readonly string[] = API_MODEL.tcr.actions[api]?.errors ?? [];
  return errors.includes('UnauthorizedOperation') ? 'UnauthorizedOperation' : 'AuthFailure.UnauthorizedOperation';
}


export interface Principal {
  readonly name: string;
  readonly credentials: Credentials;
  readonly client: TcrClient;
}

/** The instance under test and the root client that prepares what calls need. */
export const matrix = {
  root: undefined as unknown as TcrClient,
  registryId: '',
  otherRegistryId: '',
  principals: {} as Record<string, Principal>,
};

/** Registers a principal's credentials (sub-account keys or temporary credentials) for the matrix calls. */
export function addPrincipal(handle: EmulatorHandle, name: string, credentials: Credentials): void {
  matrix.principals[name] = { name, credentials, client: tcrClient(handle, credentials) };
}

/** What one documented or undocumented call does, with the principal's client; `target` names the namespace. */
export type Call = (client: TcrClient, target: { namespace: string }) => Promise<unknown>;

let uniqueName = 0;
export const fresh = (prefix: string) => `${prefix}-${++uniqueName}`;

/** One call per API of the access lists, on the instance (and namespace) under test. */
export const CALLS: Record<string, Call> = {
  DescribeInstances: (c) => c.DescribeInstances({ Registryids: [matrix.registryId] } as any),
  DescribeNamespaces: (c, t) => c.DescribeNamespaces({ RegistryId: matrix.registryId, NamespaceName: t.namespace }),
  DescribeImages: (c, t) => c.DescribeImages({ RegistryId: matrix.registryId, NamespaceName: t.namespace, RepositoryName: 'app' }),
  CreateNamespace: (c) => c.CreateNamespace({ RegistryId: matrix.registryId, NamespaceName: fresh('ns'), IsPublic: false }),
  ModifyNamespace: async (c) => c.ModifyNamespace({ RegistryId: matrix.registryId, NamespaceName: await rootNamespace('changed'), IsPublic: true }),
  DeleteNamespace: async (c) => c.DeleteNamespace({ RegistryId: matrix.registryId, NamespaceName: await rootNamespace('gone') }),
  CreateServiceAccount: (c) => c.CreateServiceAccount({
    RegistryId: matrix.registryId,
    Name: fresh('robot'),
    Duration: 30,
    Permissions: [{ Resource: 'payments', Actions: ['tcr:PullRepository'] }],
  }),
  DescribeServiceAccounts: (c) => c.DescribeServiceAccounts({ RegistryId: matrix.registryId }),
  ModifyServiceAccount: async (c) => c.ModifyServiceAccount({ RegistryId: matrix.registryId, Name: await rootServiceAccount(), Description: 'changed' }),
  ModifyServiceAccountPassword: async (c) =>
    c.ModifyServiceAccountPassword({ RegistryId: matrix.registryId, Name: await rootServiceAccount(), Random: true }),
  DeleteServiceAccount: async (c) => c.DeleteServiceAccount({ RegistryId: matrix.registryId, Name: await rootServiceAccount() }),
  CreateInstanceToken: (c) => c.CreateInstanceToken({ RegistryId: matrix.registryId, TokenType: 'longterm', Desc: 'matrix' }),
  DescribeInstanceToken: (c) => c.DescribeInstanceToken({ RegistryId: matrix.registryId }),
  ModifyInstanceToken: async (c) => c.ModifyInstanceToken({ RegistryId: matrix.registryId, TokenId: await rootToken(), Enable: false }),
  DeleteInstanceToken: async (c) => c.DeleteInstanceToken({ RegistryId: matrix.registryId, TokenId: await rootToken() }),
};

/**
 * Helper APIs the emulator does not serve (yet): they are in the lists because CAM checks them under those names,
 * but no call can be made. The test proves they are unserved, so serving one makes this test ask for its call.
 */
export const NOT_SERVED = ['DescribeRepositories'];

async function rootNamespace(prefix: string): Promise<string> {
  const name = fresh(prefix);
  await matrix.root.CreateNamespace({ RegistryId: matrix.registryId, NamespaceName: name, IsPublic: false });
  return name;
}

async function rootServiceAccount(): Promise<string> {
  const { Name } = await matrix.root.CreateServiceAccount({
    RegistryId: matrix.registryId, Name: fresh('sa'), Permissions: [{ Resource: 'payments', Actions: ['tcr:PullRepository'] }], Duration: 30,
  });
  return Name!;
}

async function rootToken(): Promise<string> {
  return (await matrix.root.CreateInstanceToken({ RegistryId: matrix.registryId, TokenType: 'longterm', Desc: 'root' })).TokenId!;
}

/** Create/Describe/Modify/Delete order, so each call finds what it needs. */
const rank = (api: string) => ['Create', 'Describe', 'Modify', 'Delete'].findIndex((verb) => api.startsWith(verb));

export function documented(list: readonly TcrApiGrant[]): string[] {
  return [...new Set(list.filter((g) => g.api !== '*').map((g) => g.api))].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}

/** Every documented API of `lists` the emulator serves succeeds for `principal` (on namespace `namespace`). */
export async function expectAllowed(principal: string, apis: string[], namespace: string): Promise<string[]> {
  const called: string[] = [];
  for (const api of apis) {
    if (NOT_SERVED.includes(api)) continue;
    expect({ api, call: CALLS[api] !== undefined }).toEqual({ api, call: true });
    await expect(CALLS[api](matrix.principals[principal].client, { namespace })).resolves.toBeDefined();
    called.push(api);
  }
  return called;
}

export async function expectDenied(principal: string, api: string, call: Call, namespace = 'payments'): Promise<void> {
  const error = await sdkError(call(matrix.principals[principal].client, { namespace }));
  expect({ principal, api, code: error.code }).toEqual({ principal, api, code: denialCode(api) });
  expect(error.message).toMatch(/not authorized to perform operation \(tcr:/);
}

