import {
  addUserToGroup, callerFor, createGroup, createKeyPair, createRole, createRootAccount, createSubAccount, emptyAccounts,
  issueTemporaryCredentials, resolveKey,
} from '../../src/emulator/accounts';

describe('accounts', () => {
  function world() {
    const accounts = emptyAccounts();
    const { account, key } = createRootAccount(accounts, { uin: '100000000001' }, 0);
    return { accounts, root: account, rootKey: key };
  }

  test('ids are unique, keys have the real shape', () => {
    const { accounts, root, rootKey } = world();
    expect(rootKey.secretId).toMatch(/^AKID[A-Za-z0-9]{32}$/);
    expect(rootKey.secretKey).toHaveLength(32);
    const user = createSubAccount(accounts, { name: 'dev', ownerUin: root.uin });
    expect(user.uin).toBe('100000000002');
    const second = createRootAccount(accounts, {}, 0);
    expect(second.account.uin).toBe('100000000003');
    expect(second.account.appId).not.toBe(root.appId);
    expect(callerFor(accounts, rootKey)).toMatchObject({ type: 'root', uin: root.uin, ownerUin: root.uin });
    const userKey = createKeyPair(accounts, user.uin, 0);
    expect(callerFor(accounts, userKey)).toMatchObject({ type: 'subaccount', uin: user.uin, ownerUin: root.uin, name: 'dev' });
  });

  test('bad seeds are refused with a reason', () => {
    const { accounts, root } = world();
    expect(() => createRootAccount(accounts, { uin: 'abc' }, 0)).toThrow('must be digits');
    expect(() => createRootAccount(accounts, { uin: root.uin }, 0)).toThrow('already exists');
    expect(() => createSubAccount(accounts, { name: 'x', ownerUin: '1' })).toThrow('no root account');
    createSubAccount(accounts, { name: 'x', ownerUin: root.uin });
    expect(() => createSubAccount(accounts, { name: 'x', ownerUin: root.uin })).toThrow('already exists');
    expect(() => createSubAccount(accounts, { name: 'y', ownerUin: root.uin, uin: root.uin })).toThrow('already exists');
    expect(() => createKeyPair(accounts, '42', 0)).toThrow('no account with uin 42');
    const key = createKeyPair(accounts, root.uin, 0, 'AKIDsame');
    expect(() => createKeyPair(accounts, root.uin, 0, key.secretId)).toThrow('already exists');
    expect(() => createGroup(accounts, { name: 'g', ownerUin: '1' })).toThrow('no root account');
    expect(() => addUserToGroup(accounts, '1', 1)).toThrow('no sub-account');
    const user = createSubAccount(accounts, { name: 'z', ownerUin: root.uin });
    expect(() => addUserToGroup(accounts, user.uin, 99)).toThrow('no group 99');
    const g = createGroup(accounts, { name: 'g', ownerUin: root.uin });
    addUserToGroup(accounts, user.uin, g.groupId);
    addUserToGroup(accounts, user.uin, g.groupId);
    expect(accounts.users[user.uin].groupIds).toEqual([g.groupId]);
    expect(() => createRole(accounts, { roleName: 'r', ownerUin: '1' })).toThrow('no root account');
    createRole(accounts, { roleName: 'r', ownerUin: root.uin });
    expect(() => createRole(accounts, { roleName: 'r', ownerUin: root.uin })).toThrow('already exists');
    expect(() => issueTemporaryCredentials(accounts, {}, 0)).toThrow('roleId or a uin');
    expect(() => issueTemporaryCredentials(accounts, { roleId: 'nope' }, 0)).toThrow('no role');
    expect(() => issueTemporaryCredentials(accounts, { uin: '5' }, 0)).toThrow('no account');
    expect(() => issueTemporaryCredentials(accounts, { uin: root.uin, durationSeconds: 0 }, 0)).toThrow('positive integer');
  });

  test('resolveKey checks status, token and expiry', () => {
    const { accounts, root, rootKey } = world();
    expect(resolveKey(accounts, rootKey.secretId, undefined, 0)).toBe(rootKey);
    expect(resolveKey(accounts, rootKey.secretId, '', 0)).toBe(rootKey);
    expect(() => resolveKey(accounts, 'AKIDnope', undefined, 0)).toThrow(expect.objectContaining({ code: 'AuthFailure.SecretIdNotFound' }));
    const temp = issueTemporaryCredentials(accounts, { uin: root.uin, durationSeconds: 10 }, 1000);
    expect(temp.expiresAt).toBe(11_000);
    expect(resolveKey(accounts, temp.secretId, temp.token, 10_999)).toBe(temp);
    expect(() => resolveKey(accounts, temp.secretId, temp.token, 11_000)).toThrow(expect.objectContaining({ code: 'AuthFailure.TokenFailure' }));
    expect(() => resolveKey(accounts, temp.secretId, 'short', 0)).toThrow(expect.objectContaining({ code: 'AuthFailure.TokenFailure' }));
    expect(callerFor(accounts, temp)).toMatchObject({ type: 'root', uin: root.uin });
  });
});

test('a SecretId naming an Object.prototype member is simply unknown', () => {
  const accounts = emptyAccounts();
  for (const id of ['constructor', '__proto__', 'toString', 'hasOwnProperty']) {
    expect(() => resolveKey(accounts, id, undefined, 0)).toThrow(expect.objectContaining({ code: 'AuthFailure.SecretIdNotFound' }));
  }
});
