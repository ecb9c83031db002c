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
})();
