/* A search box for a long list of choices (progressive enhancement): the box that the page renders
   hidden just before a select or a group of checkboxes is shown, and typing in it hides the choices
   whose label does not contain the typed text. Chosen options always stay visible, and without this
   script the whole list, sorted by label, is there as before. */
(function () {
  "use strict";
  var plain = function (text) {
    return text.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "").trim();
  };
  var boxes = document.querySelectorAll("[data-choice-filter]");
  Array.prototype.forEach.call(boxes, function (box) {
    var list = box.nextElementSibling;
    var input = box.querySelector("input");
    if (!list || !input) {
      return;
    }
    var select = list.querySelector("select");
    var items = select ? select.options : list.querySelectorAll(".choice");
    var status = box.querySelector("[data-choice-count]");
    input.addEventListener("input", function () {
      var wanted = plain(input.value);
      var shown = 0;
      Array.prototype.forEach.call(items, function (item) {
        var control = select ? item : item.querySelector("input");
        var keep = !wanted || control.checked || item.selected || (select && !item.value) ||
          plain(item.textContent).indexOf(wanted) !== -1;
        item.hidden = !keep;
        shown += keep ? 1 : 0;
      });
      if (status) {
        status.textContent = status.getAttribute("data-choice-count").replace("%d", String(shown));
      }
    });
    box.hidden = false;
  });
}());
