// Street → community filters (templates/fragments/fields.html :: regionFilter): choosing a street leaves only its
// communities to choose; a community of another street is cleared. Loaded as a file (the CSP allows no inline script).
(function () {
    'use strict';
    if (window.yinlingRegionFilter) {
        return;
    }
    window.yinlingRegionFilter = true;

    function narrow(streetSelect) {
        var form = streetSelect.form || document;
        var communitySelect = form.querySelector('[data-region-community]');
        if (!communitySelect) {
            return;
        }
        var street = streetSelect.value;
        Array.prototype.forEach.call(communitySelect.options, function (option) {
            var other = street !== '' && option.value !== '' && option.getAttribute('data-street') !== street;
            option.hidden = other;
            option.disabled = other;
        });
        var chosen = communitySelect.options[communitySelect.selectedIndex];
        if (chosen && chosen.disabled) {
            communitySelect.value = '';
        }
    }

    document.addEventListener('change', function (event) {
        if (event.target.matches && event.target.matches('[data-region-street]')) {
            narrow(event.target);
        }
    });
    // a page restored from the back-forward cache keeps the chosen street: narrow again
    window.addEventListener('pageshow', function () {
        document.querySelectorAll('[data-region-street]').forEach(narrow);
    });
})();
