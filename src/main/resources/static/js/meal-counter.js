// The meal counter: after a meal is recorded (by Enter or a click) the search box is cleared and focused again, so the
// next elder's ID can be read at once; after anything else the box keeps its text and the focus.
(function () {
    'use strict';
    document.addEventListener('htmx:afterSwap', function (event) {
        var served = document.getElementById('meal-served');
        var box = document.getElementById('meal-search');
        if (!served || !box || !event.detail.target || event.detail.target.id !== 'meal-served') {
            return;
        }
        if (served.getAttribute('data-recorded') === 'true') {
            box.value = '';
            var results = document.getElementById('meal-results');
            if (results) {
                results.innerHTML = '';
            }
        }
        box.focus();
    });
})();
