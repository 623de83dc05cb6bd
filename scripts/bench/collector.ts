/** Gathers each measure's samples, errors and notes across runs, in table order. */
import type { MeasureResult } from './report.ts';
import { MEASURES, type MeasureKey } from './measures.ts';

export class Collector {
  private readonly results = new Map<MeasureKey, MeasureResult>();

  private entry(key: MeasureKey): MeasureResult {
    let result = this.results.get(key);
    if (!result) {
      result = { measure: MEASURES[key], samples: [] };
      this.results.set(key, result);
    }
    return result;
  }

  add(key: MeasureKey, value: number): void {
    this.entry(key).samples.push(value);
  }

  fail(keys: MeasureKey[], error: unknown): void {
    const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
    for (const key of keys) this.entry(key).error ??= message;
  }

  note(key: MeasureKey, note: string): void {
    this.entry(key).note = note;
  }

  table(order: MeasureKey[]): MeasureResult[] {
    return order.flatMap((key) => this.results.get(key) ?? []);
  }
}
