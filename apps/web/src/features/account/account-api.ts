import { queryGateway } from '../../lib/api/http-client';
import { VIEWER_QUERY } from './documents';
import { viewerDataSchema } from './schemas';

export interface SignedInUser {
  id: string;
  address: string;
}

/** Who the session cookie belongs to; null when the browser has no (working) session. */
export async function fetchViewer(url: string, signal?: AbortSignal): Promise<SignedInUser | null> {
  const data = await queryGateway({
    url,
    query: VIEWER_QUERY,
    schema: viewerDataSchema,
    withSession: true,
    ...(signal === undefined ? {} : { signal }),
  });
  return data.viewer;
}
