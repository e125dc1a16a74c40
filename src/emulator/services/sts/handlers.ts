/**
 * STS handlers: GetCallerIdentity (every valid credential may call it, no CAM check, as on the real service) and
 * AssumeRole (see ./assume-role).
 */
import { assumeRole, roleForArn } from './assume-role';
import { callerIdentity } from './model';
import { handlersWithParams } from '../../params';
import { ServiceDefinition } from '../../service';

export const stsService: ServiceDefinition = {
  service: 'sts',
  version: '2018-08-13',
  scope: 'global',
  actions: handlersWithParams('sts', {
    GetCallerIdentity(ctx) {
      const identity = callerIdentity(ctx.caller);
      return { Arn: identity.arn, AccountId: identity.accountId, UserId: identity.userId, PrincipalId: identity.principalId, Type: identity.type };
    },

    AssumeRole(ctx, p) {
      const { role, resource } = roleForArn(ctx.state, p.string('RoleArn'));
      ctx.authorize('sts:AssumeRole', [resource]);
      const key = assumeRole(ctx.state, ctx.caller, role, {
        sessionName: p.string('RoleSessionName'),
        durationSeconds: p.has('DurationSeconds') ? Number(p.value('DurationSeconds')) : undefined,
        policy: p.optionalString('Policy'),
        externalId: p.optionalString('ExternalId'),
        tags: p.structs('Tags', 'must be a list of session tags').map((t) => ({ Key: t.string('Key'), Value: t.string('Value') })),
        mfa: p.has('SerialNumber') || p.has('TokenCode'),
      }, ctx.now());
      const expiresAt = key.expiresAt!;
      return {
        Credentials: { Token: key.token, TmpSecretId: key.secretId, TmpSecretKey: key.secretKey },
        ExpiredTime: Math.floor(expiresAt / 1000),
        Expiration: new Date(expiresAt).toISOString().replace(/\.\d{3}Z$/, 'Z'),
      };
    },
  }),
};
