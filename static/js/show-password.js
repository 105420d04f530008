/* "Show password" (progressive enhancement): the checkbox that the page renders hidden is shown, and
   turns the password fields of its form into plain text fields while it is checked (ASVS 2.1.12). */
(function () {
  "use strict";
  var boxes = document.querySelectorAll("[data-show-password]");
  Array.prototype.forEach.call(boxes, function (box) {
    var form = box.closest("form");
    var toggle = box.querySelector("input[type=checkbox]");
    if (!form || !toggle) {
      return;
    }
    var fields = form.querySelectorAll("input[type=password]");
    var show = function (visible) {
      Array.prototype.forEach.call(fields, function (field) {
        field.type = visible ? "text" : "password";
      });
    };
    toggle.addEventListener("change", function () { show(toggle.checked); });
    // Sent as password fields, so that password managers recognise what they save.
    form.addEventListener("submit", function () { show(false); });
    box.hidden = false;
  });
}());
