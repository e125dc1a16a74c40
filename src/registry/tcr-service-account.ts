import { Annotations, Token } from 'cdktf';
import { Construct, IConstruct } from 'constructs';
import { tcrServiceAccount } from '../providers/tencentcloud';
import {
  checkServiceAccountAction, checkServiceAccountName, checkValidityDays, checkValidityUntil, GRANT_ACTIONS_RULE,
  SAME_INSTANCE_GRANT_RULE, SERVICE_ACCOUNT_CI_PREFIX, SERVICE_ACCOUNT_GRANTS_RULE, SERVICE_ACCOUNT_PREFIX,
  UNIQUE_IN_INSTANCE_RULE,
} from '../validation/name-rules';
import { earlierServiceAccountWithSameName, NamedMember, registerServiceAccount } from './private/instance-members';
import { checkLiteral, checkTags, problem } from './private/validation';
import type { ITcrGrantee } from './tcr-grantee';
import type { ITcrInstance } from './tcr-instance';
import { ITcrNamespace, TcrNamespace, TcrNamespaceBase } from './tcr-namespace';
import { Validity } from './validity';

/** A TCR service account: a robot login for `docker login` scoped by namespace grants. */
export interface ITcrServiceAccount extends ITcrGrantee, IConstruct {
  /** Account name as declared, without prefix. */
  readonly name: string;
  /** The instance the account belongs to. */
  readonly instance: ITcrInstance;
  /** Login user name: `tcr$<name>`. */
  readonly username: string;
  /** Login user name for CI systems that mishandle `$`: `tcr@<name>`. */
  readonly ciUsername: string;
}

/** Options for a service account created through `ITcrInstance.addServiceAccount`. */
export interface TcrServiceAccountOptions {
  /**
   * Account name: lowercase letters, digits, `.`, `_`, `-`, starting with a letter or digit. Do not type the
   * `tcr$` prefix: TCR adds it (see `username`).
   *
   * Fixed once created: the provider rejects a rename ("argument `name` cannot be changed") instead of replacing
   * the account. To rename, also give the construct a new id, so Terraform replaces the account (new password).
   */
  readonly name: string;
  /**
   * Description shown in the console.
   * @default - no description
   */
  readonly description?: string;
  /**
   * How long the account is valid.
   * @default Validity.days(30)
   */
  readonly validity?: Validity;
  /**
   * Create the account disabled (it cannot log in).
   * @default false
   */
  readonly disabled?: boolean;
  /**
   * Tags on the account.
   * @default - no tags
   */
  readonly tags?: { [key: string]: string };
}

/** Properties of a `TcrServiceAccount`. */
export interface TcrServiceAccountProps extends TcrServiceAccountOptions {
  /** The instance the account is created in. */
  readonly instance: ITcrInstance;
}

/**
 * tencentcloud provider v1.83.25 refreshes a service account with one DescribeServiceAccounts call that has no
 * filter and no paging (API default: 20 results), and falls back to the first account returned when its own is not
 * among them (provider-semantics.md, "Read quirk"). Past 20 accounts in one instance, refresh can therefore load
 * another account's data: a perpetual diff whose apply fails ("argument `name` cannot be changed").
 */
const PROVIDER_SERVICE_ACCOUNT_READ_LIMIT = 20;

interface NamespaceGrant {
  /**
   * The handle whose name is rendered into `permissions.resource`: a namespace created by this app wins over an
   * imported handle with the same name, so the account depends on it whatever the order of the grant calls.
   */
  namespace: ITcrNamespace;
  /**
   * Every handle granted under this name: a namespace of another instance with the same name must not hide
   * behind the first handle, or the cross-instance check would never see it.
   */
  readonly handles: Set<ITcrNamespace>;
  readonly actions: Set<string>;
}

/**
 * A TCR service account (`tencentcloud_tcr_service_account`). Grants from `namespace.grantPull/grantPush(account)`
 * become one `permissions` block per namespace, with actions de-duplicated and sorted and blocks ordered by
 * namespace name, so the synthesized document does not depend on the order of grant calls.
 *
 * The provider stores the generated password in Terraform state (as a sensitive value); `password` is a reference
 * to it, never a literal.
 */
export class TcrServiceAccount extends Construct implements ITcrServiceAccount {
  public readonly name: string;
  public readonly instance: ITcrInstance;
  public readonly username: string;
  public readonly ciUsername: string;
  /** The validity in effect. */
  public readonly validity: Validity;
  /** The underlying L1 resource. */
  public readonly resource: tcrServiceAccount.TcrServiceAccount;

  // Keyed by the namespace's declared name, so two handles on one namespace merge into one block.
  private readonly grants = new Map<string, NamespaceGrant>();

  constructor(scope: Construct, id: string, props: TcrServiceAccountProps) {
    super(scope, id);
    this.name = props.name;
    this.instance = props.instance;
    this.username = `${SERVICE_ACCOUNT_PREFIX}${props.name}`;
    this.ciUsername = `${SERVICE_ACCOUNT_CI_PREFIX}${props.name}`;
    this.validity = props.validity ?? Validity.consoleDefault();

    this.resource = new tcrServiceAccount.TcrServiceAccount(this, 'Resource', {
      registryId: props.instance.instanceId,
      name: props.name,
      description: props.description,
      duration: this.validity.durationDays,
      expiresAt: this.validity.expiresAtMillis,
      disable: props.disabled ?? false,
      tags: props.tags,
      permissions: [],
    });

    const member: NamedMember = { construct: this, declaredName: props.name };
    const accountsInInstance = registerServiceAccount(props.instance, member);
    if (accountsInInstance === PROVIDER_SERVICE_ACCOUNT_READ_LIMIT + 1) {
      // A warning, not an error: only accounts declared in this app are counted, and a fixed provider lifts the limit.
      Annotations.of(this).addWarning(
        `instance ${props.instance.node.path} has more than ${PROVIDER_SERVICE_ACCOUNT_READ_LIMIT} service accounts: `
        + `tencentcloud provider v1.83.25 reads only the first ${PROVIDER_SERVICE_ACCOUNT_READ_LIMIT} `
        + 'returned by DescribeServiceAccounts and falls back to the first one for the rest, so these accounts can be '
        + 'refreshed with another account\'s data (perpetual diff, failing updates). Split accounts across instances or '
        + 'use a provider version that pages DescribeServiceAccounts.',
      );
    }
    this.node.addValidation({ validate: () => this.validateProps(props, member) });
  }

  /**
   * Password of the account: a reference to the provider's sensitive `password` attribute. Mark any output
   * that uses it `sensitive: true`. Terraform state holds the value.
   */
  public get password(): string {
    return this.resource.password;
  }

  public addNamespaceGrant(tcrNamespace: ITcrNamespace, actions: string[]): void {
    // A subclass written in another jsii language cannot implement the internal `_declaredName`: fall back to `name`.
    const key = (tcrNamespace instanceof TcrNamespaceBase ? tcrNamespace._declaredName : undefined) ?? tcrNamespace.name;
    let grant = this.grants.get(key);
    if (!grant) {
      grant = { namespace: tcrNamespace, handles: new Set(), actions: new Set() };
      this.grants.set(key, grant);
    }
    if (tcrNamespace instanceof TcrNamespace && !(grant.namespace instanceof TcrNamespace)) grant.namespace = tcrNamespace;
    grant.handles.add(tcrNamespace);
    for (const action of actions) grant.actions.add(action);
    // Rendered eagerly (accounts carry few grants): a Lazy per account made synth ~25% slower and used ~50% more
    // memory at 1,000 accounts (bench/RESULTS.md), because cdktf resolves and re-resolves each lazy value.
    this.resource.putPermissions(this.renderPermissions());
  }

  private renderPermissions(): Array<{ resource: string; actions: string[] }> {
    return [...this.grants.keys()].sort().map((key) => {
      const grant = this.grants.get(key)!;
      return { resource: grant.namespace.name, actions: [...grant.actions].sort() };
    });
  }

  private validateProps(props: TcrServiceAccountProps, member: NamedMember): string[] {
    const kind = 'TcrServiceAccount';
    const out: string[] = [];
    checkLiteral(out, kind, 'name', props.name, checkServiceAccountName);
    const earlier = earlierServiceAccountWithSameName(props.instance, member);
    if (earlier) {
      out.push(problem(kind, 'name', props.name,
        `${UNIQUE_IN_INSTANCE_RULE}; service account ${earlier.construct.node.path} already uses it`));
    }
    const { durationDays, expiresAtMillis } = this.validity;
    if (durationDays !== undefined && !this.validity.isPermanent && !Token.isUnresolved(durationDays)) {
      const rule = checkValidityDays(durationDays);
      if (rule) out.push(problem(kind, 'validity', `Validity.days(${durationDays})`, rule));
    }
    if (expiresAtMillis !== undefined && !Token.isUnresolved(expiresAtMillis)) {
      const rule = checkValidityUntil(expiresAtMillis, Date.now());
      if (rule) out.push(problem(kind, 'validity', `Validity.until(${describeMillis(expiresAtMillis)})`, rule));
    }
    checkTags(out, kind, props.tags);

    if (this.grants.size === 0) out.push(problem(kind, 'grants', [], SERVICE_ACCOUNT_GRANTS_RULE));
    for (const grant of this.grants.values()) {
      for (const handle of grant.handles) {
        if (!sameInstance(handle.instance, this.instance)) {
          out.push(problem(kind, 'grants', handle.node.path,
            `is a namespace of instance ${handle.instance.node.path}, but ${SAME_INSTANCE_GRANT_RULE} (${this.instance.node.path})`));
        }
      }
      if (grant.actions.size === 0) {
        out.push(problem(kind, `grants[${grant.namespace.node.path}].actions`, [], GRANT_ACTIONS_RULE));
      }
      for (const action of grant.actions) {
        checkLiteral(out, kind, `grants[${grant.namespace.node.path}].actions`, action, checkServiceAccountAction);
      }
    }
    return out;
  }
}

function sameInstance(a: ITcrInstance, b: ITcrInstance): boolean {
  return a === b || a.instanceId === b.instanceId;
}

function describeMillis(ms: number): string {
  const date = new Date(ms);
  return Number.isFinite(date.getTime()) ? `${ms} = ${date.toISOString()}` : String(ms);
}
