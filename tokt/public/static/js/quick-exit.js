/* Quick exit: the button, or Shift pressed three times, blanks the page, opens
   the neutral site in a new tab (which has no history at all) and replaces this
   page in the current tab's history with the neutral site, so one Back press
   does not return to the page being read.
   What it cannot do, and the page safe-browsing says so: earlier pages of this
   site visited in the same tab stay in that tab's history (no browser lets a
   page remove them), and the browser's history list still shows them. A pop-up
   blocker may stop the new tab; the current tab still leaves.
   Without JavaScript the button is an ordinary link to the same site. */
(function () {
  "use strict";
  var link = document.getElementById("quick-exit");
  if (!link) { return; }
  var presses = 0;
  var timer = null;

  function leave(event) {
    if (event) { event.preventDefault(); }
    document.title = "";
    document.body.textContent = "";
    window.open(link.href, "_blank", "noopener,noreferrer");
    window.location.replace(link.href);
  }

  link.addEventListener("click", leave);
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Shift") { presses = 0; return; }
    if (event.repeat) { return; }
    presses += 1;
    window.clearTimeout(timer);
    timer = window.setTimeout(function () { presses = 0; }, 2000);
    if (presses >= 3) { leave(); }
  });
}());
