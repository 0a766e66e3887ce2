// Select-all checkboxes: <input type="checkbox" data-select-all="name"> ticks every box named name.
document.addEventListener('change', function (event) {
  var name = event.target.getAttribute('data-select-all');
  if (name) {
    document.querySelectorAll('input[type=checkbox][name="' + name + '"]').forEach(function (box) {
      box.checked = event.target.checked;
    });
  }
});
// Buttons that change the ledger for good ask first: <button data-confirm="...">.
document.addEventListener('click', function (event) {
  var question = event.target.getAttribute && event.target.getAttribute('data-confirm');
  if (question && !window.confirm(question)) {
    event.preventDefault();
  }
});
// Times on the screens are shown in the browser's own time zone: tell the server which it is.
(function () {
  try {
    var zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (zone && document.cookie.indexOf('tz=' + encodeURIComponent(zone)) < 0) {
      document.cookie = 'tz=' + encodeURIComponent(zone) + '; path=/; max-age=31536000; SameSite=Lax';
    }
  } catch (e) { /* an old browser: the server's zone */ }
})();
// The import form shows only the options of the chosen kind (<div data-kinds="payments">) and links its template.
(function () {
  function showKind() {
    var select = document.getElementById('kind');
    if (!select) {
      return;
    }
    var kind = select.value;
    document.querySelectorAll('[data-kinds]').forEach(function (group) {
      var shown = group.getAttribute('data-kinds').split(' ').indexOf(kind) >= 0;
      group.hidden = !shown;
      group.querySelectorAll('input, select').forEach(function (field) { field.disabled = !shown; });
    });
    var template = document.getElementById('kind-template');
    if (template) {
      template.hidden = !kind;
      template.href = template.getAttribute('data-template-base') + encodeURIComponent(kind);
      template.textContent = 'Template of ' + kind + ' files (CSV)';
    }
  }
  document.addEventListener('change', function (event) {
    if (event.target.id === 'kind') {
      showKind();
    }
  });
  document.addEventListener('DOMContentLoaded', showKind);
})();
