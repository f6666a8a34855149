// Idle sign-out (等保2.0: 30 minutes). Activity keeps the sliding sign-in cookie alive through /account/keepalive,
// since a Blazor circuit sends no HTTP requests; after the idle time the sign-out form is posted. The server ends
// an idle circuit on its own as well (CircuitActivity). Only real input counts: a key, a click or tap, the wheel;
// not mouse movement (a nudged table) nor scrolling (which scripts and focus changes cause too), and only events
// the browser marks as trusted, never ones a script dispatched. The absolute session lifetime (12 h) ends the
// session whatever the activity.
(function () {
  var script = document.currentScript;
  var minutes = parseFloat(script && script.dataset.idleMinutes) || 30;
  var limit = minutes * 60 * 1000;
  var keepAliveEvery = Math.min(5 * 60 * 1000, limit / 3);
  var last = Date.now();
  var lastPing = Date.now();
  function touch(event) {
    if (!event.isTrusted) { return; }
    last = Date.now();
    if (last - lastPing >= keepAliveEvery) {
      lastPing = last;
      fetch('account/keepalive', { credentials: 'same-origin', cache: 'no-store' }).catch(function () { });
    }
  }
  ['keydown', 'pointerdown', 'mousedown', 'wheel', 'touchstart'].forEach(function (name) {
    window.addEventListener(name, touch, { passive: true, capture: true });
  });
  setInterval(function () {
    if (Date.now() - last >= limit) {
      var form = document.getElementById('idle-logout');
      if (form) { form.submit(); }
    }
  }, 15000);
})();
