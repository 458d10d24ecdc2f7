/** A piece of a URL template with offsets relative to the URL text. */
export interface UrlPart {
  text: string;
  start: number;
  end: number;
}

/**
 * The parts of a Salesforce REST sObject URL as written in a template (Liquid included):
 * `https://host/services/data/v60.0/sobjects/Lead/` (create), `…/Lead/{id}` (update) or
 * `…/Lead/Field__c/{value}` (upsert by external Id).
 * https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/dome_sobject_create.htm
 */
export interface SobjectUrl {
  host: UrlPart;
  /** The version segment as written, e.g. `v60.0` (or `v60`, which Salesforce answers 404). */
  apiVersion: UrlPart;
  sobject: UrlPart;
  /** Record Id segment (update) or external-Id value (upsert). */
  recordSegment?: UrlPart;
  /** External-Id field name for upserts (`Field__c` in `…/Lead/Field__c/value`). */
  externalIdField?: UrlPart;
  query?: UrlPart;
  /** What the URL asks for. */
  operation: 'collection' | 'record' | 'upsert';
}

const SOBJECT_URL = /^(\s*(?:\{%[\s\S]*?%\}\s*)*https?:\/\/)([^/\s]+)(\/services\/data\/)([^/]+)(\/sobjects\/)([^/?#\s]+)(\/?)([^?#]*)(\?[^#]*)?/;

/** Parses a (template) URL; undefined when it is not a REST sObject URL. */
export function parseSobjectUrl(url: string): SobjectUrl | undefined {
  const m = SOBJECT_URL.exec(url);
  if (!m) return undefined;
  let p = 0;
  const part = (index: number): UrlPart => {
    const start = p;
    p += m[index]?.length ?? 0;
    return { text: m[index] ?? '', start, end: p };
  };
  part(1);
  const host = part(2);
  part(3);
  const apiVersion = part(4);
  part(5);
  const sobject = part(6);
  part(7);
  const rest = part(8);
  const query = m[9] ? part(9) : undefined;
  const result: SobjectUrl = { host, apiVersion, sobject, query, operation: 'collection' };
  const restText = rest.text.replace(/\/$/, '');
  if (restText === '') return result;
  const slash = findTopLevelSlash(restText);
  if (slash < 0) {
    result.operation = 'record';
    result.recordSegment = { text: restText, start: rest.start, end: rest.start + restText.length };
  } else {
    result.operation = 'upsert';
    result.externalIdField = { text: restText.slice(0, slash), start: rest.start, end: rest.start + slash };
    result.recordSegment = { text: restText.slice(slash + 1), start: rest.start + slash + 1, end: rest.start + restText.length };
  }
  return result;
}

/** First `/` outside `{{ }}` / `{% %}` (Liquid filters may contain slashes). */
function findTopLevelSlash(text: string): number {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    if (text.startsWith('{{', i) || text.startsWith('{%', i)) {
      depth++;
      i++;
    } else if (text.startsWith('}}', i) || text.startsWith('%}', i)) {
      depth = Math.max(0, depth - 1);
      i++;
    } else if (depth === 0 && text[i] === '/') {
      return i;
    }
  }
  return -1;
}

/**
 * What a write does to a record, from the method and the (rendered) URL: POST to the collection
 * (or the `…/Id` alias) creates, PATCH to `…/<Id>` updates, PATCH to `…/<Field>/<value>` upserts;
 * `POST …?_HttpMethod=PATCH` counts as PATCH. Undefined for anything else (reads, deletes, 405s).
 * https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/dome_update_fields.htm
 */
export function writeOperation(method: string, url: SobjectUrl): 'create' | 'update' | 'upsert' | undefined {
  const override = /[?&]_HttpMethod=([A-Za-z]+)/i.exec(url.query?.text ?? '')?.[1]?.toUpperCase();
  const effective = method.toUpperCase() === 'POST' && override ? override : method.toUpperCase();
  if (effective === 'POST' && (url.operation === 'collection' || (url.operation === 'record' && url.recordSegment?.text.toLowerCase() === 'id'))) return 'create';
  if (effective === 'PATCH' && url.operation === 'record') return 'update';
  if (effective === 'PATCH' && url.operation === 'upsert') return 'upsert';
  return undefined;
}
