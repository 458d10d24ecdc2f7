import type { Liquid } from 'liquidjs';
import { type Profile, toLiquidScope } from '../profile';
import type { TemplateFile } from '../template/template-file';
import type { Dependencies } from '../types';
import { renderRequest } from './render-request';
import type { RenderedRequest } from './rendered-request';

/** Renders the webhook for one sample profile (its export fields mapped to Braze tags). */
export function renderProfile(file: TemplateFile, profile: Profile, deps: Dependencies, engine?: Liquid): Promise<RenderedRequest> {
  return renderRequest(file, { scope: toLiquidScope(profile), ref: profile.ref }, deps, engine);
}

/** A profile with no attributes at all: what a render without sample profiles uses. */
export function emptyProfile(): Profile {
  return { index: 1, user: {}, ref: { index: 1, label: '(no profile: every attribute empty)' }, range: { start: 0, end: 0 } };
}
