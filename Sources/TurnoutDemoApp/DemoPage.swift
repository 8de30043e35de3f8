/// The live page served at `/`: one self-contained HTML document with inline CSS and JavaScript.
///
/// It polls `color` (relative to the address it was served from, so it sees whichever version the
/// proxy routes to) every 100 ms, draws a bubble per response in the response's colour (failures
/// outlined red and black, unanswered requests hollow), and every 2 s adds a bar with the share per
/// colour. Works offline: no external assets.
enum DemoPage {
    /// The complete HTML document.
    static let html = #"""
    <!doctype html>
    <html lang="en">
    <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>Turnout demo</title>
    <style>
      :root { --bg: #f3f4f6; --panel: #ffffff; --text: #111827; --muted: #6b7280; --line: #e5e7eb; --fail: #dc2626; }
      * { box-sizing: border-box; }
      body { margin: 0; font: 14px/1.4 system-ui, -apple-system, "Segoe UI", sans-serif; background: var(--bg); color: var(--text); }
      header { display: flex; align-items: baseline; gap: 16px; padding: 12px 20px; background: #111827; color: #f9fafb; }
      header h1 { margin: 0; font-size: 18px; }
      header .status { color: #d1d5db; font-size: 13px; }
      code { font-family: ui-monospace, Menlo, Consolas, monospace; }
      main { display: grid; grid-template-columns: minmax(0, 1fr) 260px; grid-template-rows: auto auto; gap: 16px; padding: 16px 20px; }
      .panel { background: var(--panel); border: 1px solid var(--line); border-radius: 8px; padding: 12px 14px; }
      .panel h2 { margin: 0 0 8px; font-size: 14px; font-weight: 600; }
      .hint { color: var(--muted); font-weight: 400; margin-left: 6px; }
      #bars-panel { grid-column: 1; grid-row: 1; }
      #bubbles-panel { grid-column: 1; grid-row: 2; }
      #legend-panel { grid-column: 2; grid-row: 1 / span 2; }
      canvas { display: block; width: 100%; }
      #bars { height: 240px; }
      #bubbles { height: 280px; }
      .legend { list-style: none; margin: 0 0 14px; padding: 0; }
      .legend li { display: grid; grid-template-columns: 18px 1fr auto; gap: 8px; align-items: center; padding: 4px 0; border-bottom: 1px solid var(--line); }
      .legend .name { overflow-wrap: anywhere; }
      .legend .share { font-variant-numeric: tabular-nums; color: var(--muted); }
      .swatch { width: 14px; height: 14px; border-radius: 50%; border: 1px solid rgba(0, 0, 0, 0.25); }
      .swatch.failed { border: 3px solid var(--fail); box-shadow: 0 0 0 1px #000; }
      .swatch.unanswered { background: #fff; border: 2px dashed #000; }
      dl { display: grid; grid-template-columns: 1fr auto; gap: 2px 8px; margin: 0; }
      dt { color: var(--muted); }
      dd { margin: 0; text-align: right; font-variant-numeric: tabular-nums; }
      .empty { color: var(--muted); }
    </style>
    </head>
    <body>
    <header>
      <h1>Turnout demo</h1>
      <span class="status">polling <code id="target">color</code> every 100 ms &middot; one bar every 2 s</span>
    </header>
    <main>
      <section class="panel" id="bars-panel">
        <h2>Share per version <span class="hint">each bar: the responses of 2 seconds, newest on the right</span></h2>
        <canvas id="bars" aria-label="bar chart of the share of responses per colour"></canvas>
      </section>
      <section class="panel" id="bubbles-panel">
        <h2>Responses <span class="hint">one bubble per request, newest last</span></h2>
        <canvas id="bubbles" aria-label="one bubble per response"></canvas>
      </section>
      <aside class="panel" id="legend-panel">
        <h2>Versions <span class="hint">share of the last bar</span></h2>
        <ul class="legend" id="legend"><li class="empty">waiting for the first response&hellip;</li></ul>
        <h2>Key</h2>
        <ul class="legend" id="key">
          <li><span class="swatch" style="background:#9ca3af"></span><span class="name">answered</span><span></span></li>
          <li><span class="swatch failed" style="background:#9ca3af"></span><span class="name">failed (5xx or error)</span><span></span></li>
          <li><span class="swatch unanswered"></span><span class="name">no answer</span><span></span></li>
        </ul>
        <h2>Totals</h2>
        <dl>
          <dt>requests</dt><dd id="total-requests">0</dd>
          <dt>failed</dt><dd id="total-failed">0</dd>
          <dt>no answer</dt><dd id="total-unanswered">0</dd>
          <dt>last latency</dt><dd id="last-latency">&ndash;</dd>
        </dl>
      </aside>
    </main>
    <script>
    'use strict';
    (function () {
      const POLL_MS = 100;          // one request every 100 ms
      const BAR_MS = 2000;          // one bar every 2 s
      const MAX_BARS = 30;          // one minute of history
      const MAX_IN_FLIGHT = 8;      // skip a tick rather than pile up requests on a slow version
      const TIMEOUT_MS = 5000;
      const CELL = 18;              // bubble grid cell, CSS pixels
      const NO_ANSWER = 'no answer';
      const FAIL = '#dc2626';

      // Relative to the page's own address, so the page shows whichever version answers there.
      const COLOR_URL = new URL('color', document.baseURI).toString();
      document.getElementById('target').textContent = COLOR_URL;

      const order = [];             // colours in the order first seen
      const bubbles = [];           // recent responses: { key, failed }
      const bars = [];              // committed bars: Map key -> { ok, failed }
      let current = new Map();      // the 2 s window being filled
      const totals = { requests: 0, failed: 0, unanswered: 0 };
      let inFlight = 0;
      let dirty = true;

      // Softer shades for the colours of the Argo Rollouts demo images; any other CSS colour is drawn as is.
      const PALETTE = new Map([['blue', '#2563eb'], ['green', '#16a34a'], ['yellow', '#eab308'], ['orange', '#f97316'], ['red', '#b91c1c'], ['purple', '#9333ea']]);
      const probe = new Option().style;
      const cssCache = new Map();
      function cssColor(key) {
        if (key === NO_ANSWER) return '#ffffff';
        if (!cssCache.has(key)) {
          probe.color = '';
          probe.color = key;
          cssCache.set(key, PALETTE.get(key) || (probe.color !== '' ? key : '#9ca3af'));
        }
        return cssCache.get(key);
      }

      function record(key, failed, latency) {
        if (!order.includes(key)) order.push(key);
        totals.requests += 1;
        if (key === NO_ANSWER) totals.unanswered += 1; else if (failed) totals.failed += 1;
        bubbles.push({ key, failed });
        if (bubbles.length > 5000) bubbles.splice(0, bubbles.length - 5000);
        const counts = current.get(key) || { ok: 0, failed: 0 };
        if (failed) counts.failed += 1; else counts.ok += 1;
        current.set(key, counts);
        document.getElementById('total-requests').textContent = totals.requests;
        document.getElementById('total-failed').textContent = totals.failed;
        document.getElementById('total-unanswered').textContent = totals.unanswered;
        if (latency !== null) document.getElementById('last-latency').textContent = latency + ' ms';
        dirty = true;
      }

      function poll() {
        if (inFlight >= MAX_IN_FLIGHT) return;
        inFlight += 1;
        const started = performance.now();
        const controller = new AbortController();
        const timer = setTimeout(() => controller.abort(), TIMEOUT_MS);
        fetch(COLOR_URL, { cache: 'no-store', signal: controller.signal })
          .then(async (response) => {
            let body = null;
            try { body = await response.json(); } catch (e) { body = null; }
            const latency = Math.round(performance.now() - started);
            const color = body && typeof body.color === 'string' ? body.color : null;
            if (color === null) { record(NO_ANSWER, true, latency); return; }
            record(color, response.status >= 500 || Boolean(body.error), latency);
          })
          .catch(() => record(NO_ANSWER, true, null))
          .finally(() => { clearTimeout(timer); inFlight -= 1; });
      }

      function commitBar() {
        bars.push(current);
        if (bars.length > MAX_BARS) bars.shift();
        current = new Map();
        updateLegend();
        dirty = true;
      }

      function prepare(canvas) {
        const ratio = window.devicePixelRatio || 1;
        const width = canvas.clientWidth, height = canvas.clientHeight;
        if (canvas.width !== Math.round(width * ratio) || canvas.height !== Math.round(height * ratio)) {
          canvas.width = Math.round(width * ratio);
          canvas.height = Math.round(height * ratio);
        }
        const ctx = canvas.getContext('2d');
        ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
        ctx.clearRect(0, 0, width, height);
        return { ctx, width, height };
      }

      let stripes = null;
      function stripePattern(ctx) {
        if (stripes) return stripes;
        const tile = document.createElement('canvas');
        tile.width = 8; tile.height = 8;
        const t = tile.getContext('2d');
        t.strokeStyle = FAIL; t.lineWidth = 2.5;
        t.beginPath(); t.moveTo(-2, 10); t.lineTo(10, -2); t.moveTo(-2, 2); t.lineTo(2, -2); t.moveTo(6, 10); t.lineTo(10, 6); t.stroke();
        stripes = ctx.createPattern(tile, 'repeat');
        return stripes;
      }

      function drawBubble(ctx, x, y, r, bubble) {
        ctx.beginPath();
        ctx.arc(x, y, r, 0, Math.PI * 2);
        if (bubble.key === NO_ANSWER) {
          ctx.fillStyle = '#ffffff'; ctx.fill();
          ctx.setLineDash([2, 2]); ctx.strokeStyle = '#000000'; ctx.lineWidth = 1.5; ctx.stroke(); ctx.setLineDash([]);
          return;
        }
        ctx.fillStyle = cssColor(bubble.key); ctx.fill();
        if (bubble.failed) {
          ctx.strokeStyle = '#000000'; ctx.lineWidth = 4.5; ctx.stroke();
          ctx.strokeStyle = FAIL; ctx.lineWidth = 2.5; ctx.stroke();
        } else {
          ctx.strokeStyle = 'rgba(0, 0, 0, 0.25)'; ctx.lineWidth = 1; ctx.stroke();
        }
      }

      function drawBubbles() {
        const { ctx, width, height } = prepare(document.getElementById('bubbles'));
        const columns = Math.max(1, Math.floor(width / CELL));
        const rows = Math.max(1, Math.floor(height / CELL));
        const shown = bubbles.slice(-columns * rows);
        shown.forEach((bubble, index) => {
          const x = (index % columns) * CELL + CELL / 2;
          const y = Math.floor(index / columns) * CELL + CELL / 2;
          drawBubble(ctx, x, y, CELL / 2 - 3, bubble);
        });
      }

      function drawBars() {
        const { ctx, width, height } = prepare(document.getElementById('bars'));
        const left = 40, right = 8, top = 8, bottom = 22;
        const plotWidth = width - left - right, plotHeight = height - top - bottom;
        ctx.font = '11px system-ui, sans-serif';
        ctx.fillStyle = '#6b7280'; ctx.strokeStyle = '#e5e7eb'; ctx.lineWidth = 1;
        ctx.textAlign = 'right'; ctx.textBaseline = 'middle';
        [0, 25, 50, 75, 100].forEach((percent) => {
          const y = top + plotHeight * (1 - percent / 100);
          ctx.beginPath(); ctx.moveTo(left, y + 0.5); ctx.lineTo(width - right, y + 0.5); ctx.stroke();
          ctx.fillText(percent + '%', left - 6, y);
        });
        const slot = plotWidth / MAX_BARS;
        const barWidth = Math.max(2, slot * 0.75);
        ctx.textAlign = 'center'; ctx.textBaseline = 'top';
        if (bars.length === 0) {
          ctx.fillText('the first bar appears after 2 s', left + plotWidth / 2, top + plotHeight / 2);
        }
        bars.forEach((bar, index) => {
          const slotIndex = MAX_BARS - bars.length + index;
          const x = left + slotIndex * slot + (slot - barWidth) / 2;
          const total = Array.from(bar.values()).reduce((sum, c) => sum + c.ok + c.failed, 0);
          const age = (bars.length - 1 - index) * BAR_MS / 1000;
          if (age % 10 === 0) { ctx.fillStyle = '#6b7280'; ctx.fillText(age === 0 ? 'now' : '-' + age + 's', x + barWidth / 2, top + plotHeight + 6); }
          if (total === 0) {
            ctx.strokeStyle = '#d1d5db'; ctx.setLineDash([3, 3]);
            ctx.strokeRect(x + 0.5, top + 0.5, barWidth - 1, plotHeight - 1); ctx.setLineDash([]);
            return;
          }
          let y = top + plotHeight;
          order.forEach((key) => {
            const counts = bar.get(key);
            if (!counts) return;
            [['ok', counts.ok], ['failed', counts.failed]].forEach(([kind, count]) => {
              if (count === 0) return;
              const h = plotHeight * count / total;
              y -= h;
              ctx.fillStyle = cssColor(key);
              ctx.fillRect(x, y, barWidth, h);
              if (kind === 'failed' || key === NO_ANSWER) {
                ctx.fillStyle = stripePattern(ctx); ctx.fillRect(x, y, barWidth, h);
                ctx.strokeStyle = '#000000'; ctx.lineWidth = 1; ctx.strokeRect(x + 0.5, y + 0.5, barWidth - 1, h - 1);
              }
            });
          });
        });
      }

      function updateLegend() {
        const list = document.getElementById('legend');
        const last = bars[bars.length - 1] || new Map();
        const total = Array.from(last.values()).reduce((sum, c) => sum + c.ok + c.failed, 0);
        list.replaceChildren();
        if (order.length === 0) {
          const item = document.createElement('li'); item.className = 'empty';
          item.textContent = 'waiting for the first response\u2026'; list.appendChild(item); return;
        }
        order.forEach((key) => {
          const counts = last.get(key) || { ok: 0, failed: 0 };
          const item = document.createElement('li');
          const swatch = document.createElement('span');
          swatch.className = key === NO_ANSWER ? 'swatch unanswered' : 'swatch';
          if (key !== NO_ANSWER) swatch.style.backgroundColor = cssColor(key);
          const name = document.createElement('span');
          name.className = 'name';
          name.textContent = counts.failed > 0 && key !== NO_ANSWER ? key + ' (' + counts.failed + ' failed)' : key;
          const share = document.createElement('span');
          share.className = 'share';
          share.textContent = total === 0 ? '\u2013' : Math.round(100 * (counts.ok + counts.failed) / total) + '%';
          item.append(swatch, name, share);
          list.appendChild(item);
        });
      }

      function render() {
        if (!dirty) return;
        dirty = false;
        drawBars();
        drawBubbles();
      }

      window.addEventListener('resize', () => { dirty = true; render(); });
      setInterval(poll, POLL_MS);
      setInterval(commitBar, BAR_MS);
      setInterval(render, POLL_MS);   // the bubbles refresh every 100 ms, the bars with each new bar
      poll();
      render();
    })();
    </script>
    </body>
    </html>
    """#
}
