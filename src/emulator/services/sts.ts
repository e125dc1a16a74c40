/**
 * STS 2018-08-13: GetCallerIdentity. Every valid credential may call it (no CAM check), as on the real service.
 * UNCERTAIN: the exact `Type` strings are not in the reference; the emulator answers `Root`, `CAMUser` and
 * `AssumedRole`, and the ARN forms follow the CAM six-segment convention.
 */
import { ServiceDefinition } from '../service';

export const stsService: ServiceDefinition = {
  service: 'sts',
  version: '2018-08-13',
  actions: {
    GetCallerIdentity(ctx) {
      const c = ctx.caller;
      if (c.type === 'assumed') {
        const session = c.name.slice(c.name.indexOf('/') + 1);
        return {
          Arn: `qcs::sts:${c.ownerUin}:assumed-role/${c.roleId}/${session}`,
          AccountId: c.ownerUin,
          UserId: `${c.roleId}:${session}`,
          PrincipalId: c.ownerUin,
          Type: 'AssumedRole',
        };
      }
      return {
        Arn: `qcs::cam::uin/${c.ownerUin}:uin/${c.uin}`,
        AccountId: c.ownerUin,
        UserId: c.uin,
        PrincipalId: c.uin,
        Type: c.type === 'root' ? 'Root' : 'CAMUser',
      };
    },
  },
};
