// Sign-in (over HTTP, as it sets the session cookie), sign-out and the viewer. The server decides
// who "viewer" is from the session cookie the request carries.

export const SIGN_IN_NONCE_MUTATION = /* GraphQL */ `
  mutation SignInNonce {
    signInNonce {
      nonce
      expiresAt
    }
  }
`;

export const SIGN_IN_MUTATION = /* GraphQL */ `
  mutation SignIn($message: String!, $signature: String!) {
    signIn(message: $message, signature: $signature) {
      user {
        id
        address
      }
      sessionExpiresAt
    }
  }
`;

export const SIGN_OUT_MUTATION = /* GraphQL */ `
  mutation SignOut {
    signOut
  }
`;

export const VIEWER_QUERY = /* GraphQL */ `
  query Viewer {
    viewer {
      id
      address
    }
  }
`;
