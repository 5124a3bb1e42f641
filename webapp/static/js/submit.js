// Progressive enhancement of the intake form: dependent area selects, photo size check, "use my location".
(function () {
  "use strict";
  var form = document.getElementById("submit-form");
  if (!form) { return; }
  var script = document.currentScript || document.querySelector("script[data-none-label]");
  var noneLabel = script.getAttribute("data-none-label");
  var order = ["province", "district", "subdistrict", "village_id"];
  var sources = {
    district: function (v) { return "/areas/provinces/" + encodeURIComponent(v) + "/districts.json"; },
    subdistrict: function (v) { return "/areas/districts/" + encodeURIComponent(v) + "/subdistricts.json"; },
    village_id: function (v) { return "/areas/subdistricts/" + encodeURIComponent(v) + "/villages.json"; }
  };
  function select(name) { return form.querySelector("[data-area-select='" + name + "']"); }
  function reset(el) {
    el.innerHTML = "";
    var option = document.createElement("option");
    option.value = ""; option.textContent = noneLabel;
    el.appendChild(option);
  }
  function fill(el, items) {
    reset(el);
    items.forEach(function (item) {
      var option = document.createElement("option");
      option.value = item.value; option.textContent = item.label;
      el.appendChild(option);
    });
  }
  order.forEach(function (name, index) {
    var el = select(name);
    if (!el || index === order.length - 1) { return; }
    el.addEventListener("change", function () {
      order.slice(index + 1).forEach(function (later) { reset(select(later)); });
      var next = order[index + 1];
      var notice = form.querySelector("[data-no-villages]");
      if (notice) { notice.hidden = true; }
      if (!el.value) { return; }
      fetch(sources[next](el.value), { headers: { "Accept": "application/json" } })
        .then(function (r) { return r.ok ? r.json() : []; })
        .then(function (items) {
          fill(select(next), items);
          if (next === "village_id" && notice) { notice.hidden = items.length > 0; }
        });
    });
  });
  var maxBytes = parseInt(form.getAttribute("data-max-photo-bytes"), 10);
  var photos = form.querySelector("input[type='file']");
  if (photos) {
    photos.addEventListener("change", function () {
      var tooLarge = Array.prototype.some.call(photos.files, function (f) { return f.size > maxBytes; });
      photos.setCustomValidity(tooLarge ? form.getAttribute("data-photo-too-large") : "");
      photos.reportValidity();
    });
  }
  form.addEventListener("submit", function (event) {
    if (photos && !photos.checkValidity()) { event.preventDefault(); photos.reportValidity(); }
  });
  var locate = form.querySelector("[data-locate]");
  var status = form.querySelector("[data-locate-status]");
  if (locate && navigator.geolocation) {
    locate.hidden = false;
    locate.addEventListener("click", function () {
      status.textContent = script.getAttribute("data-locating");
      navigator.geolocation.getCurrentPosition(function (pos) {
        form.querySelector("[name='latitude']").value = pos.coords.latitude.toFixed(6);
        form.querySelector("[name='longitude']").value = pos.coords.longitude.toFixed(6);
        status.textContent = "";
      }, function () { status.textContent = script.getAttribute("data-locate-failed"); });
    });
  }
}());
