/**
 * The contract between the emulator core (HTTP server, TC3 verification, CAM evaluation, admin, faults,
 * clock, persistence) and the per-service action handlers (TCR, SSM, CAM, STS).
 *
 * Handlers are synchronous functions over the in-memory state: Node runs one at a time, so a request
 * cannot interleave with another one's update (no lost updates without locks).
 */
import { PolicyDocument } from './cam-evaluator';

/** Who signed the request. */
export interface Caller {
  /** Root account UIN that owns every resource the caller touches (`uin/<ownerUin>` in six-segment resources). */
  readonly ownerUin: string;
  /** UIN of the caller itself: the root UIN, or the sub-account's UIN. */
  readonly uin: string;
  readonly appId: string;
  /** `root` for root keys, `subaccount` for a sub-account's keys, `assumed` for STS temporary credentials. */
  readonly type: 'root' | 'subaccount' | 'assumed';
  readonly secretId: string;
  /** Sub-account or role name, for logs and GetCallerIdentity. */
  readonly name: string;
  /** Role id when `type` is `assumed` (temporary credentials of a role); CAM evaluates the role's policies. */
  readonly roleId?: string;
}

export interface ActionContext {
  /** The whole emulator state; each service reads and writes only its own slice (`state.tcr`, `state.ssm`, ...). */
  readonly state: EmulatorState;
  readonly caller: Caller;
  /** The validated X-TC-Region for a regional service; undefined for a global one. */
  readonly region: string | undefined;
  readonly requestId: string;
  /** Virtual clock, epoch milliseconds (advanced through the admin interface). */
  now(): number;
  /**
   * Checks the caller's CAM permissions for `tcr:CreateNamespace`-style action names on six-segment resources
   * (`qcs::tcr:ap-guangzhou:uin/100000000001:repository/tcr-abc/ns`). Root callers always pass.
   * Throws the API's UnauthorizedOperation error when denied.
   */
  authorize(camAction: string, resources: readonly string[]): void;
  /**
   * True when the caller may perform `camAction` on the six-segment `resource` (root: always). List actions
   * filter what they return with it, so that a caller sees only the resources CAM allows it (never throws).
   */
  allows(camAction: string, resource: string): boolean;
  /** Builds `qcs::<service>:<region>:uin/<ownerUin>:<resource>` for the caller's account. */
  resourceArn(service: string, resource: string): string;
}

/** Handlers get parameters already checked against the API model (required fields present, primitive types right). */
export type ActionHandler = (ctx: ActionContext, params: Record<string, any>) => Record<string, unknown>;

export interface ServiceDefinition {
  /** Product name as in `<service>.tencentcloudapi.com` and the credential scope of the Go SDK. */
  readonly service: 'tcr' | 'ssm' | 'cam' | 'sts' | 'tag';
  /** X-TC-Version this service answers, e.g. `2019-09-24`. */
  readonly version: string;
  /**
   * `regional` (the default): every request needs a known X-TC-Region, and resources carry it; `global` (CAM,
   * STS): the region is not needed and resources have an empty region segment.
   */
  readonly scope?: 'regional' | 'global';
  readonly actions: Readonly<Record<string, ActionHandler>>;
  /** Requests per second allowed per caller and action, where the API documents one. */
  readonly rateLimits?: Readonly<Record<string, number>>;
}

/**
 * Where the core's CAM evaluation finds the policies that apply to a caller (its own, its groups', its role's).
 * The CAM service's model provides it; the core depends on this interface, not on a particular service.
 */
export interface PolicySource {
  /** The parsed policy documents that apply to `caller`, in any order. */
  policiesFor(state: EmulatorState, caller: Caller): PolicyDocument[];
}

/**
 * Plain JSON-serialisable state, so that it can be persisted to a file and shared with another process.
 * Services own their slice; the core owns `accounts` and `clock`.
 */
export interface EmulatorState {
  /** Slices keyed by service name. */
  [slice: string]: any;
}
