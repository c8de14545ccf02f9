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

  // GraphiQL's own markup misses a few WCAG 2.2 AA basics; this repairs them whenever React redraws a part:
  // each editor's text area gets a name, each scrolling editor can be reached from the keyboard, and the session
  // tabs are a list of buttons rather than tabs with buttons nested inside them.
  function editorName(textarea) {
    if (textarea.readOnly) { return 'Response'; }
    if (textarea.closest('.graphiql-query-editor')) { return 'GraphQL operation'; }
    var tool = textarea.closest('.graphiql-editor');
    if (tool && tool.parentElement && tool.parentElement.classList.contains('graphiql-editor-tool')) {
      var visible = Array.prototype.filter.call(tool.parentElement.children, function (e) { return e.classList.contains('graphiql-editor'); });
      return visible.indexOf(tool) === 0 ? 'Variables' : 'Headers';
    }
    return 'Editor';
  }
  function repair() {
    document.querySelectorAll('.CodeMirror textarea').forEach(function (textarea) {
      var name = editorName(textarea);
      if (textarea.getAttribute('aria-label') !== name) { textarea.setAttribute('aria-label', name); }
    });
    document.querySelectorAll('.CodeMirror-scroll').forEach(function (scroll) {
      // CodeMirror marks its scroller tabindex=-1; a long operation or response must scroll from the keyboard too.
      if (scroll.getAttribute('tabindex') !== '0') { scroll.setAttribute('tabindex', '0'); }
    });
    // The session tabs become a plain list of buttons, the open one marked aria-current: GraphiQL's list items
    // with role tab hold a close button, which a tab may not contain.
    document.querySelectorAll('.graphiql-tabs[role="tablist"]').forEach(function (list) { list.removeAttribute('role'); });
    document.querySelectorAll('.graphiql-tab').forEach(function (tab) {
      var open = tab.classList.contains('graphiql-tab-active');
      if (tab.hasAttribute('role')) { tab.removeAttribute('role'); }
      if (tab.hasAttribute('aria-selected')) { tab.removeAttribute('aria-selected'); }
      var button = tab.querySelector('.graphiql-tab-button');
      if (!button) { return; }
      if (button.hasAttribute('role')) { button.removeAttribute('role'); }
      if (open && button.getAttribute('aria-current') !== 'true') { button.setAttribute('aria-current', 'true'); }
      if (!open && button.hasAttribute('aria-current')) { button.removeAttribute('aria-current'); }
    });
  }
  new MutationObserver(repair).observe(document.getElementById('graphiql'), { childList: true, subtree: true, attributes: true, attributeFilter: ['role', 'aria-selected', 'class'] });
  repair();
}());
