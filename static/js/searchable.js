/* A search box for a long list of choices (progressive enhancement): 308 municipalities are too many to
   scroll. Each element marked [data-searchable] (a <select>, or a group of checkboxes) gets a labelled
   search field before it; typing narrows the list to the names that contain the typed letters, with or
   without their accents ("jyvaskyla" finds Jyväskylä). The submitted value stays the option's code; the
   chosen option and the empty one are never hidden. Without JavaScript the plain list, sorted by name,
   works as before. The texts come from the element's data attributes, translated by the page. */
(function () {
  "use strict";
  var fold = function (text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().trim();
  };
  var counter = 0;

  var box = function (list) {
    counter += 1;
    var id = (list.id || "list") + "-search-" + counter;
    var wrap = document.createElement("div");
    wrap.className = "field list-search";
    var label = document.createElement("label");
    label.htmlFor = id;
    label.textContent = list.getAttribute("data-searchable");
    var input = document.createElement("input");
    input.type = "search";
    input.id = id;
    input.autocomplete = "off";
    input.addEventListener("keydown", function (event) {
      if (event.key === "Enter") {
        event.preventDefault();  // Enter in a search box narrows the list; it does not send the whole form
      }
    });
    var status = document.createElement("p");
    status.className = "hint";
    status.id = id + "-status";
    status.setAttribute("aria-live", "polite");
    input.setAttribute("aria-describedby", status.id);
    if (list.id) {
      input.setAttribute("aria-controls", list.id);
    }
    wrap.appendChild(label);
    wrap.appendChild(input);
    wrap.appendChild(status);
    list.parentNode.insertBefore(wrap, list);
    return { input: input, status: status };
  };

  var announce = function (list, status, shown, query) {
    status.textContent = query ? (list.getAttribute("data-search-count") || "{n}").replace("{n}", shown) : "";
  };

  var enhanceSelect = function (select) {
    var parts = box(select);
    var options = Array.prototype.slice.call(select.options);
    var names = options.map(function (option) { return fold(option.text); });
    parts.input.addEventListener("input", function () {
      var query = fold(parts.input.value);
      var chosen = select.value;
      var shown = 0;
      var only = null;
      while (select.options.length) {
        select.remove(0);
      }
      options.forEach(function (option, i) {
        var hit = option.value !== "" && names[i].indexOf(query) !== -1;
        if (hit) {
          shown += 1;
          only = option;
        }
        if (hit || option.value === "" || option.value === chosen) {
          select.add(option);
        }
      });
      select.value = chosen;
      if (shown === 1 && !chosen && query) {
        select.value = only.value;  // one name left: it is the one meant
      }
      announce(select, parts.status, shown, query);
    });
  };

  var enhanceGroup = function (group) {
    var parts = box(group);
    var choices = Array.prototype.slice.call(group.querySelectorAll(".choice"));
    parts.input.addEventListener("input", function () {
      var query = fold(parts.input.value);
      var shown = 0;
      choices.forEach(function (choice) {
        var box_ = choice.querySelector("input");
        var hit = fold(choice.textContent).indexOf(query) !== -1;
        shown += hit ? 1 : 0;
        choice.hidden = !(hit || (box_ && box_.checked));
      });
      announce(group, parts.status, shown, query);
    });
  };

  Array.prototype.forEach.call(document.querySelectorAll("[data-searchable]"), function (list) {
    if (list.tagName === "SELECT") {
      enhanceSelect(list);
    } else {
      enhanceGroup(list);
    }
  });
}());
