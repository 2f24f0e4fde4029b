import { Kind, parse } from 'graphql';
import { documentHash } from './document-id';

export interface NamedDocument {
  /** The export it came from, for error messages. */
  name: string;
  text: string;
}

/**
 * The GraphQL operations among a module's exports: every exported string holding at least one
 * operation (fragments alone are not operations; other strings are not GraphQL and are left out).
 */
export function operationsOf(exports: Readonly<Record<string, unknown>>): NamedDocument[] {
  const documents: NamedDocument[] = [];
  for (const [name, value] of Object.entries(exports)) {
    if (typeof value !== 'string') continue;
    let parsed;
    try {
      parsed = parse(value, { noLocation: true });
    } catch {
      continue;
    }
    if (parsed.definitions.some((definition) => definition.kind === Kind.OPERATION_DEFINITION)) {
      documents.push({ name, text: value });
    }
  }
  return documents;
}

/** The manifest's JSON text: hex sha256 -> exact text, sorted by hash, as Prettier formats it. */
export function renderManifest(documents: readonly NamedDocument[]): string {
  const entries = documents
    .map((document) => [documentHash(document.text), document.text] as const)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `${JSON.stringify(Object.fromEntries(entries), null, 2)}\n`;
}
