/**
 * Step-by-step progress for tcr-local: a user watching a deploy sees what it is doing, how long each step took,
 * and which step failed.
 */
export interface StepTiming {
  readonly title: string;
  readonly seconds: number;
  readonly ok: boolean;
}

export class Progress {
  readonly steps: StepTiming[] = [];
  private readonly started = Date.now();

  constructor(private readonly out: (line: string) => void) {}

  /** Runs one step: a line when it starts, one when it ends (with its duration), the error re-thrown. */
  async step<T>(title: string, work: () => Promise<T> | T): Promise<T> {
    const n = this.steps.length + 1;
    this.out(`[${n}] ${title} ...`);
    const t0 = Date.now();
    try {
      const result = await work();
      this.record(n, title, t0, true);
      return result;
    } catch (e) {
      this.record(n, title, t0, false);
      throw e;
    }
  }

  /** An indented detail line under the current step (terraform output, outputs, metadata). */
  detail(text: string): void {
    this.out(`    ${text}`);
  }

  /** One line per step with its time, and the total. */
  summary(): string[] {
    const width = Math.max(...this.steps.map((s) => s.title.length), 5);
    return [
      ...this.steps.map((s) => `  ${s.ok ? 'ok  ' : 'FAIL'} ${s.title.padEnd(width)} ${s.seconds.toFixed(1).padStart(6)} s`),
      `  ${'total'.padStart(width + 5)} ${((Date.now() - this.started) / 1000).toFixed(1).padStart(6)} s`,
    ];
  }

  private record(n: number, title: string, t0: number, ok: boolean): void {
    const seconds = (Date.now() - t0) / 1000;
    this.steps.push({ title, seconds, ok });
    this.out(`[${n}] ${title}: ${ok ? 'done' : 'FAILED'} in ${seconds.toFixed(1)} s`);
  }
}
