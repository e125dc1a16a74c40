/**
 * Calling the stand-in's tfplugin6 methods in-process, as terraform would over gRPC: values encoded as msgpack
 * DynamicValues of each resource's schema, responses decoded back.
 */
import { decodeValue, encodeValue } from '../../tfprovider/codec';
import { PluginLog } from '../../tfprovider/log';
import { Obj } from '../../tfprovider/plan';
import { Diagnostic, DynamicValue } from '../../tfprovider/protocol';
import { StandInProvider } from '../../tfprovider/provider';
import { blockType } from '../../tfprovider/schema';

export const quietLog = (): PluginLog => new PluginLog(undefined, false);

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

  /** Plans and applies a create or an update (`prior` null: create); throws on an error diagnostic. */
  async apply(typeName: string, prior: Record<string, unknown> | null, config: Record<string, unknown>): Promise<Obj> {
    // terraform's proposed new state: the configuration, with the prior value of computed attributes it leaves unset.
    const attributes = this.provider.schemas.resource_schemas[typeName].block.attributes ?? {};
    const proposed: Record<string, unknown> = { ...config };
    for (const [name, a] of Object.entries(attributes)) {
      if (prior && a.computed && (config[name] === undefined || config[name] === null)) proposed[name] = prior[name];
    }
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
