// The policy rule editor (and the simulation's): each condition shows only the controls its attribute needs (a
// number, two for a range, choices as radio buttons or, for "is one of", checkboxes); unused condition rows and
// tiers stay hidden behind "add condition" / "add tier", and "remove" clears a row. Without this script the form
// still works as the full grid of slots the server renders.
(function () {
    'use strict';

    function show(element, visible) {
        if (element) {
            element.hidden = !visible;
        }
    }

    function parts(row) {
        return {
            attribute: row.querySelector('.criterion-attribute-col select'),
            operator: row.querySelector('.criterion-operator-col select'),
            value: row.querySelector('.criterion-value-col input'),
            value2: row.querySelector('.criterion-value2-col input'),
            choices: row.querySelector('.criterion-choices-col select'),
            boxes: row.querySelector('.criterion-checkboxes')
        };
    }

    function used(row) {
        return parts(row).attribute.value !== '' || row.querySelector('.is-invalid') !== null;
    }

    function clear(row) {
        var p = parts(row);
        p.attribute.value = '';
        p.operator.value = '';
        p.value.value = '';
        p.value2.value = '';
        Array.prototype.forEach.call(p.choices.options, function (o) { o.selected = false; });
    }

    function sync(row) {
        var p = parts(row);
        var option = p.attribute.selectedOptions[0];
        var type = option && option.value ? option.dataset.type : null;
        var operators = type ? option.dataset.operators.split(' ') : [];
        Array.prototype.forEach.call(p.operator.options, function (o) {
            if (o.value) {
                o.hidden = operators.indexOf(o.value) < 0;
            }
        });
        if (p.operator.value && operators.indexOf(p.operator.value) < 0) {
            p.operator.value = '';
        }
        if (type && !p.operator.value && type !== 'NUMBER') {
            p.operator.value = 'EQ';
        }
        var choices = type === 'BOOLEAN' || type === 'CHOICE';
        show(p.operator.parentElement, !!type);
        show(p.value.parentElement, type === 'NUMBER');
        show(p.value2.parentElement, type === 'NUMBER' && p.operator.value === 'BETWEEN');
        show(p.choices.parentElement, choices);
        p.choices.hidden = true;
        p.boxes.textContent = '';
        if (!choices) {
            return;
        }
        var group = p.choices.querySelector('optgroup[data-attribute="' + p.attribute.value + '"]');
        var many = p.operator.value === 'IN';
        Array.prototype.forEach.call(group ? group.querySelectorAll('option') : [], function (o, i) {
            var id = p.choices.id + '-box-' + i;
            var wrap = document.createElement('div');
            wrap.className = 'form-check form-check-inline';
            var input = document.createElement('input');
            input.type = many ? 'checkbox' : 'radio';
            input.className = 'form-check-input';
            input.id = id;
            input.name = p.choices.id + '-box';
            input.checked = o.selected;
            input.addEventListener('change', function () {
                if (!many) {
                    Array.prototype.forEach.call(p.choices.options, function (other) { other.selected = false; });
                }
                o.selected = input.checked;
            });
            var label = document.createElement('label');
            label.className = 'form-check-label';
            label.htmlFor = id;
            label.textContent = o.textContent;
            wrap.appendChild(input);
            wrap.appendChild(label);
            p.boxes.appendChild(wrap);
        });
    }

    function setUpRow(row, container) {
        var p = parts(row);
        var remove = row.querySelector('.criterion-remove');
        show(row.querySelector('.criterion-remove-col'), true);
        p.attribute.addEventListener('change', function () {
            // a new attribute starts from empty values: the old ones would not fit it
            p.operator.value = '';
            p.value.value = '';
            p.value2.value = '';
            Array.prototype.forEach.call(p.choices.options, function (o) { o.selected = false; });
            sync(row);
        });
        p.operator.addEventListener('change', function () { sync(row); });
        remove.addEventListener('click', function () {
            clear(row);
            var tier = row.closest('.tier-slot');
            if (tier) {
                var amount = tier.querySelector('input[name$=".amount"]');
                amount.value = '';
                tier.hidden = true;
            } else {
                container(row).hidden = true;
            }
            sync(row);
            refreshButtons();
        });
        sync(row);
    }

    var addButtons = [];

    function refreshButtons() {
        addButtons.forEach(function (entry) {
            entry.button.hidden = !entry.slots().some(function (slot) { return slot.hidden; });
        });
    }

    function setUpSlots(button, slots, isUsed) {
        var list = slots();
        var visible = list.filter(isUsed);
        list.forEach(function (slot) { slot.hidden = visible.indexOf(slot) < 0; });
        if (visible.length === 0 && list.length > 0) {
            list[0].hidden = false;
        }
        button.addEventListener('click', function () {
            // a new condition goes after the last one shown (a removed slot is taken again only when none is left)
            var all = slots();
            var last = -1;
            all.forEach(function (slot, i) { if (!slot.hidden) { last = i; } });
            var next = all.filter(function (slot, i) { return slot.hidden && i > last; })[0]
                || all.filter(function (slot) { return slot.hidden; })[0];
            if (next) {
                next.hidden = false;
                var select = next.querySelector('.criterion-attribute-col select');
                if (select) {
                    select.focus();
                }
            }
            refreshButtons();
        });
        addButtons.push({button: button, slots: slots});
    }

    document.querySelectorAll('fieldset[id^="group-"]').forEach(function (fieldset) {
        var slots = function () {
            return Array.prototype.map.call(fieldset.querySelectorAll('.criterion-row'), function (row) {
                return row.parentElement;
            });
        };
        slots().forEach(function (slot) {
            setUpRow(slot.querySelector('.criterion-row'), function (row) { return row.parentElement; });
        });
        setUpSlots(fieldset.querySelector('.criterion-add'), slots, function (slot) {
            return used(slot.querySelector('.criterion-row'));
        });
    });

    var tierAdd = document.getElementById('tier-add');
    if (tierAdd) {
        var tierSlots = function () {
            return Array.prototype.slice.call(document.querySelectorAll('.tier-slot'));
        };
        tierSlots().forEach(function (slot) {
            setUpRow(slot.querySelector('.criterion-row'), function () { return slot; });
        });
        setUpSlots(tierAdd, tierSlots, function (slot) {
            return used(slot.querySelector('.criterion-row'))
                || slot.querySelector('input[name$=".amount"]').value !== '';
        });
    }
    refreshButtons();
})();
