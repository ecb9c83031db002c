// The running total and level of the assessment form (GB/T 42195-2022), as the scores are chosen: the total of
// the 26 items; the level from the total's band once every item is scored; then coma (complete loss) or, else,
// one level worse for a dementia or mental-disorder diagnosis or enough risk events in 30 days (one level for
// either or both, GB/T 42195-2022). The
// bands and the threshold come from the page (the server's CapabilityLevel and CapabilityScoring), which scores
// again on saving.
(function () {
    'use strict';
    var form = document.getElementById('assessment-form');
    var summary = document.getElementById('assessment-summary');
    if (!form || !summary) {
        return;
    }
    var selects = form.querySelectorAll('select[name^="scores["]');
    var levels = Array.prototype.map.call(document.querySelectorAll('#summary-levels li'), function (li) {
        return {code: +li.dataset.code, min: +li.dataset.min, max: +li.dataset.max, label: li.textContent};
    });
    var threshold = +summary.dataset.riskThreshold;
    var scoredOut = document.getElementById('summary-scored');
    var totalOut = document.getElementById('summary-total');
    var levelOut = document.getElementById('summary-level');
    var adjustedOut = document.getElementById('summary-adjusted');

    function byCode(code) {
        return levels.filter(function (l) { return l.code === Math.min(code, 4); })[0];
    }

    function update() {
        var scored = 0, total = 0;
        selects.forEach(function (select) {
            if (select.value !== '') {
                scored++;
                total += +select.value;
            }
        });
        scoredOut.textContent = scored;
        totalOut.textContent = total;
        adjustedOut.hidden = true;
        if (scored < selects.length) {
            levelOut.textContent = levelOut.dataset.incomplete;
            return;
        }
        var base = levels.filter(function (l) { return total >= l.min && total <= l.max; })[0];
        var coma = document.getElementById('coma');
        var dementia = document.getElementById('dementia');
        var risk = document.getElementById('riskEvents');
        var code;
        if (coma && coma.checked) {
            code = 4;
        } else {
            // GB/T 42195-2022: any one of the conditions raises the level by one; both together still by one
            code = base.code + ((dementia && dementia.checked) || (risk && +risk.value >= threshold) ? 1 : 0);
        }
        var level = byCode(code);
        levelOut.textContent = level.label;
        if (level.code !== base.code) {
            adjustedOut.textContent = adjustedOut.dataset.template.replace('{0}', base.label);
            adjustedOut.hidden = false;
        }
    }

    form.addEventListener('change', update);
    form.addEventListener('input', update);
    update();
})();
