// The pager's page jump (templates/fragments/pager.html): the typed page number (from 1) becomes ?page= (from 0).
(function () {
    'use strict';
    if (window.yinlingPager) {
        return;
    }
    window.yinlingPager = true;
    document.addEventListener('submit', function (event) {
        var form = event.target;
        if (!form.matches || !form.matches('[data-pager-jump]')) {
            return;
        }
        var number = form.querySelector('.pager-jump-number');
        var page = form.querySelector('input[name="page"]');
        var max = Number(number.getAttribute('max')) || 1;
        var wanted = Math.min(Math.max(Math.floor(Number(number.value)) || 1, 1), max);
        page.value = String(wanted - 1);
    });
})();
