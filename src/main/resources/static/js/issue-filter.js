// Narrows the issue list as the supervisor types (label or key); the select works without it.
(function () {
  'use strict';
  var filter = document.getElementById('issue-filter');
  var select = document.getElementById('issue');
  if (!filter || !select) { return; }
  var options = Array.prototype.slice.call(select.querySelectorAll('option[value]:not([value=""])'));

  filter.addEventListener('input', function () {
    var words = filter.value.trim().toLowerCase();
    var first = null;
    options.forEach(function (option) {
      var match = words === '' || option.textContent.toLowerCase().indexOf(words) >= 0;
      option.hidden = !match;
      option.disabled = !match && !option.selected;
      if (match && first === null) { first = option; }
    });
    Array.prototype.forEach.call(select.querySelectorAll('optgroup'), function (group) {
      group.hidden = !group.querySelector('option:not([hidden])');
    });
    if (words !== '' && first !== null && (select.value === '' || select.selectedOptions[0].hidden)) {
      select.value = first.value;
    }
  });
  // Enter in the filter moves on to the list instead of submitting the form
  filter.addEventListener('keydown', function (event) {
    if (event.key === 'Enter') { event.preventDefault(); select.focus(); }
  });
  // after advice is shown, bring it into view and give it the keyboard focus
  var advice = document.getElementById('advice-title');
  if (advice) { advice.focus(); }
}());
