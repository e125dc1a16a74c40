/** STS handlers: GetCallerIdentity. Every valid credential may call it (no CAM check), as on the real service. */
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
  }),
};
