import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { GraphQLError, OperationTypeNode } from 'graphql';

/**
 * Apollo would run a subscription sent over HTTP as if it were a query, and its fields only
 * resolve from a live event: the client got an INTERNAL_SERVER_ERROR. It is refused up front,
 * pointing at graphql-ws on the same URL. (graphql-ws does not go through Apollo's plugins.)
 */
export const subscriptionsOverWebSocketOnly: ApolloServerPlugin<BaseContext> = {
  requestDidStart: () =>
    Promise.resolve({
      didResolveOperation: ({ operation }) => {
        if (operation?.operation !== OperationTypeNode.SUBSCRIPTION) return Promise.resolve();
        return Promise.reject(
          new GraphQLError(
            'subscriptions are served over WebSocket (graphql-ws, subprotocol graphql-transport-ws) on this URL, not over HTTP; resending over HTTP cannot help',
            { extensions: { code: 'BAD_REQUEST', http: { status: 400 } } },
          ),
        );
      },
    }),
};
