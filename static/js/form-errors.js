/* A refused form: focus moves to its error summary, so a screen reader reads the problems at once and the
   first error link is one Tab away (the server has already put "Error:" before the page title). Each link
   of the summary then brings its field into view with the field's label, hint and message above it, and
   puts focus in the field (a radio group's link focuses its chosen or first choice; a closed disclosure
   around the field is opened). Without JavaScript the links still jump to the field, and the CSS keeps a
   margin above it. */
(function () {
  "use strict";
  var control = function (target) {
    if (target.matches("input, select, textarea, button")) {
      return target;
    }
    return target.querySelector("input:checked") || target.querySelector("input, select, textarea");
  };

  var show = function (event) {
    var link = event.target.closest(".error-summary a[href^='#']");
    if (!link) {
      return;
    }
    var id = decodeURIComponent(link.getAttribute("href").slice(1));
    var target = document.getElementById(id) || document.getElementById(id + "-0");
    var input = target && control(target);
    if (!input) {
      return;
    }
    event.preventDefault();
    var details = input.closest("details");
    if (details) {
      details.open = true;
    }
    var box = input.closest(".field, fieldset") || input;
    box.scrollIntoView({block: "start"});
    input.focus({preventScroll: true});
  };

  var start = function () {
    var summary = document.querySelector(".error-summary[tabindex='-1']");
    if (!summary) {
      return;
    }
    summary.focus();
  };

  document.addEventListener("click", show);

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
}());
