/**
 * A test-only ActionContext: a plain state object, a settable virtual clock, and an authorize hook that records
 * every (action, resources) pair and can be told to deny.
 */
import { ApiError } from '../../../src/emulator/api-error';
import { ActionContext, ActionHandler, Caller, EmulatorState, ServiceDefinition } from '../../../src/emulator/service';

export const ROOT: Caller = { ownerUin: '100000000001', uin: '100000000001', appId: '1250000000', type: 'root', secretId: 'AKIDroot', name: 'root' };
export const OTHER_ROOT: Caller = { ownerUin: '100000000009', uin: '100000000009', appId: '1250000009', type: 'root', secretId: 'AKIDother', name: 'other' };

export interface TestHarness {
  state: EmulatorState;
  clock: { now: number };
  authorized: Array<{ action: string; resources: readonly string[] }>;
  /** Actions (CAM names) that authorize() denies. */
  deny: Set<string>;
  /** Every (action, resource) a list action filtered its results by, through allows(). */
  filtered: Array<{ action: string; resource: string }>;
  /** Resources (six-segment) that allows() denies, whatever the action. */
  hidden: Set<string>;
  call(action: string, params?: Record<string, any>, options?: { caller?: Caller; region?: string | null }): Record<string, any>;
  /** Calls and returns the thrown ApiError (fails the test if the call succeeds). */
  fail(action: string, params?: Record<string, any>, options?: { caller?: Caller; region?: string | null }): ApiError;
}

export function harness(service: ServiceDefinition, start = Date.UTC(2026, 10, 25, 12, 0, 0)): TestHarness {
  const h: TestHarness = {
    state: {},
    clock: { now: start },
    authorized: [],
    deny: new Set(),
    filtered: [],
    hidden: new Set(),
    call(action, params = {}, options = {}) {
      const caller = options.caller ?? ROOT;
      const region = options.region === null ? undefined : options.region ?? 'ap-guangzhou';
      const ctx: ActionContext = {
        state: h.state,
        caller,
        region,
        requestId: 'req-1',
        now: () => h.clock.now,
        authorize(camAction, resources) {
          h.authorized.push({ action: camAction, resources });
          if (h.deny.has(camAction)) throw new ApiError('UnauthorizedOperation', `denied ${camAction}`);
        },
        allows(camAction, resource) {
          h.filtered.push({ action: camAction, resource });
          return !h.deny.has(camAction) && !h.hidden.has(resource);
        },
        resourceArn: (svc, resource) => `qcs::${svc}:${region ?? ''}:uin/${caller.ownerUin}:${resource}`,
      };
      const handler: ActionHandler | undefined = service.actions[action];
      if (!handler) throw new Error(`no handler ${action}`);
      // Round-trip through JSON as the wire would.
      return JSON.parse(JSON.stringify(handler(ctx, JSON.parse(JSON.stringify(params)))));
    },
    fail(action, params = {}, options = {}) {
      try {
        h.call(action, params, options);
      } catch (e) {
        if (e instanceof ApiError) return e;
        throw e;
      }
      throw new Error(`${action} unexpectedly succeeded`);
    },
  };
  return h;
}
