// Yinling page behaviour. Loaded as a file: the Content-Security-Policy allows no inline script.
(function () {
    'use strict';

    // htmx requests carry the CSRF token like forms do.
    document.addEventListener('htmx:configRequest', function (event) {
        var token = document.querySelector('meta[name="_csrf"]');
        var header = document.querySelector('meta[name="_csrf_header"]');
        if (token && header) {
            event.detail.headers[header.content] = token.content;
        }
    });

    // <form data-confirm="message"> (or a submit button with it) asks before a destructive action.
    document.addEventListener('submit', function (event) {
        var submitter = event.submitter;
        var message = (submitter && submitter.getAttribute('data-confirm'))
            || (event.target.getAttribute && event.target.getAttribute('data-confirm'));
        if (message && !window.confirm(message)) {
            event.preventDefault();
        }
    }, true);
    // <button data-print>: prints the page (e.g. the publicity notice); the print stylesheet hides the page chrome
    document.addEventListener('click', function (event) {
        var button = event.target.closest && event.target.closest('[data-print]');
        if (button) {
            event.preventDefault();
            window.print();
        }
    });
    // <input type="file" data-max-bytes="…" data-too-large="message">: refuse an oversized file before uploading it
    document.addEventListener('change', function (event) {
        var input = event.target;
        var max = input.getAttribute && input.getAttribute('data-max-bytes');
        if (!max || !input.files || !input.files[0]) {
            return;
        }
        var tooLarge = input.files[0].size > Number(max);
        input.setCustomValidity(tooLarge ? input.getAttribute('data-too-large') : '');
        input.classList.toggle('is-invalid', tooLarge);
        if (tooLarge) {
            input.reportValidity();
        }
    });
})();
