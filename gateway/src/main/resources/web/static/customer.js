// Live tips: the server pushes an event whenever a tip is delivered or changes on any channel;
// the tips section is then fetched again (server-rendered, escaped) without reloading the page.
(function () {
  var live = document.getElementById('live');
  if (!window.EventSource || !live) {
    return;
  }
  var source = new EventSource('/web/customer/events');
  source.addEventListener('open', function () {
    live.textContent = 'Live updates: on';
    document.body.setAttribute('data-live', 'on');
  });
  source.addEventListener('error', function () {
    live.textContent = 'Live updates: reconnecting…';
    document.body.setAttribute('data-live', 'off');
  });
  source.addEventListener('tip', function () {
    htmx.ajax('GET', '/web/customer/tips', { target: '#tips', swap: 'outerHTML' });
  });
})();
