// Every operation the dashboard sends, for the checks that want them all at once (the SDL test
// beside this file, the gateway's trusted-documents tests). A feature with a documents.ts adds its
// line here; all-documents.test.ts fails until it does.
export * from './account/documents';
export * from './api-keys/documents';
export * from './chains/documents';
export * from './trades/documents';
export * from './watchlist/documents';
