// Trusted documents: the dashboard names its operations by the sha256 of their exact text, the
// id the gateway's manifest (generated from the features' documents.ts) knows them by.

const ids = new Map<string, Promise<string | undefined>>();

async function sha256Hex(text: string): Promise<string | undefined> {
  // WebCrypto exists on https and loopback origins and in Node; elsewhere the text is sent.
  const subtle = globalThis.crypto?.subtle;
  if (subtle === undefined) return undefined;
  const digest = await subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** `sha256:<hex>` of a document's exact text, or undefined where the browser cannot hash. */
export function documentIdOf(text: string): Promise<string | undefined> {
  let id = ids.get(text);
  if (id === undefined) {
    id = sha256Hex(text).then((hex) => (hex === undefined ? undefined : `sha256:${hex}`));
    ids.set(text, id);
  }
  return id;
}

/** The gateway does not know the id (a manifest older than the dashboard): send the text instead. */
export function isPersistedQueryNotFound(body: unknown): boolean {
  const errors = (body as { errors?: unknown } | null)?.errors;
  return (
    Array.isArray(errors) &&
    errors.some(
      (error: { message?: unknown }) =>
        typeof error.message === 'string' && error.message.startsWith('PersistedQueryNotFound'),
    )
  );
}
