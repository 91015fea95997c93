// Draws the dashboard's charts from the JSON island; the tables beside them hold the same figures.
(function () {
  'use strict';
  var island = document.getElementById('dashboard-data');
  if (!island || typeof echarts === 'undefined') { return; }
  var data = JSON.parse(island.textContent);
  var main = document.getElementById('main');
  var noData = main.getAttribute('data-no-data');
  var charts = [];

  function chart(id, option, empty) {
    var element = document.getElementById(id);
    if (!element) { return; }
    if (empty) {
      element.classList.add('empty');
      element.textContent = noData;
      return;
    }
    var instance = echarts.init(element, null, { renderer: 'svg' });
    instance.setOption(Object.assign({ animation: false, grid: { containLabel: true, left: 8, right: 16, top: 24, bottom: 8 },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } } }, option));
    charts.push(instance);
  }

  function bars(id, list, colorOf) {
    chart(id, {
      xAxis: { type: 'value' },
      yAxis: { type: 'category', inverse: true, data: list.map(function (b) { return b.label; }),
        axisLabel: { width: 150, overflow: 'truncate', fontSize: 12 } },
      series: [{ type: 'bar', barMaxWidth: 28, data: list.map(function (b) {
        return { value: b.value, itemStyle: { color: colorOf(b) } };
      }), label: { show: true, position: 'right' } }]
    }, list.length === 0);
  }

  function gapColor(b) { return b.value < 0 ? '#c0392b' : '#2e7d32'; }
  bars('gapByKano-chart', data.gapByKano, gapColor);
  bars('gapByArea-chart', data.gapByArea, gapColor);
  bars('topCount-chart', data.topByCount, function () { return '#1f5f99'; });
  bars('topGap-chart', data.topByGap, gapColor);
  bars('hits-chart', data.hits, function () { return '#6a4c93'; });

  var causeNames = Object.keys(data.causes);
  var anyCause = causeNames.some(function (name) { return data.causes[name].some(function (n) { return n > 0; }); });
  chart('causes-chart', {
    legend: { top: 0 },
    grid: { containLabel: true, left: 8, right: 16, top: 40, bottom: 8 },
    xAxis: { type: 'category', data: data.weeks },
    yAxis: { type: 'value', minInterval: 1 },
    series: causeNames.map(function (name) { return { name: name, type: 'line', data: data.causes[name] }; })
  }, !anyCause);

  window.addEventListener('resize', function () { charts.forEach(function (c) { c.resize(); }); });
}());
