import type { LiquidField, TemplateFile } from '../template/template-file';

/** The Liquid field whose string token contains `offset` (between its quotes), if any. */
export function fieldAt(file: TemplateFile, offset: number): LiquidField | undefined {
  return file.fields.find((f) => offset > f.valueRange.start && offset < f.valueRange.end);
}

/** The decoded offset of a raw offset inside a field (the escape it falls in counts as its start). */
export function rawToDecoded(field: LiquidField, rawOffset: number): number {
  const { map } = field.decoded;
  let low = 0;
  let high = map.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (map[mid] <= rawOffset) low = mid;
    else high = mid - 1;
  }
  return low;
}

/** True when `offset` falls in the half-open `[start, end]` span (end inclusive for cursors). */
export function within(offset: number, start: number, end: number): boolean {
  return offset >= start && offset <= end;
}
