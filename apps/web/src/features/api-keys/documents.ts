// The signed-in user's API keys: list, create (the secret comes back once), revoke.

const API_KEY_FIELDS = /* GraphQL */ `
  fragment ApiKeyFields on ApiKey {
    id
    name
    prefix
    scopes
    createdAt
    lastUsedAt
    revokedAt
  }
`;

export const API_KEYS_QUERY = /* GraphQL */ `
  query ApiKeys($first: Int!) {
    viewer {
      id
      apiKeys(first: $first) {
        edges {
          node {
            ...ApiKeyFields
          }
        }
        pageInfo {
          hasNextPage
        }
      }
    }
  }
  ${API_KEY_FIELDS}
`;

export const CREATE_API_KEY_MUTATION = /* GraphQL */ `
  mutation CreateApiKey($input: CreateApiKeyInput!) {
    createApiKey(input: $input) {
      apiKey {
        ...ApiKeyFields
      }
      secret
    }
  }
  ${API_KEY_FIELDS}
`;

export const REVOKE_API_KEY_MUTATION = /* GraphQL */ `
  mutation RevokeApiKey($id: ID!) {
    revokeApiKey(id: $id) {
      apiKey {
        ...ApiKeyFields
      }
    }
  }
  ${API_KEY_FIELDS}
`;
