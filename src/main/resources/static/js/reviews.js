// The review queue: the header's box selects (or clears) every clean case of the page for bulk approval.
(function () {
    'use strict';
    document.addEventListener('change', function (event) {
        if (event.target.id !== 'bulk-select-all') {
            return;
        }
        var form = event.target.form;
        form.querySelectorAll('input[name="selected"]:not(:disabled)').forEach(function (box) {
            box.checked = event.target.checked;
        });
    });
})();
