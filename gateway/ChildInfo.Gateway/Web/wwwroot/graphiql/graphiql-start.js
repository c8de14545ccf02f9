// Starts GraphiQL with the settings the gateway wrote into the page (headers of the signed-in session, saved
// examples). Storage is kept in memory only, so no token, query or child id is left in the browser afterwards.
(function () {
  'use strict';
  var config = JSON.parse(document.getElementById('graphiql-config').textContent);
  var memory = new Map();
  var storage = {
    getItem: function (key) { return memory.has(key) ? memory.get(key) : null; },
    setItem: function (key, value) { memory.set(key, String(value)); },
    removeItem: function (key) { memory.delete(key); },
    clear: function () { memory.clear(); },
    get length() { return memory.size; }
  };
  var tabs = config.examples.map(function (example) {
    return { query: example.query, variables: example.variables, headers: example.headers };
  });
  var root = ReactDOM.createRoot(document.getElementById('graphiql'));
  root.render(React.createElement(GraphiQL, {
    // The session's headers go with every request, introspection included, so the schema can be browsed at once.
    fetcher: GraphiQL.createFetcher({ url: config.url, headers: JSON.parse(config.headers) }),
    query: tabs[0].query,
    variables: tabs[0].variables,
    storage: storage,
    headers: config.headers,
    shouldPersistHeaders: false,
    defaultTabs: tabs,
    defaultEditorToolsVisibility: 'variables',
    isHeadersEditorEnabled: true
  }));
}());
