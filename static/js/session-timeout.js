// Warns a signed-in user two minutes before the idle timeout and lets them
// extend the session without leaving the page (WCAG 2.2.1 Timing Adjustable).
// Without JavaScript nothing happens: the server still ends idle sessions.
(function () {
  "use strict";
  var box = document.getElementById("tokt-session-warning");
  if (!box || !window.fetch) { return; }
  var idle = parseInt(box.getAttribute("data-idle-seconds"), 10);
  var warnBefore = Math.min(120, Math.floor(idle / 2));
  var form = box.querySelector("form");
  var timer = null;

  function schedule() {
    window.clearTimeout(timer);
    timer = window.setTimeout(function () {
      box.hidden = false;
      var button = box.querySelector("button");
      if (button) { button.focus(); }
    }, (idle - warnBefore) * 1000);
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    window.fetch(form.action, {
      method: "POST",
      body: new FormData(form),
      credentials: "same-origin",
      headers: { "X-Requested-With": "fetch" }
    }).then(function (response) {
      if (response.ok) {
        box.hidden = true;
        schedule();
      } else {
        window.location.reload();
      }
    });
  });

  schedule();
})();
