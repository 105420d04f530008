/* Progress of a large Excel import (progressive enhancement: without this script the form posts as usual
   and the result page follows). The form is sent in the background while the job's progress is polled. */
(function () {
  "use strict";
  var forms = document.querySelectorAll("form[data-import-progress]");
  Array.prototype.forEach.call(forms, function (form) {
    form.addEventListener("submit", function (event) {
      var input = form.querySelector("input[type=file]");
      if (!input || !input.files || !input.files.length || !window.fetch || !window.FormData) {
        return; // the ordinary submission shows the form's own error
      }
      event.preventDefault();
      var box = document.getElementById(form.getAttribute("data-import-progress"));
      var status = box.querySelector("[data-status]");
      var bar = box.querySelector("progress");
      var button = form.querySelector("button[type=submit]");
      var finished = false;
      box.hidden = false;
      if (button) { button.disabled = true; }

      function show(answer) {
        status.textContent = answer.message;
        if (answer.total) {
          bar.max = answer.total;
          bar.value = Math.min(answer.read, answer.total);
        } else {
          bar.removeAttribute("value");
        }
      }

      function poll() {
        if (finished) { return; }
        fetch(form.getAttribute("data-progress-url"), {credentials: "same-origin", headers: {"Accept": "application/json"}})
          .then(function (r) { return r.ok ? r.json() : null; })
          .then(function (answer) { if (answer && !finished) { show(answer); } setTimeout(poll, 700); })
          .catch(function () { setTimeout(poll, 1500); });
      }

      fetch(form.action || window.location.href, {
        method: "POST", body: new FormData(form), credentials: "same-origin",
        headers: {"Accept": "application/json"}
      }).then(function (r) {
        if (!r.ok) { throw new Error(String(r.status)); }
        return r.json();
      }).then(function (answer) {
        finished = true;
        window.location.assign(answer.location);
      }).catch(function () {
        finished = true;
        if (button) { button.disabled = false; }
        form.removeAttribute("data-import-progress");
        form.submit(); // let the server answer the ordinary way
      });
      setTimeout(poll, 400);
    });
  });
}());
