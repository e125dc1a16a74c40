import { ShimWorld, shimWorld } from './harness';

let w: ShimWorld;
beforeEach(async () => {
  w = await shimWorld();
});
afterEach(() => w.close());

test('audit lists tokens and service accounts with flags; --delete-orphans deletes only marked orphans', async () => {
  // Everything below is created on an emulator clock running two days behind: old enough to expire and to sweep.
  w.emu.admin.setClock(Date.now() - 2 * 86_400_000, false);
  const stored = await w.run(['token', 'create', '--instance-id', w.instanceId, '--registry-domain', w.registry, '--store', 'ssm:ci-token', '--owner', 'app/ci']);
  // An orphan of this library (minted, never stored), the TKE add-on's token, and a hand-made one.
  const { TokenId: orphan } = await w.tcr.CreateInstanceToken({ RegistryId: w.instanceId, TokenType: 'longterm', Desc: 'left over [tcrc:0123456789abcdef]' });
  const { TokenId: tke } = await w.tcr.CreateInstanceToken({ RegistryId: w.instanceId, TokenType: 'longterm', Desc: 'tke tcr-addon credential' });
  const { TokenId: manual } = await w.tcr.CreateInstanceToken({ RegistryId: w.instanceId, TokenType: 'longterm', Desc: 'laptop' });
  await w.tcr.ModifyInstanceToken({ RegistryId: w.instanceId, TokenId: manual!, Enable: false });
  await w.tcr.CreateNamespace({ RegistryId: w.instanceId, NamespaceName: 'apps', IsPublic: false });
  await w.tcr.CreateServiceAccount({ RegistryId: w.instanceId, Name: 'robot', Permissions: [{ Resource: 'apps', Actions: ['tcr:PullRepository'] }], Duration: 1 });

  const r = await w.run(['audit', '--instance-id', w.instanceId]);
  expect(r.code).toBe(0);
  const row = (id: string) => r.json.rows.find((x: any) => x.id === id);
  expect(row(stored.json.tokenId)).toMatchObject({ kind: 'token', storedIn: ['ssm:ci-token'], flags: ['permanent'], ownerMarker: stored.json.ownerMarker });
  expect(row(orphan!)).toMatchObject({ flags: ['permanent', 'orphan'], ownerMarker: 'tcrc:0123456789abcdef' });
  expect(row(tke!)).toMatchObject({ flags: ['permanent', 'auto-created: do not delete'], autoCreatedBy: 'TKE TCR add-on' });
  expect(row(manual!)).toMatchObject({ enabled: false, flags: ['permanent', 'disabled', 'unmanaged'] });
  expect(row('tcr$robot')).toMatchObject({ kind: 'service-account', flags: ['expired', 'unpublished'] });

  const table = await w.run(['audit', '--instance-id', w.instanceId, '--output', 'table', '--delete-orphans']);
  expect(table.code).toBe(0);
  expect(table.stdout.split('\n')[0]).toMatch(/^KIND\s+ID\s+ENABLED\s+EXPIRES\s+OWNER\s+STORED IN\s+FLAGS\s+DESCRIPTION$/);
  expect(table.stdout).toMatch(/service-account\s+tcr\$robot\s+yes\s+\S+\s+-\s+-\s+expired,unpublished/);
  expect(table.stdout).toContain(`deleted orphans: ${orphan}`);
  expect(w.tokens().map((t) => t.id).sort()).toEqual([stored.json.tokenId, tke, manual].sort());
});

test('young orphans are left alone: a create may be writing its secret', async () => {
  await w.tcr.CreateInstanceToken({ RegistryId: w.instanceId, TokenType: 'longterm', Desc: 'x [tcrc:0123456789abcdef]' });
  const r = await w.run(['audit', '--instance-id', w.instanceId, '--delete-orphans']);
  expect(r.json.deleted).toEqual([]);
  expect(w.tokens()).toHaveLength(1);
});
