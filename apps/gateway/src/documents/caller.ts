import type { Viewer } from '../auth/viewer';

/**
 * Who may run documents outside the manifest under GATEWAY_DOCUMENTS=trusted: integrators
 * calling with an API key (they write their own queries). Dashboard sessions and anonymous
 * callers run the dashboard's trusted documents only.
 */
export function maySendAnyDocument(viewer: Viewer): boolean {
  return viewer.kind === 'user' && viewer.via === 'apiKey';
}
