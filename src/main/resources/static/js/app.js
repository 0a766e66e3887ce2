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
