// The chains' indexing status, polled.

export const CHAINS_QUERY = /* GraphQL */ `
  query Chains {
    chains {
      id
      name
      head
      indexedBlock
      lag
    }
  }
`;
