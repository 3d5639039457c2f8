/*
 * Orebook pages: charts (ECharts), the waterfall from total cash costs to GAAP cost of sales, the
 * provenance panel of the release figures (fetched from the API when a figure is clicked), and
 * confirmations. Chart data comes from <script type="application/json"> blocks rendered by the
 * server; text from the data is always set with textContent, never as markup.
 */
(function () {
  'use strict';

  function data(id) {
    var el = document.getElementById(id);
    if (!el) { return null; }
    try { return JSON.parse(el.textContent); } catch (e) { return null; }
  }

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (text !== undefined && text !== null) { e.textContent = text; }
    return e;
  }

  function escapeHtml(s) {
    return String(s).replace(/[&<>"']/g, function (c) {
      return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c];
    });
  }

  /** "12345.678" as "12,345.678": groups the integer part of a plain decimal string. */
  function grouped(plain) {
    if (plain === null || plain === undefined) { return '—'; }
    var s = String(plain);
    var neg = s.charAt(0) === '-';
    if (neg) { s = s.substring(1); }
    var parts = s.split('.');
    var int = parts[0].replace(/\B(?=(\d{3})+(?!\d))/g, ',');
    var frac = parts.length > 1 ? parts[1] : '';
    if (frac.length > 6) { frac = frac.substring(0, 6) + '…'; }
    return (neg ? '−' : '') + int + (frac ? '.' + frac : '');
  }

  function number(v, decimals) {
    if (v === null || v === undefined) { return '—'; }
    return Number(v).toLocaleString('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
  }

  var PALETTE = ['#1f6feb', '#9ab8e8', '#2a9d8f', '#a7d7cf', '#e9a23b', '#f1c98a'];
  var charts = [];

  // ------------------------------------------------------------------ bar charts

  // The width a category label may take: its slot on the axis, less a gap, so that labels wrap
  // onto a second line at their spaces instead of running into their neighbours.
  function slotWidth(div, count, reserved) {
    var plot = Math.max(100, div.clientWidth - reserved);
    return Math.max(36, Math.floor(plot / Math.max(1, count)) - 6);
  }

  // Redraws every chart at its box's new size, with its labels' widths worked out again.
  var relayouts = [];

  var LEGEND = { itemWidth: 14, itemHeight: 10, itemGap: 10, iconGap: 5, font: '11px sans-serif', rowHeight: 20 };
  var measurer = null;

  // How many rows a plain legend wraps into at this width (the way ECharts packs its items), so that
  // the plot starts below it instead of under it.
  function legendRows(names, width) {
    if (!measurer) { measurer = document.createElement('canvas').getContext('2d'); }
    measurer.font = LEGEND.font;
    var rows = 1, x = 0, room = Math.max(60, width - 10);
    names.forEach(function (n) {
      var w = LEGEND.itemWidth + LEGEND.iconGap + Math.ceil(measurer.measureText(n).width);
      if (x > 0 && x + w > room) { rows++; x = 0; }
      x += w + LEGEND.itemGap;
    });
    return rows;
  }

  function barCharts(specs) {
    // lay out every chart's box first, so that each chart is drawn at its final width
    var boxes = specs.map(function (spec) {
      var container = document.getElementById(spec.container);
      if (!container) { return null; }
      var box = el('div', 'chart-box');
      // the unit goes with the title, the legend above the plot: neither can cover the unit names below it
      box.appendChild(el('h3', null, spec.title + (spec.unit ? ' (' + spec.unit + ')' : '')));
      var div = el('div', 'chart');
      box.appendChild(div);
      container.appendChild(box);
      return div;
    });
    specs.forEach(function (spec, i) {
      var div = boxes[i];
      if (!div) { return; }
      var chart = echarts.init(div, null, { renderer: 'canvas' });
      charts.push(chart);
      function option() {
        return {
          color: PALETTE,
          animationDuration: 300,
          tooltip: {
            trigger: 'axis',
            axisPointer: { type: 'shadow' },
            valueFormatter: function (v) { return number(v, spec.decimals) + ' ' + spec.unit; }
          },
          legend: { top: 0, left: 'center', itemWidth: LEGEND.itemWidth, itemHeight: LEGEND.itemHeight,
            itemGap: LEGEND.itemGap, textStyle: { fontSize: 11, fontFamily: 'sans-serif' } },
          grid: { left: 8, right: 12, bottom: 4, containLabel: true,
            top: 14 + LEGEND.rowHeight * legendRows(spec.series.map(function (x) { return x.name; }), div.clientWidth) },
          xAxis: { type: 'category', data: spec.categories,
            axisLabel: { interval: 0, fontSize: 11, overflow: 'break', width: slotWidth(div, spec.categories.length, 60), lineHeight: 14 } },
          yAxis: { type: 'value', axisLabel: { fontSize: 11 } },
          series: spec.series.map(function (s) { return { name: s.name, type: 'bar', data: s.data, barMaxWidth: 28 }; })
        };
      }
      chart.setOption(option());
      relayouts.push(function () { chart.resize(); chart.setOption(option()); });
    });
  }

  // ------------------------------------------------------------------ waterfall

  function waterfallOption(w, div) {
    var labels = [w.start.label];
    var bars = [{ lo: Math.min(0, w.start.value), hi: Math.max(0, w.start.value), value: w.start.value, kind: 'total' }];
    var running = Number(w.start.value);
    w.steps.forEach(function (s) {
      var next = running + Number(s.value);
      labels.push(s.label);
      bars.push({ lo: Math.min(running, next), hi: Math.max(running, next), value: s.value, kind: Number(s.value) >= 0 ? 'up' : 'down' });
      running = next;
    });
    labels.push(w.end.label);
    bars.push({ lo: Math.min(0, w.end.value), hi: Math.max(0, w.end.value), value: w.end.value, kind: 'total' });
    var colors = { total: '#14213d', up: '#2a9d8f', down: '#e76f51' };
    // an invisible base bar lifts each visible bar; positive and negative parts stack separately
    var base = [], pos = [], neg = [];
    bars.forEach(function (b) {
      var color = { color: colors[b.kind] };
      if (b.lo >= 0) {
        base.push(b.lo); pos.push({ value: b.hi - b.lo, itemStyle: color }); neg.push('-');
      } else if (b.hi <= 0) {
        base.push(b.hi); pos.push('-'); neg.push({ value: b.lo - b.hi, itemStyle: color });
      } else {
        // across zero: one label, above the bar
        base.push(0); pos.push({ value: b.hi, itemStyle: color }); neg.push({ value: b.lo, itemStyle: color, label: { show: false } });
      }
    });
    return {
      animationDuration: 300,
      tooltip: {
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        formatter: function (params) {
          var i = params[0].dataIndex;
          var b = bars[i];
          var sign = b.kind === 'total' ? '' : (Number(b.value) >= 0 ? '+' : '');
          return escapeHtml(labels[i]) + '<br><b>' + sign + escapeHtml(number(b.value, 0)) + '</b> ' + escapeHtml(w.unit);
        }
      },
      grid: { left: 8, right: 12, top: 30, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: labels,
        axisLabel: { interval: 0, fontSize: 11, overflow: 'break', width: Math.min(120, slotWidth(div, labels.length, 80)), lineHeight: 14 } },
      yAxis: { type: 'value', name: w.unit, axisLabel: { fontSize: 11 } },
      series: [
        { name: 'base', type: 'bar', stack: 'wf', data: base, itemStyle: { color: 'transparent' },
          emphasis: { disabled: true }, tooltip: { show: false }, silent: true },
        { name: 'increase', type: 'bar', stack: 'wf', data: pos, barMaxWidth: 48,
          label: { show: true, position: 'top', fontSize: 10, formatter: function (p) { return number(bars[p.dataIndex].value, 0); } } },
        { name: 'decrease', type: 'bar', stack: 'wf', data: neg, barMaxWidth: 48,
          label: { show: true, position: 'bottom', fontSize: 10, formatter: function (p) { return number(bars[p.dataIndex].value, 0); } } }
      ]
    };
  }

  function waterfall(list) {
    var container = document.getElementById('chart-waterfall');
    var select = document.getElementById('waterfall-select');
    if (!container || !list.length) { return; }
    var chart = echarts.init(container, null, { renderer: 'canvas' });
    charts.push(chart);
    if (select) {
      list.forEach(function (w, i) {
        var o = el('option', null, w.label);
        o.value = String(i);
        select.appendChild(o);
      });
      select.addEventListener('change', function () {
        chart.setOption(waterfallOption(list[Number(select.value)], container), true);
      });
    }
    chart.setOption(waterfallOption(list[0], container), true);
    relayouts.push(function () {
      chart.resize();
      chart.setOption(waterfallOption(list[select ? Number(select.value) : 0], container), true);
    });
  }

  // ------------------------------------------------------------------ provenance

  // The provenance of a clicked figure is asked of the server (the panel's data-src names the API
  // for the release the page shows); answers are kept for the page's life.
  function provenance(panel) {
    var body = document.getElementById('prov-body');
    var back = document.getElementById('prov-back');
    var close = document.getElementById('prov-close');
    if (!body) { return; }
    var src = panel.getAttribute('data-src');
    var known = {};
    var trail = [];
    var current = null;

    function mark(key) {
      document.querySelectorAll('.prov-selected').forEach(function (e) { e.classList.remove('prov-selected'); });
      var cells = document.querySelectorAll('[data-key="' + (window.CSS && CSS.escape ? CSS.escape(key) : key) + '"].fig');
      cells.forEach(function (c) { c.classList.add('prov-selected'); });
    }

    function fetchFigure(key) {
      if (known[key]) { return Promise.resolve(known[key]); }
      return fetch(src + '&key=' + encodeURIComponent(key), { credentials: 'same-origin', headers: { 'Accept': 'application/json' } })
        .then(function (r) {
          return r.json().then(function (j) {
            if (!r.ok) { throw new Error(j && j.error ? j.error : 'HTTP ' + r.status); }
            known[key] = j;
            return j;
          });
        });
    }

    function show(key) {
      current = key;
      body.textContent = '';
      body.removeAttribute('data-shown'); // set once the figure is shown
      body.appendChild(el('p', 'muted small', 'Loading…'));
      panel.hidden = false;
      mark(key);
      fetchFigure(key).then(function (f) {
        if (current !== key) { return; }
        render(key, f);
      }, function (err) {
        if (current !== key) { return; }
        body.textContent = '';
        body.appendChild(el('p', 'alert error', 'The provenance could not be loaded: ' + err.message));
      });
    }

    function render(key, f) {
      body.textContent = '';
      body.setAttribute('data-shown', key);
      body.appendChild(el('p', 'prov-label', f.label));
      body.appendChild(el('div', 'prov-value', (f.printed || grouped(f.value)) + ' '));
      body.lastChild.appendChild(el('span', 'muted small', f.unit));
      body.appendChild(el('div', 'prov-exact', 'exact value ' + grouped(f.value) + ' ' + f.unit));
      body.appendChild(el('div', 'prov-key', key));
      var o = f.origin || {};
      var section = el('div', 'prov-origin');
      if (o.type === 'input') {
        section.appendChild(el('h3', null, 'Input'));
        var p = el('p', 'prov-input');
        p.appendChild(document.createTextNode('File '));
        p.appendChild(el('code', null, o.file));
        p.appendChild(document.createTextNode(', line ' + o.line + ', field '));
        p.appendChild(el('code', null, o.field));
        section.appendChild(p);
      } else if (o.type === 'relation') {
        section.appendChild(el('h3', null, 'Computed'));
        section.appendChild(el('p', null, o.description));
        section.appendChild(el('div', 'prov-formula', o.formula));
        var ul = el('ul', 'prov-operands');
        (o.operands || []).forEach(function (op) {
          var li = el('li');
          var b = el('button', 'operand', op.label);
          b.type = 'button';
          b.setAttribute('data-key', op.key);
          b.title = op.key;
          if (!op.known) { b.disabled = true; }
          li.appendChild(b);
          li.appendChild(el('span', 'op-value', op.absent ? 'absent (zero)' : grouped(op.value) + ' ' + (op.unit || '')));
          ul.appendChild(li);
        });
        section.appendChild(ul);
      } else if (o.type === 'published') {
        section.appendChild(el('h3', null, 'Published'));
        section.appendChild(el('p', null, o.table + ', line ' + o.line + ' (' + o.label + ')'));
      }
      body.appendChild(section);
      back.hidden = trail.length === 0;
    }

    document.addEventListener('click', function (ev) {
      var op = ev.target.closest('#prov-panel button.operand');
      if (op) {
        if (current) { trail.push(current); }
        show(op.getAttribute('data-key'));
        return;
      }
      var cell = ev.target.closest('.fig[data-key]');
      if (cell) {
        trail = [];
        show(cell.getAttribute('data-key'));
      }
    });
    document.addEventListener('keydown', function (ev) {
      if (ev.key === 'Escape') { panel.hidden = true; return; }
      if (ev.key === 'Enter' && ev.target.matches && ev.target.matches('.fig[data-key]')) {
        trail = [];
        show(ev.target.getAttribute('data-key'));
      }
    });
    back.addEventListener('click', function () {
      if (trail.length) { show(trail.pop()); }
      back.hidden = trail.length === 0;
    });
    close.addEventListener('click', function () {
      panel.hidden = true;
      document.querySelectorAll('.prov-selected').forEach(function (e) { e.classList.remove('prov-selected'); });
    });
  }

  // A tornado: per driver, the NPV with the driver at its largest decrease and increase, drawn as
  // deviations from the base NPV (both bars from the base line), the axis labelled in NPV.
  function tornados(list) {
    list.forEach(function (t) {
      var div = document.getElementById(t.id);
      if (!div) { return; }
      var base = Number(t.base);
      var drivers = t.bars.map(function (b) { return b.driver; }).reverse();
      var lows = t.bars.map(function (b) { return Number(b.low) - base; }).reverse();
      var highs = t.bars.map(function (b) { return Number(b.high) - base; }).reverse();
      var chart = echarts.init(div, null, { renderer: 'canvas' });
      charts.push(chart);
      chart.setOption({
        color: ['#b4432f', '#2f6db4'],
        title: { text: t.project + ': NPV at ' + t.rate + ' (' + t.unit + '), base ' + number(base, 0), textStyle: { fontSize: 12 } },
        legend: { bottom: 0, data: [t.lowChange, t.highChange] },
        grid: { left: 8, right: 24, top: 36, bottom: 36, containLabel: true },
        tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' },
          valueFormatter: function (v) { return number(v + base, 0); } },
        xAxis: { type: 'value', axisLabel: { formatter: function (v) { return number(v + base, 0); } } },
        yAxis: { type: 'category', data: drivers },
        series: [
          { name: t.lowChange, type: 'bar', data: lows, barGap: '-100%', barMaxWidth: 22 },
          { name: t.highChange, type: 'bar', data: highs, barGap: '-100%', barMaxWidth: 22,
            markLine: { symbol: 'none', silent: true, data: [{ xAxis: 0 }], label: { show: false } } }
        ]
      });
    });
  }

  // ------------------------------------------------------------------ start

  document.addEventListener('DOMContentLoaded', function () {
    // a menu closes when one clicks elsewhere
    document.addEventListener('click', function (ev) {
      document.querySelectorAll('details.menu[open]').forEach(function (d) {
        if (!d.contains(ev.target)) { d.removeAttribute('open'); }
      });
    });
    document.querySelectorAll('form[data-confirm]').forEach(function (f) {
      f.addEventListener('submit', function (ev) {
        if (!window.confirm(f.getAttribute('data-confirm'))) { ev.preventDefault(); }
      });
    });
    var panel = document.getElementById('prov-panel');
    if (panel && panel.getAttribute('data-src')) { provenance(panel); }
    if (window.echarts) {
      var specs = data('chart-data');
      if (specs) { barCharts(specs); }
      var wf = data('waterfall-data');
      if (wf) { waterfall(wf); }
      var td = data('tornado-data');
      if (td) { tornados(td); }
      var pending = null;
      window.addEventListener('resize', function () {
        clearTimeout(pending);
        pending = setTimeout(function () {
          charts.forEach(function (c) { c.resize(); });
          relayouts.forEach(function (f) { f(); });
        }, 100);
      });
    }
  });
})();
