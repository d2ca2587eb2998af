// Telemetry charts: numeric readings as lines, from the gateway's own telemetry store. The data comes either
// embedded in the canvas (data-series, JSON) or from a URL on the same site (data-url).
(function () {
  var colours = ['#0b5cad', '#bf3989', '#1a7f37', '#bc4c00', '#6639ba', '#57606a'];
  function draw(canvas, data) {
    var labels = data.times.map(function (t) { return t.substring(11, 16); });
    var names = Object.keys(data.series).slice(0, 6);
    new Chart(canvas, {
      type: 'line',
      data: {
        labels: labels,
        datasets: names.map(function (name, i) {
          return { label: name, data: data.series[name], borderColor: colours[i], backgroundColor: colours[i],
            pointRadius: data.times.length < 30 ? 2 : 0, borderWidth: 2, spanGaps: true, tension: 0.2 };
        })
      },
      options: { responsive: true, maintainAspectRatio: false, animation: false,
        interaction: { mode: 'index', intersect: false }, scales: { x: { ticks: { maxTicksLimit: 8 } } } }
    });
    canvas.setAttribute('data-points', String(data.times.length));
  }
  document.querySelectorAll('canvas.telemetry-chart').forEach(function (canvas) {
    if (!window.Chart) {
      canvas.setAttribute('data-points', 'error');
      return;
    }
    var embedded = canvas.getAttribute('data-series');
    if (embedded) {
      draw(canvas, JSON.parse(embedded));
      return;
    }
    fetch(canvas.getAttribute('data-url'), { credentials: 'same-origin' })
      .then(function (r) { return r.ok ? r.json() : Promise.reject(r.status); })
      .then(function (data) { draw(canvas, data); })
      .catch(function () { canvas.setAttribute('data-points', 'error'); });
  });
})();
