import type { RuleDefinition } from '../../lint/types';
import { docsUrl } from '../docs-url';
import { describeApiVersion } from '../../salesforce/api-versions';
import { parseApiVersion, toSobjectRequest, urlPartRange } from '../../salesforce/template-request';
import texts from './texts.json';

const DEFAULT_MINIMUM = 59;

/**
 * The `/services/data/vNN.0/` segment of a Salesforce REST URL. Salesforce serves only `vNN.0`
 * (a malformed segment answers 404 NOT_FOUND), retired 7.0–30.0 (410 GONE), and has announced
 * 31.0–40.0 as deprecated in Summer '27 and retired in Summer '28. A version newer than the newest
 * release the model knows (v68.0, Winter '27) is the future: production answers 404, only a preview
 * sandbox may have it. No date arithmetic: what is "old" is the `minimumVersion` option, never
 * today's date.
 * https://help.salesforce.com/s/articleView?id=000354473&type=1 (API end of life)
 * https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/errorcodes.htm
 */
export const SfApiVersion: RuleDefinition = {
  meta: {
    id: 'sf-api-version',
    docs: { recommended: true, url: docsUrl('sf-api-version') },
    severity: 'error',
    kind: 'static',
    schema: {
      minimumVersion: { type: 'number', default: DEFAULT_MINIMUM, description: 'Versions below this one (e.g. 59 for v59.0) get an info finding suggesting a current version.' },
    },
    texts,
    fixable: true,
    hasSuggestions: true,
  },
  create(context) {
    return {
      TemplateFile(file) {
        const request = toSobjectRequest(file, context);
        if (!request) return;
        const part = request.parsed.apiVersion;
        const range = urlPartRange(context, request, part);
        const at = { startIndex: range.start, endIndex: range.end };
        const replaceWith = (text: string) => [{ startIndex: range.start, endIndex: range.end, insert: text }];
        const version = parseApiVersion(part.text);
        if (version.kind === 'liquid') return;
        if (version.kind === 'malformed') {
          const guess = version.guess;
          context.report({
            messageId: 'malformed',
            data: { version: part.text },
            ...at,
            fix: version.canonical ? replaceWith(version.canonical) : undefined,
            suggest: guess ? [{ messageId: 'useVersion', data: { version: guess }, edits: replaceWith(guess) }] : undefined,
          });
          return;
        }
        const minimum = toMinimum(context.options.minimumVersion);
        const current = `v${minimum}.0`;
        const suggest = version.major < minimum ? [{ messageId: 'useVersion', data: { version: current }, edits: replaceWith(current) }] : undefined;
        const data = { version: part.text, minimum: `${minimum}.0` };
        const newest = context.salesforce.newestApiVersion;
        if (version.major > newest) {
          const useNewest = [{ messageId: 'useVersion', data: { version: `v${newest}.0` }, edits: replaceWith(`v${newest}.0`) }];
          context.report({ messageId: 'future', data: { version: part.text, newest: `v${newest}.0`, release: releaseName(newest) }, ...at, suggest: useNewest, severity: 'warning' });
          return;
        }
        if (version.major <= 30) context.report({ messageId: 'retired', data, ...at, suggest });
        else if (version.major <= 40) context.report({ messageId: 'deprecated', data, ...at, suggest, severity: 'warning' });
        else if (version.major < minimum) context.report({ messageId: 'old', data, ...at, suggest, severity: 'info' });
      },
    };
  },
};

/** The option as a whole major version; `59`, `59.0` and `"59.0"` all mean v59.0. */
function toMinimum(option: unknown): number {
  const value = Math.floor(Number(option));
  return Number.isFinite(value) && value > 0 ? value : DEFAULT_MINIMUM;
}

/** `Winter '27` for 68: the release name the version table knows. */
function releaseName(major: number): string {
  return describeApiVersion(`v${major}.0`).release ?? `API v${major}.0`;
}
