// Draws the survey's Better–Worse chart from the JSON island; the table below holds the same figures.
// x: how much owners' dissatisfaction grows without the item (|Worse|), y: how much satisfaction grows with it (Better).
(function () {
  'use strict';
  var island = document.getElementById('kano-data');
  var element = document.getElementById('better-worse-chart');
  if (!island || !element || typeof echarts === 'undefined') { return; }
  var data = JSON.parse(island.textContent);
  var main = document.getElementById('main');
  if (data.points.length === 0) {
    element.classList.add('empty');
    element.textContent = main.getAttribute('data-no-data');
    return;
  }
  var colours = { M: '#c0392b', O: '#1f5f99', A: '#2e7d32', I: '#7f8c8d', R: '#8e44ad', Q: '#b9770e' };
  var quadrant = function (x, y, text) {
    return { coord: [x, y], value: text, symbolSize: 0, label: { show: true, formatter: text, color: '#5b6675', fontSize: 13 } };
  };
  var chart = echarts.init(element, null, { renderer: 'svg' });
  chart.setOption({
    animation: false,
    grid: { containLabel: true, left: 40, right: 24, top: 24, bottom: 36 },
    tooltip: {
      trigger: 'item',
      formatter: function (p) {
        // item names come from an uploaded file: the tooltip is HTML, so they are escaped
        return echarts.format.encodeHTML(p.data.item) + '<br>' + p.data.category + ' · Better ' + p.data.value[1]
          + ' · Worse −' + p.data.value[0];
      }
    },
    xAxis: { type: 'value', min: 0, max: 1, name: main.getAttribute('data-worse'), nameLocation: 'middle', nameGap: 28,
      splitLine: { show: false } },
    yAxis: { type: 'value', min: 0, max: 1, name: main.getAttribute('data-better'), nameLocation: 'middle', nameGap: 40,
      splitLine: { show: false } },
    series: [{
      type: 'scatter',
      symbolSize: 12,
      data: data.points.map(function (p) {
        return {
          value: [Math.abs(p.worse), p.better], item: p.item, category: p.category,
          symbol: p.significant ? 'circle' : 'emptyCircle',
          itemStyle: { color: colours[p.category] || '#333' }
        };
      }),
      label: { show: true, position: 'right', fontSize: 11, formatter: function (p) { return p.data.item; } },
      labelLayout: { hideOverlap: true },
      markLine: { silent: true, symbol: 'none', lineStyle: { type: 'dashed', color: '#9aa5b1' },
        data: [{ xAxis: 0.5 }, { yAxis: 0.5 }], label: { show: false } },
      markPoint: { silent: true, data: [quadrant(0.05, 0.97, 'A'), quadrant(0.95, 0.97, 'O'),
        quadrant(0.95, 0.03, 'M'), quadrant(0.05, 0.03, 'I')] }
    }]
  });
  window.addEventListener('resize', function () { chart.resize(); });
}());
