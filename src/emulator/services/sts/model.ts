/**
 * STS 2018-08-13 model: the identity of a signed caller. STS keeps no state of its own (temporary credentials
 * are issued by the core's accounts module); GetCallerIdentity reads the caller the core authenticated.
 * UNCERTAIN: the exact `Type` strings are not in the reference; the emulator answers `Root`, `CAMUser` and
 * `AssumedRole`, and the ARN forms follow the CAM six-segment convention.
 */
import { Caller } from '../../service';

export interface CallerIdentity {
  readonly arn: string;
  readonly accountId: string;
  readonly userId: string;
  readonly principalId: string;
  readonly type: 'Root' | 'CAMUser' | 'AssumedRole';
}

export function callerIdentity(c: Caller): CallerIdentity {
  if (c.type === 'assumed') {
    const session = c.name.slice(c.name.indexOf('/') + 1);
    return {
      arn: `qcs::sts:${c.ownerUin}:assumed-role/${c.roleId}/${session}`,
      accountId: c.ownerUin,
      userId: `${c.roleId}:${session}`,
      principalId: c.ownerUin,
      type: 'AssumedRole',
    };
  }
  return {
    arn: `qcs::cam::uin/${c.ownerUin}:uin/${c.uin}`,
    accountId: c.ownerUin,
    userId: c.uin,
    principalId: c.uin,
    type: c.type === 'root' ? 'Root' : 'CAMUser',
  };
}
