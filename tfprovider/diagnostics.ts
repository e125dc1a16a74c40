/** tfplugin6 diagnostics with attribute paths, in the plain-object form @grpc/proto-loader encodes. */

export type PathStep = string | number;

export interface Diagnostic {
  severity: 'ERROR' | 'WARNING';
  summary: string;
  detail: string;
  attribute?: { steps: Array<{ attributeName?: string; elementKeyString?: string; elementKeyInt?: number }> };
}

/** An attribute path: names are attribute steps, numbers list indexes. */
export function attributePath(path: readonly PathStep[]) {
  return { steps: path.map((s) => (typeof s === 'number' ? { elementKeyInt: s } : { attributeName: s })) };
}

export class Diagnostics {
  readonly items: Diagnostic[] = [];

  error(summary: string, detail = '', path?: readonly PathStep[]): void {
    this.items.push({ severity: 'ERROR', summary, detail, ...(path ? { attribute: attributePath(path) } : {}) });
  }

  warning(summary: string, detail = '', path?: readonly PathStep[]): void {
    this.items.push({ severity: 'WARNING', summary, detail, ...(path ? { attribute: attributePath(path) } : {}) });
  }

  get hasErrors(): boolean {
    return this.items.some((d) => d.severity === 'ERROR');
  }
}

/** Raised inside resource code to end an RPC with one error diagnostic. */
export class ProviderError extends Error {
  constructor(message: string, public readonly detail = '', public readonly path?: readonly PathStep[]) {
    super(message);
    this.name = 'ProviderError';
  }
}
