// The GraphQL UI as the start page opens it: GraphiQL with the caller's token as its Authorization header, read from
// this tab's sessionStorage (where the start page keeps it), never from or into the address. The address carries
// nothing: not the token, and not the query either (GraphiQL keeps the last query in this browser itself).
(function () {
  'use strict';

  const SESSION = 'rapport.session';
  const EXAMPLE = 'rapport.graphiql-example';
  const api = window.location.origin + '/graphql';

  function read(key) {
    try { return JSON.parse(sessionStorage.getItem(key)); } catch (e) { return null; }
  }

  const session = read(SESSION);
  const example = read(EXAMPLE);
  sessionStorage.removeItem(EXAMPLE);
  if (!session || !session.access) {
    document.getElementById('no-token').hidden = false;
    return;
  }
  const authorization = { Authorization: 'Bearer ' + session.access };
  const fetcher = GraphiQL.createFetcher({
    url: api,
    subscriptionUrl: api.replace(/^http/, 'ws'),
    headers: { Accept: 'application/json' },
    // a browser cannot set headers on a WebSocket: the token goes in graphql-ws's connection_init payload
    wsConnectionParams: authorization
  });
  ReactDOM.render(React.createElement(GraphiQL, {
    fetcher: fetcher,
    query: example ? example.query : undefined,
    variables: example && example.variables ? JSON.stringify(example.variables, null, 2) : undefined,
    // shown in the Headers tab for the caller to see or change; kept in this page only, never stored
    headers: JSON.stringify(authorization, null, 2),
    shouldPersistHeaders: false,
    headerEditorEnabled: true,
    defaultEditorToolsVisibility: true
  }), document.getElementById('graphiql'));
}());
