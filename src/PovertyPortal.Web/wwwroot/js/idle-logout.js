// Signs the user out after the configured idle time (等保2.0: 30 minutes). Any key, click, scroll or touch resets it.
(function () {
  var script = document.currentScript;
  var minutes = parseFloat(script && script.dataset.idleMinutes) || 30;
  var limit = minutes * 60 * 1000;
  var last = Date.now();
  function touch() { last = Date.now(); }
  ['keydown', 'mousedown', 'mousemove', 'wheel', 'touchstart', 'scroll'].forEach(function (name) {
    window.addEventListener(name, touch, { passive: true, capture: true });
  });
  setInterval(function () {
    if (Date.now() - last >= limit) {
      var form = document.getElementById('idle-logout');
      if (form) { form.submit(); }
    }
  }, 15000);
})();
