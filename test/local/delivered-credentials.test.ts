import { deliveredCredentials } from '../../src/local/delivered-credentials';
import { secretValues, shimWorld } from '../shim/harness';

describe('credentials delivered into the emulator', () => {
  test('shows their metadata, logs in with each, and never carries the secret', async () => {
    const world = await shimWorld();
    try {
      const created = await world.run(['token', 'create', '--instance-id', world.instanceId, '--registry-domain', world.registry,
        '--store', 'ssm:team-pull', '--owner', 'app/registry/pull']);
      expect(created.code).toBe(0);
      await world.ssm.CreateSecret({ SecretName: 'unrelated', SecretString: 'not json', VersionId: 'v1' });
      const found = deliveredCredentials(world.emu.admin.state(), world.emu.admin.now());
      expect(found).toEqual([expect.objectContaining({
        secret: 'team-pull',
        version: 'v1',
        kind: 'instance-token',
        owner: 'app/registry/pull',
        instanceId: world.instanceId,
        registry: world.registry,
        expires: 'never',
        loginOk: true,
      })]);
      expect(found[0].tokenId).toMatch(/\S/);
      for (const value of secretValues(world.document('team-pull'))) expect(JSON.stringify(found)).not.toContain(value);

      // The token deleted behind tcr-credentials' back: the delivered credential no longer logs in, and says why.
      await world.tcr.DeleteInstanceToken({ RegistryId: world.instanceId, TokenId: found[0].tokenId! });
      const after = deliveredCredentials(world.emu.admin.state(), world.emu.admin.now());
      expect(after.map((c) => [c.loginOk, c.loginProblem])).toEqual([[false, 'unauthorized: bad user name or password']]);
    } finally {
      await world.close();
    }
  });
});
