import type { LocalAccount } from 'viem';
import { createSiweMessage } from 'viem/siwe';

export interface Answer<T = Record<string, unknown>> {
  status: number;
  headers: Headers;
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

/** The first error's code, or undefined when there is none. */
export const codeOf = (answer: { errors?: { extensions?: { code?: string } }[] }) =>
  answer.errors?.[0]?.extensions?.code;

/**
 * A user of a real gateway over HTTP: a viem private-key account that signs real EIP-4361
 * messages, keeping its session cookie like a browser would.
 */
export class IdentityClient {
  cookie: string | undefined;

  constructor(
    readonly url: string,
    readonly account: LocalAccount,
  ) {}

  get host(): string {
    return new URL(this.url).host;
  }

  /** One POST /graphql, sending the session cookie (if any) or `bearer` as the API key. */
  async post<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    options: { bearer?: string; cookie?: string | null } = {},
  ): Promise<Answer<T>> {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    const cookie = options.cookie === undefined ? this.cookie : options.cookie;
    if (options.bearer !== undefined) headers.authorization = `Bearer ${options.bearer}`;
    else if (cookie) headers.cookie = cookie;
    const response = await fetch(this.url, {
      method: 'POST',
      headers,
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as Omit<Answer<T>, 'status' | 'headers'>;
    return { status: response.status, headers: response.headers, ...body };
  }

  /** A signed sign-in message for a fresh nonce (fields overridable to test refusals). */
  async signedMessage(
    fields: Partial<Parameters<typeof createSiweMessage>[0]> = {},
  ): Promise<{ message: string; signature: string }> {
    const nonce = await this.post<{ signInNonce: { nonce: string } }>(
      'mutation { signInNonce { nonce expiresAt } }',
    );
    const message = createSiweMessage({
      domain: this.host,
      address: this.account.address,
      uri: `http://${this.host}`,
      version: '1',
      chainId: 31337,
      nonce: nonce.data!.signInNonce.nonce,
      issuedAt: new Date(),
      statement: 'Sign in to Tidemark',
      ...fields,
    });
    return { message, signature: await this.account.signMessage({ message }) };
  }

  /** Signs in and keeps the session cookie; fails loudly when refused. */
  async signIn(): Promise<Answer> {
    const answer = await this.post(
      'mutation ($message: String!, $signature: String!) { signIn(message: $message, signature: $signature) { user { id address } sessionExpiresAt } }',
      await this.signedMessage(),
    );
    const setCookie = answer.headers.get('set-cookie');
    if (answer.errors || setCookie === null)
      throw new Error(`sign-in failed: ${JSON.stringify(answer.errors)}`);
    this.cookie = setCookie.split(';')[0];
    return answer;
  }

  /** Creates an API key with the session; returns its id and secret. */
  async createApiKey(
    scopes: string[] = ['READ'],
    name = 'test key',
  ): Promise<{ id: string; secret: string }> {
    const answer = await this.post<{ createApiKey: { apiKey: { id: string }; secret: string } }>(
      'mutation ($input: CreateApiKeyInput!) { createApiKey(input: $input) { apiKey { id } secret } }',
      { input: { name, scopes } },
    );
    if (!answer.data) throw new Error(`createApiKey failed: ${JSON.stringify(answer.errors)}`);
    return { id: answer.data.createApiKey.apiKey.id, secret: answer.data.createApiKey.secret };
  }

  /** Adds a watchlist entry with the session; returns its id. */
  async watch(kind: 'POOL' | 'WALLET', chainId: number, address: string): Promise<string> {
    const answer = await this.post<{ addWatchlistEntry: { entry: { id: string } } }>(
      'mutation ($input: AddWatchlistEntryInput!) { addWatchlistEntry(input: $input) { entry { id } } }',
      { input: { kind, chainId, address } },
    );
    if (!answer.data) throw new Error(`addWatchlistEntry failed: ${JSON.stringify(answer.errors)}`);
    return answer.data.addWatchlistEntry.entry.id;
  }
}
