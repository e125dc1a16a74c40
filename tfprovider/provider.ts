/**
 * The tfplugin6 Provider service of the stand-in, independent of the gRPC transport: each method takes the request
 * as @grpc/proto-loader decodes it (camelCase fields, Buffers) and returns the response object.
 */
import { TencentApi } from './api';
import { containsUnknown, CtyType, decodeValue, encodeValue, UNKNOWN, valuesEqual } from './codec';
import { Diagnostics, ProviderError } from './diagnostics';
import { PluginLog } from './log';
import { complete, isZeroValue, known, Obj, planChange, unknownsToNull } from './plan';
import {
  ApplyResourceChangeRequest, ApplyResourceChangeResponse, ConfigureProviderRequest, ConfigureProviderResponse, Diagnostic, DynamicValue,
  GetFunctionsResponse, GetProviderSchemaResponse, ImportResourceStateRequest, ImportResourceStateResponse, PlanResourceChangeRequest,
  PlanResourceChangeResponse, ReadDataSourceRequest, ReadDataSourceResponse, ReadResourceRequest, ReadResourceResponse, StopProviderResponse,
  UpgradeResourceStateRequest, UpgradeResourceStateResponse, ValidateDataResourceConfigResponse, ValidateEphemeralResourceConfigResponse,
  ValidateProviderConfigRequest, ValidateProviderConfigResponse, ValidateResourceConfigRequest, ValidateResourceConfigResponse,
} from './protocol';
import { camGroupPolicyAttachment, camPolicy, camRolePolicyAttachment, camUserPolicyAttachment } from './resources/cam';
import { camGroup, camRole, camUser } from './resources/cam-principals';
import { camPoliciesData, DataSourceDefinition, tcrInstancesData, userInfoData } from './resources/datasources';
import { ssmSecret, ssmSecretVersion, validateSecretVersionV2 } from './resources/ssm';
import { tcrInstance, tcrNamespace, tcrServiceAccount, tcrToken } from './resources/tcr';
import { ResourceContext, ResourceDefinition } from './resources/types';
import { blockType, JsonSchema, loadProviderSchemas, ProviderSchemas, toProtoProviderSchema } from './schema';

/** Resources the stand-in can apply against the emulator. */
export const IMPLEMENTED: Readonly<Record<string, ResourceDefinition>> = {
  tencentcloud_tcr_instance: tcrInstance,
  tencentcloud_tcr_namespace: tcrNamespace,
  tencentcloud_tcr_service_account: tcrServiceAccount,
  tencentcloud_tcr_token: tcrToken,
  tencentcloud_cam_policy: camPolicy,
  tencentcloud_cam_user: camUser,
  tencentcloud_cam_group: camGroup,
  tencentcloud_cam_role: camRole,
  tencentcloud_cam_user_policy_attachment: camUserPolicyAttachment,
  tencentcloud_cam_group_policy_attachment: camGroupPolicyAttachment,
  tencentcloud_cam_role_policy_attachment: camRolePolicyAttachment,
  tencentcloud_ssm_secret: ssmSecret,
  tencentcloud_ssm_secret_version: ssmSecretVersion,
};

/** Data sources the stand-in reads against the emulator. */
export const DATA_SOURCES: Readonly<Record<string, DataSourceDefinition>> = {
  tencentcloud_tcr_instances: tcrInstancesData,
  tencentcloud_cam_policies: camPoliciesData,
  tencentcloud_user_info: userInfoData,
};

/** Validation-only rules for schema resources the stand-in plans but does not apply. */
const VALIDATE_ONLY: Readonly<Record<string, (config: Obj, diags: Diagnostics) => void>> = {
  tencentcloud_ssm_secret_version_v2: validateSecretVersionV2,
};

/** DynamicValue bytes as grpc-js hands them over (a Buffer); the permissive message type also allows a string. */
function bytesOf(v: Buffer | Uint8Array | string | undefined): Uint8Array | undefined {
  if (v === undefined || v.length === 0) return undefined;
  return typeof v === 'string' ? Buffer.from(v, 'binary') : v;
}

/**
 * The real provider is built on terraform-plugin-sdk/v2, which sets this flag: terraform then accepts Go-style
 * `Default:` values planned for non-computed attributes (tcr_token.enable = true, ...) and reports apply
 * inconsistencies as log warnings instead of errors. The stand-in does the same to behave like the provider users
 * run, and checks its own apply results against the plan (checkConsistency) so that its bugs still surface.
 */
const LEGACY_TYPE_SYSTEM = true;

export interface ProviderOptions {
  readonly schemas?: ProviderSchemas;
  readonly log?: PluginLog;
  readonly env?: NodeJS.ProcessEnv;
}

export class StandInProvider {
  readonly schemas: ProviderSchemas;
  private readonly log: PluginLog;
  private readonly env: NodeJS.ProcessEnv;
  private readonly protoSchema: GetProviderSchemaResponse;
  private ctx: ResourceContext | undefined;
  private readonly types = new Map<string, CtyType>();

  constructor(options: ProviderOptions = {}) {
    this.schemas = options.schemas ?? loadProviderSchemas();
    this.log = options.log ?? new PluginLog();
    this.env = options.env ?? process.env;
    this.protoSchema = toProtoProviderSchema(this.schemas);
  }

  GetProviderSchema(): GetProviderSchemaResponse {
    return { ...this.protoSchema, diagnostics: [] };
  }

  ValidateProviderConfig(req: ValidateProviderConfigRequest): ValidateProviderConfigResponse {
    const diags = new Diagnostics();
    const config = this.decode(req.config, this.schemas.provider);
    const protocol = known<string>(config?.protocol);
    if (protocol !== undefined && !['HTTP', 'HTTPS'].includes(protocol)) {
      diags.error('Invalid protocol', `protocol is "${protocol}"; valid values are "HTTP" and "HTTPS".`, ['protocol']);
    }
    return { diagnostics: diags.items };
  }

  ConfigureProvider(req: ConfigureProviderRequest): ConfigureProviderResponse {
    const config = this.decode(req.config, this.schemas.provider) ?? {};
    const env = this.env;
    const region = known<string>(config.region) ?? env.TENCENTCLOUD_REGION ?? 'ap-guangzhou';
    const retry = Number(env.TENCENTCLOUD_WRITE_RETRY_TIMEOUT ?? '');
    const api = new TencentApi({
      secretId: known<string>(config.secret_id) ?? env.TENCENTCLOUD_SECRET_ID,
      secretKey: known<string>(config.secret_key) ?? env.TENCENTCLOUD_SECRET_KEY,
      securityToken: known<string>(config.security_token) ?? env.TENCENTCLOUD_SECURITY_TOKEN,
      region,
      endpointUrl: env.TENCENTCLOUD_ENDPOINT_URL,
      retryTimeoutSeconds: Number.isFinite(retry) && retry > 0 ? retry : 300,
    }, this.log);
    this.ctx = { api, log: this.log, region };
    this.log.info(`configured: terraform ${String(req.terraformVersion ?? '?')}, region ${region}, endpoint ${env.TENCENTCLOUD_ENDPOINT_URL ?? '(unset)'}`);
    return { diagnostics: [] };
  }

  ValidateResourceConfig(req: ValidateResourceConfigRequest): ValidateResourceConfigResponse {
    const typeName = req.typeName ?? '';
    const schema = this.resourceSchema(typeName);
    const diags = new Diagnostics();
    const config = this.decode(req.config, schema);
    if (config) {
      IMPLEMENTED[typeName]?.validate?.(config, diags);
      VALIDATE_ONLY[typeName]?.(config, diags);
    }
    return { diagnostics: diags.items };
  }

  ValidateDataResourceConfig(): ValidateDataResourceConfigResponse {
    return { diagnostics: [] };
  }

  ValidateEphemeralResourceConfig(): ValidateEphemeralResourceConfigResponse {
    return { diagnostics: [] };
  }

  UpgradeResourceState(req: UpgradeResourceStateRequest): UpgradeResourceStateResponse {
    const typeName = req.typeName ?? '';
    const schema = this.resourceSchema(typeName);
    const json = bytesOf(req.rawState?.json);
    if (!json) {
      return { diagnostics: [{ severity: 'ERROR', summary: 'Cannot upgrade state', detail: 'only JSON raw state is supported (no flatmap)' }] };
    }
    // Schema version 0 everywhere: the stored JSON already has the current shape. Unknown attributes are dropped.
    const state = complete(schema.block, JSON.parse(Buffer.from(json).toString('utf8')));
    return { upgradedState: this.encode(state, typeName, schema), diagnostics: [] };
  }

  async ReadResource(req: ReadResourceRequest): Promise<ReadResourceResponse> {
    const typeName = req.typeName ?? '';
    const schema = this.resourceSchema(typeName);
    const state = this.decode(req.currentState, schema);
    const impl = IMPLEMENTED[typeName];
    if (!state || !impl) return { newState: req.currentState, diagnostics: [], private: req.private };
    return this.guard(`read ${typeName} ${String(state.id)}`, async () => {
      const next = await impl.read(this.context(), state);
      const value = next === null ? null : complete(schema.block, unknownsToNull(next));
      return { newState: this.encode(value, typeName, schema), private: req.private };
    });
  }

  PlanResourceChange(req: PlanResourceChangeRequest): PlanResourceChangeResponse {
    const typeName = req.typeName ?? '';
    const schema = this.resourceSchema(typeName);
    const prior = this.decode(req.priorState, schema);
    const proposed = this.decode(req.proposedNewState, schema);
    const config = this.decode(req.config, schema);
    const impl = IMPLEMENTED[typeName] ?? {};
    const { planned, requiresReplace } = planChange(schema.block, impl, prior, proposed, config);
    return {
      plannedState: this.encode(planned, typeName, schema),
      requiresReplace: requiresReplace.map((name) => ({ steps: [{ attributeName: name }] })),
      plannedPrivate: req.priorPrivate ?? Buffer.alloc(0),
      diagnostics: [],
      legacyTypeSystem: LEGACY_TYPE_SYSTEM,
    };
  }

  async ApplyResourceChange(req: ApplyResourceChangeRequest): Promise<ApplyResourceChangeResponse> {
    const typeName = req.typeName ?? '';
    const schema = this.resourceSchema(typeName);
    const prior = this.decode(req.priorState, schema);
    const planned = this.decode(req.plannedState, schema);
    const impl = IMPLEMENTED[typeName];
    if (!impl) {
      return {
        newState: req.priorState,
        diagnostics: [{
          severity: 'ERROR',
          summary: `${typeName} is not supported by the tencentcloud stand-in provider`,
          detail: `The stand-in validates and plans every resource of the pinned schema but applies only: ${Object.keys(IMPLEMENTED).join(', ')}.`,
        }],
      };
    }
    const what = planned === null ? 'delete' : prior === null ? 'create' : 'update';
    let createdId: string | undefined;
    /*
     * A create that fails after the API made the object: like SDKv2 (d.SetId, then an error), answer the planned
     * values with that id beside the error. terraform keeps it as tainted, so the next apply replaces it and destroy
     * deletes it; answering no state would orphan the object in the account.
     */
    const onError = () => (createdId !== undefined && planned
      ? this.encode(complete(schema.block, unknownsToNull({ ...planned, id: createdId })), typeName, schema)
      : req.priorState);
    return this.guard(`${what} ${typeName}${prior ? ` ${String(prior.id)}` : ''}`, async () => {
      const ctx = this.context();
      let next: Obj | null;
      if (planned === null) {
        await impl.delete(ctx, prior!);
        next = null;
      } else if (prior === null) {
        next = await impl.create({ ...ctx, created: (id) => { createdId = id; } }, unknownsToNull(planned));
      } else {
        if (!impl.update) throw new ProviderError(`${typeName} cannot be updated in place`);
        next = await impl.update(ctx, prior, unknownsToNull(planned));
      }
      const value = next === null ? null : complete(schema.block, unknownsToNull(next));
      if (value && planned) this.checkConsistency(typeName, planned, value);
      return {
        newState: this.encode(value, typeName, schema),
        private: req.plannedPrivate ?? Buffer.alloc(0),
        legacyTypeSystem: LEGACY_TYPE_SYSTEM,
      };
    }, onError);
  }

  async ImportResourceState(req: ImportResourceStateRequest): Promise<ImportResourceStateResponse> {
    const typeName = req.typeName ?? '';
    const schema = this.resourceSchema(typeName);
    if (!IMPLEMENTED[typeName]) {
      return { importedResources: [], diagnostics: [{ severity: 'ERROR', summary: `import of ${typeName} is not supported by the stand-in`, detail: '' }] };
    }
    // Passthrough importers: the id alone; terraform then calls ReadResource to fill in the rest.
    const state = complete(schema.block, { id: String(req.id) });
    const imported = { typeName, state: this.encode(state, typeName, schema), private: Buffer.alloc(0) };
    return { importedResources: [imported], diagnostics: [] };
  }

  async ReadDataSource(req: ReadDataSourceRequest): Promise<ReadDataSourceResponse> {
    const typeName = req.typeName ?? '';
    const impl = DATA_SOURCES[typeName];
    const schema = this.schemas.data_source_schemas?.[typeName];
    if (!impl || !schema) {
      return {
        diagnostics: [{
          severity: 'ERROR',
          summary: `data source ${typeName} is not supported by the tencentcloud stand-in provider`,
          detail: `The stand-in serves every data source schema for validation and planning, and reads only: ${Object.keys(DATA_SOURCES).join(', ')}.`,
        }],
      };
    }
    const config = this.decode(req.config, schema) ?? {};
    return this.guard(`read data ${typeName}`, async (): Promise<ReadDataSourceResponse> => {
      const value = complete(schema.block, unknownsToNull(await impl.read(this.context(), config)));
      return { state: this.encode(value, `data.${typeName}`, schema) };
    });
  }

  /** terraform's graceful stop (Ctrl-C): in-flight operations end at their next API call. */
  StopProvider(): StopProviderResponse {
    this.log.info('StopProvider received');
    this.ctx?.api.stop();
    return { Error: '' };
  }

  GetFunctions(): GetFunctionsResponse {
    return { diagnostics: [] };
  }

  /** Every known planned value must come back unchanged from apply; mismatches are logged by attribute name only. */
  private checkConsistency(typeName: string, planned: Obj, state: Obj): void {
    for (const [name, v] of Object.entries(planned)) {
      if (v === UNKNOWN || containsUnknown(v)) continue;
      // An unset attribute read back as its zero value is what SDKv2 does too (no difference for it).
      if (v === null && isZeroValue(state[name])) continue;
      if (!valuesEqual(v, state[name])) this.log.warn(`${typeName}: apply returned a value for ${name} that differs from the plan`);
    }
  }

  private context(): ResourceContext {
    if (!this.ctx) throw new ProviderError('provider not configured', 'terraform did not call ConfigureProvider before using a resource');
    return this.ctx;
  }

  /** Runs one RPC; on failure answers one error diagnostic, with `stateOnError()` as new_state when given. */
  private async guard<R extends object>(
    what: string, fn: () => Promise<R>, stateOnError?: () => DynamicValue | null | undefined,
  ): Promise<R> {
    try {
      const out = await fn();
      this.log.info(`${what}: ok`);
      return { diagnostics: [], ...out };
    } catch (e: unknown) {
      // Error texts name API actions, codes and ids, never request values.
      const text = e instanceof Error ? e.message : String(e);
      this.log.error(`${what}: ${e instanceof ProviderError ? e.message : e instanceof Error ? String(e.stack ?? e) : text}`);
      const diag: Diagnostic = e instanceof ProviderError
        ? { severity: 'ERROR', summary: e.message, detail: e.detail, ...(e.path ? { attribute: { steps: e.path.map((s) => (typeof s === 'number' ? { elementKeyInt: s } : { attributeName: s })) } } : {}) }
        : { severity: 'ERROR', summary: `${what} failed`, detail: text };
      return { ...(stateOnError ? { newState: stateOnError() } : {}), diagnostics: [diag] } as unknown as R;
    }
  }

  private resourceSchema(typeName: string): JsonSchema {
    const s = this.schemas.resource_schemas[typeName];
    if (!s) throw new ProviderError(`unknown resource type ${typeName}`);
    return s;
  }

  private type(typeName: string, schema: JsonSchema): CtyType {
    let t = this.types.get(typeName);
    if (!t) {
      t = blockType(schema.block);
      this.types.set(typeName, t);
    }
    return t;
  }

  private decode(dv: DynamicValue | null | undefined, schema: JsonSchema): Obj | null {
    if (!dv) return null;
    const msgpack = bytesOf(dv.msgpack);
    if (msgpack) {
      const v = decodeValue(msgpack, blockType(schema.block));
      return v === UNKNOWN ? null : v as Obj | null;
    }
    const json = bytesOf(dv.json);
    if (json) return complete(schema.block, JSON.parse(Buffer.from(json).toString('utf8')));
    return null;
  }

  private encode(value: Obj | null, typeName: string, schema: JsonSchema): DynamicValue {
    return { msgpack: Buffer.from(encodeValue(value, this.type(typeName, schema))) };
  }
}
