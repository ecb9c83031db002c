// Dashboard charts: each <div class="chart" data-chart="{ECharts option as JSON}"> is drawn with Apache ECharts.
// The server builds the options (numbers from the same figures as the tables); this file adds what JSON cannot
// carry: formatters, and the drill-down on a click (option.links[i] is the address of category i).
(function () {
    'use strict';

    function draw(element) {
        var option = JSON.parse(element.getAttribute('data-chart'));
        var links = option.links || [];
        if (option.kind === 'pyramid') {
            var absolute = function (value) { return value == null ? '<5' : Math.abs(value); };
            option.xAxis.axisLabel = { formatter: absolute };
            option.tooltip.valueFormatter = absolute;
        }
        if (option.kind === 'percent') {
            option.yAxis.max = 100;
            option.yAxis.axisLabel = { formatter: '{value}%' };
        }
        delete option.kind;
        delete option.links;
        var chart = echarts.init(element, null, { renderer: 'canvas' });
        chart.setOption(option);
        element.setAttribute('data-rendered', 'true');
        if (links.length) {
            chart.on('click', function (params) {
                if (links[params.dataIndex]) {
                    window.location.href = links[params.dataIndex];
                }
            });
        }
        window.addEventListener('resize', function () { chart.resize(); });
    }

    document.addEventListener('DOMContentLoaded', function () {
        document.querySelectorAll('.chart[data-chart]').forEach(draw);
        // a click anywhere on a row of the child regions opens that region
        document.querySelectorAll('tr[data-href]').forEach(function (row) {
            row.addEventListener('click', function (event) {
                if (!event.target.closest('a, button, input, form')) {
                    window.location.href = row.getAttribute('data-href');
                }
            });
        });
    });
})();
