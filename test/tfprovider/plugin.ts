/**
 * Calling the stand-in's tfplugin6 methods in-process, as terraform would over gRPC: values encoded as msgpack
 * DynamicValues of each resource's schema, responses decoded back.
 */
import { EmulatorHandle } from '../../src/emulator';
import { decodeValue, encodeValue } from '../../tfprovider/codec';
import { PluginLog } from '../../tfprovider/log';
import { Obj } from '../../tfprovider/plan';
import { Diagnostic, DynamicValue } from '../../tfprovider/protocol';
import { StandInProvider } from '../../tfprovider/provider';
import { blockType } from '../../tfprovider/schema';

export const quietLog = (): PluginLog => new PluginLog(undefined, false);

/** A stand-in configured (ConfigureProvider) against `emulator` as the root account, in ap-guangzhou. */
export function emulatorCaller(emulator: EmulatorHandle, writeRetryTimeoutSeconds = 5): PluginCaller {
  const provider = new StandInProvider({
    env: {
      TENCENTCLOUD_ENDPOINT_URL: `http://${emulator.endpoint}`,
      TENCENTCLOUD_SECRET_ID: emulator.root.secretId,
      TENCENTCLOUD_SECRET_KEY: emulator.root.secretKey,
      TENCENTCLOUD_REGION: 'ap-guangzhou',
      TENCENTCLOUD_WRITE_RETRY_TIMEOUT: String(writeRetryTimeoutSeconds),
    },
    log: quietLog(),
  });
  provider.ConfigureProvider({ terraformVersion: '1.11.4', config: { msgpack: Buffer.from(encodeValue(null, blockType(provider.schemas.provider.block))) } });
  return new PluginCaller(provider);
}

export class PluginCaller {
  constructor(readonly provider: StandInProvider = new StandInProvider({ env: {}, log: quietLog() })) {}

  /** A full object of the resource's schema (every attribute null, nested list/set blocks empty) overlaid with `value`. */
  full(typeName: string, value: Record<string, unknown> | null): Obj | null {
    const block = this.provider.schemas.resource_schemas[typeName].block;
    if (value === null) return null;
    const out: Obj = { ...Object.fromEntries(Object.keys(blockType(block)[1]).map((k) => [k, null])), ...value };
    for (const [name, nb] of Object.entries(block.block_types ?? {})) if (out[name] === null && nb.nesting_mode !== 'single') out[name] = [];
    return out;
  }

  dv(typeName: string, value: Record<string, unknown> | null): DynamicValue {
    return { msgpack: Buffer.from(encodeValue(this.full(typeName, value), blockType(this.provider.schemas.resource_schemas[typeName].block))) };
  }

  decode(typeName: string, v: DynamicValue | null | undefined): Obj | null {
    if (!v?.msgpack) throw new Error(`${typeName}: response has no msgpack value`);
    return decodeValue(v.msgpack as Uint8Array, blockType(this.provider.schemas.resource_schemas[typeName].block));
  }

  validate(typeName: string, config: Record<string, unknown>): Diagnostic[] {
    return this.provider.ValidateResourceConfig({ typeName, config: this.dv(typeName, config) }).diagnostics ?? [];
  }

  /** PlanResourceChange with config = proposed new state (terraform's proposal for attributes all set in config). */
  plan(typeName: string, prior: Record<string, unknown> | null, config: Record<string, unknown> | null) {
    const res = this.provider.PlanResourceChange({
      typeName, priorState: this.dv(typeName, prior), proposedNewState: this.dv(typeName, config), config: this.dv(typeName, config),
    });
    const requiresReplace = (res.requiresReplace ?? []).map((p) => (p.steps ?? []).map((s) => s.attributeName ?? s.elementKeyString ?? s.elementKeyInt).join('.'));
    return { planned: this.decode(typeName, res.plannedState), requiresReplace, diagnostics: res.diagnostics ?? [] };
  }

  /**
   * terraform's proposed new state: the configuration, with the prior value of computed attributes it leaves unset,
   * also inside list blocks, whose elements terraform pairs with the prior ones by index.
   */
  proposed(typeName: string, prior: Record<string, unknown> | null, config: Record<string, unknown>): Record<string, unknown> {
    const block = this.provider.schemas.resource_schemas[typeName].block;
    const carry = (attributes: Record<string, { computed?: boolean }>, before: Record<string, unknown> | null, after: Record<string, unknown>) => {
      const out: Record<string, unknown> = { ...after };
      for (const [name, a] of Object.entries(attributes)) {
        if (before && a.computed && (after[name] === undefined || after[name] === null)) out[name] = before[name];
      }
      return out;
    };
    const out = carry(block.attributes ?? {}, prior, config);
    for (const [name, nb] of Object.entries(block.block_types ?? {})) {
      const elements = config[name];
      const priorElements = prior?.[name];
      if (nb.nesting_mode !== 'list' || !Array.isArray(elements) || !Array.isArray(priorElements)) continue;
      out[name] = elements.map((e, i) => (i < priorElements.length ? carry(nb.block.attributes ?? {}, priorElements[i], e) : e));
    }
    return out;
  }

  /** The plan terraform makes after an apply (proposed as terraform proposes); `changed` when it is not a no-op. */
  replan(typeName: string, prior: Record<string, unknown>, config: Record<string, unknown>) {
    const res = this.provider.PlanResourceChange({
      typeName,
      priorState: this.dv(typeName, prior),
      proposedNewState: this.dv(typeName, this.proposed(typeName, prior, config)),
      config: this.dv(typeName, config),
    });
    const planned = this.decode(typeName, res.plannedState);
    return { planned, changed: JSON.stringify(planned) !== JSON.stringify(this.full(typeName, prior)), requiresReplace: res.requiresReplace ?? [] };
  }

  /** ReadResource (terraform's refresh) of a state; null when the object is gone. */
  async read(typeName: string, state: Record<string, unknown>): Promise<Obj | null> {
    const res = await this.provider.ReadResource({ typeName, currentState: this.dv(typeName, state) });
    const errors = (res.diagnostics ?? []).filter((d) => d.severity === 'ERROR');
    if (errors.length) throw new Error(`${typeName}: ${errors.map((d) => `${d.summary} ${d.detail ?? ''}`).join('; ')}`);
    return this.decode(typeName, res.newState);
  }

  /** Plans and applies a create or an update (`prior` null: create); throws on an error diagnostic. */
  async apply(typeName: string, prior: Record<string, unknown> | null, config: Record<string, unknown>): Promise<Obj> {
    const proposed = this.proposed(typeName, prior, config);
    const planned = this.provider.PlanResourceChange({
      typeName, priorState: this.dv(typeName, prior), proposedNewState: this.dv(typeName, proposed), config: this.dv(typeName, config),
    });
    const res = await this.provider.ApplyResourceChange({
      typeName, priorState: this.dv(typeName, prior), plannedState: planned.plannedState, config: this.dv(typeName, config),
    });
    const errors = (res.diagnostics ?? []).filter((d) => d.severity === 'ERROR');
    if (errors.length) throw new Error(`${typeName}: ${errors.map((d) => `${d.summary} ${d.detail ?? ''}`).join('; ')}`);
    return this.decode(typeName, res.newState)!;
  }

  async destroy(typeName: string, prior: Record<string, unknown>): Promise<void> {
    const res = await this.provider.ApplyResourceChange({ typeName, priorState: this.dv(typeName, prior), plannedState: this.dv(typeName, null) });
    const errors = (res.diagnostics ?? []).filter((d) => d.severity === 'ERROR');
    if (errors.length) throw new Error(`${typeName}: ${errors.map((d) => d.summary).join('; ')}`);
  }

  /** ImportResourceState then ReadResource, as `terraform import` does. */
  async importAndRead(typeName: string, id: string): Promise<Obj | null> {
    const imp = await this.provider.ImportResourceState({ typeName, id });
    const read = await this.provider.ReadResource({ typeName, currentState: imp.importedResources?.[0].state });
    const errors = (read.diagnostics ?? []).filter((d) => d.severity === 'ERROR');
    if (errors.length) throw new Error(`${typeName}: ${errors.map((d) => d.summary).join('; ')}`);
    return this.decode(typeName, read.newState);
  }

  async readData(typeName: string, config: Record<string, unknown>): Promise<Obj> {
    const block = this.provider.schemas.data_source_schemas[typeName].block;
    const full = { ...Object.fromEntries(Object.keys(blockType(block)[1]).map((k) => [k, null])), ...config };
    const res = await this.provider.ReadDataSource({ typeName, config: { msgpack: Buffer.from(encodeValue(full, blockType(block))) } });
    const errors = (res.diagnostics ?? []).filter((d) => d.severity === 'ERROR');
    if (errors.length) throw new Error(`${typeName}: ${errors.map((d) => `${d.summary} ${d.detail ?? ''}`).join('; ')}`);
    return decodeValue(res.state!.msgpack as Uint8Array, blockType(block));
  }
}
