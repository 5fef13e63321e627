// Shared by the facilitator's page and the phone view: talking to the server, and drawing a
// fan chart (median and 50% / 90% bands over runs) with uPlot, the vendored chart library.
"use strict";

const Workshop = (() => {
  const colours = {
    A: { line: "#1f5fa8", inner: "rgba(31,95,168,0.30)", outer: "rgba(31,95,168,0.13)" },
    B: { line: "#c45a00", inner: "rgba(196,90,0,0.30)", outer: "rgba(196,90,0,0.13)" },
  };

  async function call(method, path, body) {
    const options = { method, headers: {} };
    if (body !== undefined) {
      options.headers["Content-Type"] = "application/json";
      options.body = JSON.stringify(body);
    }
    const response = await fetch(path, options);
    const data = await response.json().catch(() => ({ error: "the server sent no answer" }));
    if (!response.ok) {
      const error = new Error(data.error || response.statusText);
      error.field = data.field || "";
      throw error;
    }
    return data;
  }

  function percent(share) {
    return (100 * share).toFixed(0) + "%";
  }

  // "12% of runs ended struggling or collapsed (95% interval 7% to 20%; ...)".
  function riskSentence(risk) {
    return `${percent(risk.share)} of ${risk.runs} runs ended struggling or collapsed ` +
      `(95% interval ${percent(risk.low)} to ${percent(risk.high)}).`;
  }

  // Series for uPlot: per design, p95, p05, p75, p25, p50; bands between each pair.
  function fanData(designs, index) {
    const months = designs[0].charts.months;
    const x = Array.from({ length: months }, (_, m) => m + 1);
    const data = [x];
    const series = [{ label: "month" }];
    const bands = [];
    for (const design of designs) {
      const measure = design.charts.measures[index];
      const colour = colours[design.name];
      const first = data.length;
      for (const key of ["p95", "p05", "p75", "p25"]) {
        data.push(measure[key]);
        series.push({ label: `${design.name} ${key}`, stroke: "transparent", points: { show: false } });
      }
      data.push(measure.p50);
      series.push({ label: `${design.name} median`, stroke: colour.line, width: 2.5, points: { show: false } });
      bands.push({ series: [first, first + 1], fill: colour.outer });
      bands.push({ series: [first + 2, first + 3], fill: colour.inner });
    }
    return { data, series, bands };
  }

  // A dashed line at the month a time-bound contract ends, labelled.
  function contractPlugin(month) {
    return {
      hooks: {
        draw: [(u) => {
          if (month === null || month === undefined) return;
          const x = u.valToPos(month, "x", true);
          const ctx = u.ctx;
          ctx.save();
          ctx.strokeStyle = "#333";
          ctx.setLineDash([6, 4]);
          ctx.lineWidth = 1.5 * devicePixelRatio;
          ctx.beginPath();
          ctx.moveTo(x, u.bbox.top);
          ctx.lineTo(x, u.bbox.top + u.bbox.height);
          ctx.stroke();
          ctx.setLineDash([]);
          ctx.fillStyle = "#333";
          ctx.font = `${13 * devicePixelRatio}px sans-serif`;
          ctx.textAlign = "right";
          // At the foot of the plot, where the fans seldom reach.
          ctx.fillText("contract ends", x - 4 * devicePixelRatio, u.bbox.top + u.bbox.height - 6 * devicePixelRatio);
          ctx.restore();
        }],
      },
    };
  }

  // Draws one fan chart per key measure into `container` (replacing what was there) for the
  // designs given ([{name: "A", charts}, {name: "B", charts}]); returns the uPlot objects.
  function drawFans(container, designs, width) {
    container.replaceChildren();
    const plots = [];
    const measures = designs[0].charts.measures;
    measures.forEach((measure, index) => {
      const box = document.createElement("figure");
      box.className = "chart";
      box.dataset.measure = measure.name;
      box.dataset.medianFinal = designs.map((d) => {
        const m = d.charts.measures[index].p50;
        return m[m.length - 1].toFixed(4);
      }).join(",");
      const title = document.createElement("figcaption");
      title.textContent = measure.label;
      title.title = measure.explanation;
      title.tabIndex = 0;
      box.append(title);
      container.append(box);
      const { data, series, bands } = fanData(designs, index);
      const plot = new uPlot({
        width: width || Math.max(280, box.clientWidth || 480),
        height: 210,
        series,
        bands,
        legend: { show: false },
        cursor: { show: false },
        scales: { x: { time: false }, y: { range: [0, 1] } },
        axes: [
          { label: "month", size: 40, font: "13px sans-serif", labelFont: "13px sans-serif" },
          { size: 44, font: "13px sans-serif" },
        ],
        // A time-bound design's contract end (A's, else B's when only B is time-bound).
        plugins: [contractPlugin(designs.map((d) => d.charts.contract_end).find((m) => m != null))],
      }, data, box);
      plots.push({ measure, plot, box });
    });
    const key = document.createElement("p");
    key.className = "chart-key";
    key.textContent = "Line: median of the runs; dark band: middle half of runs; light band: " +
      "90% of runs." + (designs.length > 1 ? " Blue: A; orange: B." : "");
    container.append(key);
    return plots;
  }

  // One chart as a PNG: its title above the plot.
  function chartPng(entry) {
    const source = entry.plot.ctx.canvas;
    const canvas = document.createElement("canvas");
    const titleHeight = 30 * devicePixelRatio;
    canvas.width = source.width;
    canvas.height = source.height + titleHeight;
    const ctx = canvas.getContext("2d");
    ctx.fillStyle = "#fff";
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.fillStyle = "#111";
    ctx.font = `${16 * devicePixelRatio}px sans-serif`;
    ctx.fillText(entry.measure.label, 8 * devicePixelRatio, 20 * devicePixelRatio);
    ctx.drawImage(source, 0, titleHeight);
    return canvas.toDataURL("image/png");
  }

  function sentencesList(container, comparison) {
    container.replaceChildren();
    for (const s of comparison.sentences) {
      const item = document.createElement("li");
      item.textContent = s.text;
      item.dataset.measure = s.measure;
      container.append(item);
    }
    const note = document.createElement("li");
    note.className = "interval-kind";
    note.textContent = `${comparison.replicates} paired runs; ${comparison.interval_kind}.`;
    container.append(note);
  }

  // "The model: B. Partners' trust ... (95% interval ...)." beside the room's votes.
  function modelAnswer(vote) {
    const answer = document.createElement("p");
    answer.className = "model-answer";
    answer.textContent = `The model: ${vote.model_answer.option}. ${vote.model_answer.text}`;
    return answer;
  }

  return { call, modelAnswer, drawFans, chartPng, riskSentence, sentencesList, colours, percent };
})();
