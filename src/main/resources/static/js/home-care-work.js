// The care worker's order page (/home-care/work/{id}): the phone's location with the check-in, and the elder's
// signature drawn on a canvas. A file of its own: the Content-Security-Policy allows no inline script.
(function () {
    'use strict';

    // Check-in: ask the phone for its location once, then send the form with it (or without it when refused).
    var checkIn = document.querySelector('form[data-geolocate]');
    if (checkIn) {
        var located = false;
        checkIn.addEventListener('submit', function (event) {
            if (located || !navigator.geolocation) {
                return;
            }
            event.preventDefault();
            var button = checkIn.querySelector('button[type="submit"]');
            if (button) {
                button.disabled = true;
            }
            var send = function () {
                located = true;
                checkIn.submit();
            };
            navigator.geolocation.getCurrentPosition(function (position) {
                checkIn.elements.latitude.value = position.coords.latitude.toFixed(6);
                checkIn.elements.longitude.value = position.coords.longitude.toFixed(6);
                send();
            }, send, {enableHighAccuracy: true, timeout: 8000, maximumAge: 60000});
        });
    }

    // Signature: draw with a finger, a pen or the mouse; sent as a PNG data URL.
    var form = document.querySelector('form[data-signature]');
    if (!form) {
        return;
    }
    var canvas = form.querySelector('canvas');
    var context = canvas.getContext('2d');
    var drawn = false;
    var drawing = false;
    canvas.style.touchAction = 'none';
    context.lineWidth = 3;
    context.lineCap = 'round';
    context.lineJoin = 'round';
    context.strokeStyle = '#111';

    function point(event) {
        var box = canvas.getBoundingClientRect();
        return {
            x: (event.clientX - box.left) * canvas.width / box.width,
            y: (event.clientY - box.top) * canvas.height / box.height
        };
    }

    canvas.addEventListener('pointerdown', function (event) {
        event.preventDefault();
        drawing = true;
        canvas.setPointerCapture(event.pointerId);
        var p = point(event);
        context.beginPath();
        context.moveTo(p.x, p.y);
    });
    canvas.addEventListener('pointermove', function (event) {
        if (!drawing) {
            return;
        }
        var p = point(event);
        context.lineTo(p.x, p.y);
        context.stroke();
        drawn = true;
    });
    ['pointerup', 'pointercancel', 'pointerleave'].forEach(function (name) {
        canvas.addEventListener(name, function () {
            drawing = false;
        });
    });
    document.getElementById('signature-clear').addEventListener('click', function () {
        context.clearRect(0, 0, canvas.width, canvas.height);
        drawn = false;
    });
    form.addEventListener('submit', function (event) {
        if (!drawn) {
            event.preventDefault();
            window.alert(form.getAttribute('data-empty'));
            return;
        }
        form.elements.signature.value = canvas.toDataURL('image/png');
    });
}());
