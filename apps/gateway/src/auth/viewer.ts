/** What an API key may do. */
export type ApiKeyScope = 'read' | 'alerts:write';

/** Who is calling: nobody known, or a user through a session cookie or an API key. */
export type Viewer =
  | { kind: 'anonymous' }
  | {
      kind: 'user';
      userId: string;
      address: string;
      via: 'session';
      /** The session's key in the store (a hash of its cookie), to check it is still valid. */
      sessionId?: string;
    }
  | {
      kind: 'user';
      userId: string;
      address: string;
      via: 'apiKey';
      apiKeyId: string;
      scopes: readonly ApiKeyScope[];
    };

export const anonymousViewer: Viewer = { kind: 'anonymous' };
