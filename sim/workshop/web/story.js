// One partnership's story: the partners of one traced run as dots on a ring, month by month,
// coloured by trust in the facilitator and sized by capacity, with each partner's two strongest
// ties (the model's own, from the trace), a month slider, play/pause, and the run's events
// marked on the timeline.
"use strict";

const Story = (() => {
  const $ = (id) => document.getElementById(id);
  // story.ties[m] = [i, j, weight]: each partner's two strongest ties that month, as the
  // model's convenings built them (the engine's trace), weights 0-1.
  const state = { run: null, story: null, timer: null };

  // Orange (trust 0.3 or less) through yellow and teal to dark blue (0.9 or more): a scale
  // that colour-blind viewers can read, spread over the range trust takes in the model.
  const trustStops = [[0.3, [217, 95, 2]], [0.5, [250, 205, 90]], [0.7, [65, 170, 190]],
                      [0.9, [30, 50, 140]]];
  function trustColour(trust) {
    const t = Math.max(trustStops[0][0], Math.min(trustStops[trustStops.length - 1][0], trust));
    let k = 0;
    while (k < trustStops.length - 2 && t > trustStops[k + 1][0]) k++;
    const [low, high] = [trustStops[k], trustStops[k + 1]];
    const f = (t - low[0]) / (high[0] - low[0]);
    const c = low[1].map((v, i) => Math.round(v + (high[1][i] - v) * f));
    return `rgb(${c[0]},${c[1]},${c[2]})`;
  }

  function draw() {
    const story = state.story;
    if (!story) return;
    const canvas = $("story-canvas");
    const ctx = canvas.getContext("2d");
    const m = Number($("story-month").value) - 1;
    const width = canvas.width;
    const height = canvas.height;
    ctx.fillStyle = "#fff";
    ctx.fillRect(0, 0, width, height);
    const n = story.partners;
    const radius = Math.min(width, height) / 2 - 40;
    const position = (i) => {
      const angle = (2 * Math.PI * i) / n - Math.PI / 2;
      return [width / 2 + radius * Math.cos(angle), height / 2 + radius * Math.sin(angle)];
    };
    for (const [i, j, w] of story.ties[m]) {
      const [x1, y1] = position(i);
      const [x2, y2] = position(j);
      ctx.strokeStyle = `rgba(60,60,60,${Math.min(0.85, 0.1 + w)})`;
      ctx.lineWidth = 0.5 + 4 * w;
      ctx.beginPath();
      ctx.moveTo(x1, y1);
      ctx.lineTo(x2, y2);
      ctx.stroke();
    }
    for (let i = 0; i < n; i++) {
      const trust = story.trust[m][i];
      if (trust === null) continue;
      const capacity = story.capacity[m][i] ?? 0;
      const [x, y] = position(i);
      const r = 5 + 14 * capacity;
      ctx.beginPath();
      ctx.arc(x, y, r, 0, 2 * Math.PI);
      if (story.present[m][i] === 1) {
        ctx.fillStyle = trustColour(trust);
        ctx.fill();
      }
      ctx.strokeStyle = story.present[m][i] === 1 ? "#444" : trustColour(trust);
      ctx.lineWidth = story.present[m][i] === 1 ? 1 : 3;
      ctx.stroke();
    }
    ctx.fillStyle = "#111";
    ctx.font = "bold 17px sans-serif";
    ctx.textAlign = "left";
    ctx.fillText(`Month ${m + 1}`, 10, 22);
    const recent = story.events.filter((e) => e.month <= m + 1 && e.month > m - 5).map((e) => e.label);
    ctx.font = "15px sans-serif";
    ctx.fillStyle = "#c45a00";
    recent.forEach((label, k) => ctx.fillText(label, 10, 44 + 19 * k));
    drawLegend(ctx, width, height);
    $("story-month-label").textContent = `month ${m + 1} of ${story.months}`;
    canvas.dataset.month = m + 1;
  }

  function drawLegend(ctx, width, height) {
    ctx.font = "13px sans-serif";
    ctx.textAlign = "right";
    ctx.fillStyle = "#333";
    ctx.fillText("trust in the facilitator", width - 10, height - 34);
    const x0 = width - 160;
    for (let k = 0; k <= 30; k++) {
      ctx.fillStyle = trustColour(0.3 + (0.6 * k) / 30);
      ctx.fillRect(x0 + 5 * k, height - 28, 5, 10);
    }
    ctx.fillStyle = "#333";
    ctx.textAlign = "left";
    ctx.fillText("0.3", x0, height - 6);
    ctx.textAlign = "right";
    ctx.fillText("0.9", x0 + 155, height - 6);
  }

  function markEvents() {
    const box = $("story-events");
    box.replaceChildren();
    for (const event of state.story.events) {
      const mark = document.createElement("button");
      mark.type = "button";
      mark.className = `event event-${event.kind}`;
      mark.style.left = `${(100 * (event.month - 1)) / Math.max(1, state.story.months - 1)}%`;
      mark.title = `Month ${event.month}: ${event.label}`;
      mark.textContent = "▼";
      mark.addEventListener("click", () => { $("story-month").value = event.month; draw(); });
      box.append(mark);
    }
    const list = document.createElement("p");
    list.className = "event-list";
    list.textContent = state.story.events.length
      ? state.story.events.map((e) => `month ${e.month}: ${e.label}`).join(" · ") +
        `. This run ended ${state.story.outcome}.`
      : `No events in this run. It ended ${state.story.outcome}.`;
    box.append(list);
  }

  async function show(replicate) {
    stop();
    state.story = await Workshop.call("GET", `/api/story?run=${state.run.run}&story=${replicate}`);
    $("story-month").max = state.story.months;
    $("story-month").value = 1;
    markEvents();
    draw();
  }

  function stop() {
    if (state.timer) clearInterval(state.timer);
    state.timer = null;
    $("story-play").textContent = "Play";
  }

  function play() {
    if (state.timer) { stop(); return; }
    if (Number($("story-month").value) >= state.story.months) $("story-month").value = 1;
    $("story-play").textContent = "Pause";
    state.timer = setInterval(() => {
      const month = Number($("story-month").value);
      if (month >= state.story.months) { stop(); return; }
      $("story-month").value = month + 1;
      draw();
    }, 180);
  }

  async function load(result) {
    state.run = result;
    const select = $("story-run");
    select.replaceChildren();
    for (let k = 0; k < result.story_runs; k++) {
      const option = document.createElement("option");
      option.value = k;
      option.textContent = `${k + 1}`;
      select.append(option);
    }
    await show(0);
  }

  function wire() {
    $("story-month").addEventListener("input", draw);
    $("story-play").addEventListener("click", () => state.story && play());
    $("story-run").addEventListener("change", () => show(Number($("story-run").value)));
  }

  return { load, wire };
})();
