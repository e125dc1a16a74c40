/**
 * CAM policy evaluation, as a pure function over parsed policy documents.
 *
 * Rules (CAM "Policy Evaluation Logic" / "Syntax Logic", see ../shared/reference/cam-tcr-policy-facts.md):
 * - default deny: nothing is allowed unless a statement allows it;
 * - an explicit deny in any attached policy wins over every allow;
 * - actions match `service:Api` with `*` wildcards (`tcr:*`, `tcr:Describe*`, `*`); a `name/` prefix is ignored;
 * - resources are six-segment `qcs:project:service:region:account:resource`; an empty region means every region,
 *   an empty account (or `uin/` with no number) means the root account that owns the policy, `*` is a wildcard.
 * Matching is case-sensitive. INFERRED: the CAM docs do not say whether names are case-insensitive; strict
 * matching can only make the emulator deny something the real service allows, which fails loudly in tests.
 * Conditions are not evaluated: an allow statement with a `condition` never grants (it might not hold), a deny
 * statement with a `condition` always applies (it might hold). Both err on the side of denying.
 */

export type Effect = 'allow' | 'deny';

export interface PolicyStatement {
  readonly effect: Effect;
  readonly action: readonly string[];
  readonly resource: readonly string[];
  readonly hasCondition: boolean;
}

export interface PolicyDocument {
  readonly statements: readonly PolicyStatement[];
}

export interface EvaluationRequest {
  /** `tcr:CreateNamespace` */
  readonly action: string;
  /** Six-segment resource of the request, account segment filled in (`uin/100000000001`). */
  readonly resource: string;
  /** UIN of the root account that owns the policies (fills an empty account segment). */
  readonly ownerUin: string;
}

export type Decision = 'allow' | 'explicitDeny' | 'implicitDeny';

/** Converts a CAM wildcard pattern to an anchored regular expression (`*` = any run of characters, `?` literal). */
function wildcardToRegExp(pattern: string): RegExp {
  const escaped = pattern.replace(/[.+^${}()|[\]\\?]/g, '\\$&').replace(/\*/g, '.*');
  return new RegExp(`^${escaped}$`);
}

function wildcardMatch(pattern: string, value: string): boolean {
  if (pattern === '*') return true;
  if (!pattern.includes('*')) return pattern === value;
  return wildcardToRegExp(pattern).test(value);
}

export function actionMatches(pattern: string, action: string): boolean {
  const normalized = pattern.startsWith('name/') ? pattern.slice('name/'.length) : pattern;
  return wildcardMatch(normalized, action);
}

/** Splits `qcs:project:service:region:account:resource`; the resource part may itself contain `:`. */
export function splitResource(resource: string): string[] | undefined {
  const parts = resource.split(':');
  if (parts.length < 6 || parts[0] !== 'qcs') return undefined;
  return [...parts.slice(0, 5), parts.slice(5).join(':')];
}

export function resourceMatches(pattern: string, resource: string, ownerUin: string): boolean {
  if (pattern === '*') return true;
  const p = splitResource(pattern);
  const r = splitResource(resource);
  if (!p || !r) return false;
  const [, pProject, pService, pRegion, pAccount, pRes] = p;
  const [, rProject, rService, rRegion, rAccount, rRes] = r;
  if (pProject !== '' && !wildcardMatch(pProject, rProject)) return false;
  if (!wildcardMatch(pService, rService)) return false;
  if (pRegion !== '' && !wildcardMatch(pRegion, rRegion)) return false;
  const account = pAccount === '' || pAccount === 'uin/' ? `uin/${ownerUin}` : pAccount;
  if (!wildcardMatch(account, rAccount)) return false;
  return wildcardMatch(pRes, rRes);
}

function statementApplies(statement: PolicyStatement, request: EvaluationRequest): boolean {
  return statement.action.some((a) => actionMatches(a, request.action))
    && statement.resource.some((r) => resourceMatches(r, request.resource, request.ownerUin));
}

/** Evaluates one action on one resource against every policy attached to the caller. */
export function evaluate(policies: readonly PolicyDocument[], request: EvaluationRequest): Decision {
  let allowed = false;
  for (const policy of policies) {
    for (const statement of policy.statements) {
      if (!statementApplies(statement, request)) continue;
      if (statement.effect === 'deny') return 'explicitDeny';
      if (!statement.hasCondition) allowed = true;
    }
  }
  return allowed ? 'allow' : 'implicitDeny';
}

export class PolicyDocumentError extends Error {
  constructor(public readonly code: string, message: string) {
    super(message);
    this.name = 'PolicyDocumentError';
  }
}

function asStringList(value: unknown, field: string, code: string, allowString: boolean): string[] {
  if (typeof value === 'string' && allowString) return [value];
  if (Array.isArray(value) && value.length > 0 && value.every((v) => typeof v === 'string' && v !== '')) return value as string[];
  throw new PolicyDocumentError(
    code,
    `statement \`${field}\` must be ${allowString ? 'a string or ' : ''}a non-empty array of non-empty strings, got ${JSON.stringify(value)}`,
  );
}

/**
 * Parses and checks a CAM policy document (syntax per cam-tcr-policy-facts.md §5): `version` "2.0", a non-empty
 * `statement` array (a single object is accepted too), `effect` allow/deny, `action` string or array, `resource`
 * array (the provider rejects a string; the emulator does as well), `condition` an object if present.
 * Throws PolicyDocumentError with the CAM error code.
 */
export function parsePolicyDocument(text: string): PolicyDocument {
  let doc: any;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    throw new PolicyDocumentError('InvalidParameter.PolicyDocumentError', `PolicyDocument is not valid JSON: ${(e as Error).message}`);
  }
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) {
    throw new PolicyDocumentError('InvalidParameter.PolicyDocumentError', 'PolicyDocument must be a JSON object');
  }
  if (doc.version !== '2.0') {
    throw new PolicyDocumentError('InvalidParameter.VersionError', `policy \`version\` must be "2.0", got ${JSON.stringify(doc.version)}`);
  }
  const rawStatements = Array.isArray(doc.statement) ? doc.statement : doc.statement && typeof doc.statement === 'object' ? [doc.statement] : undefined;
  if (!rawStatements || rawStatements.length === 0) {
    throw new PolicyDocumentError('InvalidParameter.StatementError', 'policy `statement` must be a non-empty array of statements');
  }
  const statements = rawStatements.map((s: any, i: number): PolicyStatement => {
    if (s === null || typeof s !== 'object' || Array.isArray(s)) {
      throw new PolicyDocumentError('InvalidParameter.StatementError', `statement ${i} must be an object`);
    }
    if (s.effect !== 'allow' && s.effect !== 'deny') {
      throw new PolicyDocumentError('InvalidParameter.EffectError', `statement ${i} \`effect\` must be "allow" or "deny", got ${JSON.stringify(s.effect)}`);
    }
    const action = asStringList(s.action, 'action', 'InvalidParameter.ActionError', true);
    for (const a of action) {
      const name = a.startsWith('name/') ? a.slice(5) : a;
      if (name !== '*' && !/^[a-z0-9_-]+:[A-Za-z0-9*]+$/.test(name)) {
        throw new PolicyDocumentError('InvalidParameter.ActionError', `statement ${i} action ${JSON.stringify(a)} must be "*" or "<service>:<ApiName>" (wildcards allowed)`);
      }
    }
    const resource = asStringList(s.resource, 'resource', 'InvalidParameter.ResourceError', false);
    for (const r of resource) {
      if (r !== '*' && !splitResource(r)) {
        throw new PolicyDocumentError('InvalidParameter.ResourceQcsError', `statement ${i} resource ${JSON.stringify(r)} must be "*" or a six-segment "qcs:project:service:region:account:resource"`);
      }
    }
    if (s.condition !== undefined && (s.condition === null || typeof s.condition !== 'object' || Array.isArray(s.condition))) {
      throw new PolicyDocumentError('InvalidParameter.ConditionError', `statement ${i} \`condition\` must be an object`);
    }
    return { effect: s.effect, action, resource, hasCondition: s.condition !== undefined };
  });
  return { statements };
}
