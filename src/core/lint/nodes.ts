import type { CompiledField } from '../liquid/compile';
import { parseConnectedContentArgs } from '../liquid/connected-content-args';
import type { ConnectedContentNode, FilterUse, RegionNode } from './types';

/** Regions of one field with their filters, read from the original Braze text. */
export function toRegionNodes(compiled: CompiledField): RegionNode[] {
  const { field } = compiled;
  return compiled.rewrite.regions.map((region) => {
    const text = field.text.slice(region.start, region.end);
    const closer = region.kind === 'tag' ? '%}' : '}}';
    let innerStart = region.start + 2;
    if (field.text[innerStart] === '-') innerStart++;
    let innerEnd = text.endsWith(closer) && region.end - 2 >= innerStart ? region.end - 2 : region.end;
    if (innerEnd > innerStart && field.text[innerEnd - 1] === '-' && innerEnd !== region.end) innerEnd--;
    return {
      field,
      kind: region.kind,
      name: region.name,
      start: region.start,
      end: region.end,
      text,
      innerStart,
      innerEnd,
      filters: findFilters(field.text, innerStart, innerEnd),
    };
  });
}

/** `| name` uses between `start` and `end`, skipping quoted strings and `||`. */
export function findFilters(text: string, start: number, end: number): FilterUse[] {
  const filters: FilterUse[] = [];
  let quote: string | undefined;
  for (let p = start; p < end; p++) {
    const ch = text[p];
    if (quote) {
      if (ch === quote) quote = undefined;
      continue;
    }
    if (ch === "'" || ch === '"') {
      quote = ch;
      continue;
    }
    if (ch !== '|' || text[p + 1] === '|' || text[p - 1] === '|') continue;
    let q = p + 1;
    while (q < end && /\s/.test(text[q])) q++;
    const match = /^[A-Za-z_][\w-]*/.exec(text.slice(q, Math.min(end, q + 64)));
    if (match) filters.push({ name: match[0], start: q, end: q + match[0].length });
  }
  return filters;
}

/** The connected_content tags among a field's regions. */
export function toConnectedContentNodes(regions: readonly RegionNode[]): ConnectedContentNode[] {
  return regions
    .filter((r) => r.kind === 'tag' && r.name === 'connected_content')
    .map((region) => {
      const nameEnd = region.field.text.indexOf('connected_content', region.innerStart) + 'connected_content'.length;
      let argsStart = nameEnd;
      while (argsStart < region.innerEnd && /\s/.test(region.field.text[argsStart])) argsStart++;
      const args = parseConnectedContentArgs(region.field.text.slice(argsStart, region.innerEnd));
      return { field: region.field, region, args, argsStart };
    });
}
