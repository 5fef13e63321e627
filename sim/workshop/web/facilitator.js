// The facilitator's page: choose a scenario, set the design in the study's words, run it,
// pin it as A and compare B run for run, follow one partnership's story, ask the room.
"use strict";

(() => {
  const $ = (id) => document.getElementById(id);
  const state = { controls: [], current: null, pinned: null, comparison: null, plots: [] };
  window.workshopState = state;  // for the browser tests and the curious

  function showError(message, field) {
    $("error").textContent = message ? (field ? `${message}` : message) : "";
    document.querySelectorAll(".control.invalid").forEach((c) => c.classList.remove("invalid"));
    if (field) {
      const control = document.querySelector(`[data-parameter="${field}"]`);
      if (control) control.classList.add("invalid");
      if (field === "replicates") $("replicates").parentElement.classList.add("invalid");
    }
  }

  function helpButton(text) {
    const button = document.createElement("button");
    button.type = "button";
    button.className = "help";
    button.textContent = "?";
    button.setAttribute("aria-label", "What is this?");
    button.dataset.help = text;
    return button;
  }

  // Hover shows the explanation as a tooltip; a tap (phones, touch screens) shows it below.
  function wireHelp(root) {
    root.querySelectorAll(".help").forEach((button) => {
      button.title = button.dataset.help;
      button.addEventListener("click", () => { $("help-text").textContent = button.dataset.help; });
    });
  }

  function input(control) {
    if (control.choices.length) {
      const select = document.createElement("select");
      for (const choice of control.choices) {
        const option = document.createElement("option");
        option.value = choice.value;
        option.textContent = choice.label;
        select.append(option);
      }
      select.value = control.value;
      return select;
    }
    const field = document.createElement("input");
    field.type = "number";
    field.min = control.min;
    field.max = control.max;
    field.step = control.kind === "integer" ? "1" : "any";
    field.value = control.value;
    return field;
  }

  function settings() {
    const result = {};
    for (const control of state.controls) {
      const element = document.querySelector(`[data-parameter="${control.parameter}"] select, ` +
                                             `[data-parameter="${control.parameter}"] input`);
      if (control.choices.length) {
        result[control.parameter] = element.value;
      } else {
        const text = element.value.trim();
        result[control.parameter] = text === "" ? text : Number(text);
      }
    }
    return result;
  }

  // Hide a control that only matters for another choice (the contract's end when open-ended).
  function applyVisibility() {
    const values = settings();
    for (const control of state.controls) {
      if (!control.shown_when) continue;
      const [key, value] = control.shown_when.split("=");
      document.querySelector(`[data-parameter="${control.parameter}"]`).hidden = values[key] !== value;
    }
  }

  function renderControls() {
    const box = $("controls");
    box.replaceChildren();
    for (const control of state.controls) {
      const label = document.createElement("label");
      label.className = "control";
      label.dataset.parameter = control.parameter;
      const question = document.createElement("span");
      question.className = "question";
      question.textContent = control.question + " ";
      question.append(helpButton(control.explanation));
      const field = input(control);
      field.addEventListener("change", applyVisibility);
      label.append(question, field);
      if (control.unit && !control.choices.length && control.unit !== "share") {
        const unit = document.createElement("span");
        unit.className = "unit";
        unit.textContent = control.unit;
        label.append(unit);
      }
      box.append(label);
    }
    wireHelp(box);
    applyVisibility();
  }

  async function loadScenario() {
    const id = $("scenario").value;
    const scenario = state.scenarios.find((s) => s.id === id);
    $("purpose").textContent = scenario.purpose;
    const answer = await Workshop.call("GET", `/api/controls?scenario=${encodeURIComponent(id)}`);
    state.controls = answer.controls;
    renderControls();
  }

  function design() {
    const body = {
      scenario: $("scenario").value,
      settings: settings(),
      replicates: Number($("replicates").value),
      seed: 1,
    };
    if (state.pinned) {
      // B is run with A's seed and runs, so replicate r of each draws the same stream.
      body.seed = state.pinned.seed;
      body.replicates = state.pinned.charts.replicates;
    }
    return body;
  }

  function draw() {
    const designs = [];
    if (state.pinned && state.current && state.current.run !== state.pinned.run) {
      designs.push({ name: "A", charts: state.pinned.charts }, { name: "B", charts: state.current.charts });
    } else if (state.current) {
      designs.push({ name: "A", charts: state.current.charts });
    }
    if (!designs.length) return;
    const width = Math.min(560, Math.max(300, ($("charts").clientWidth - 24) / 2));
    state.plots = Workshop.drawFans($("charts"), designs, width);
    const risk = state.current.charts.risk;
    $("risk").textContent = (designs.length > 1 ? "B: " : "") + Workshop.riskSentence(risk) +
      " " + risk.interval_kind + ".";
  }

  function setDownloads(run) {
    $("downloads").hidden = false;
    $("download-toml").href = `/download/scenario.toml?run=${run}`;
    $("download-h5").href = `/download/results.h5?run=${run}`;
    $("download-csv").href = `/download/runs.csv?run=${run}`;
  }

  async function run() {
    showError("");
    $("run").disabled = true;
    $("status").textContent = "Running…";
    try {
      const result = await Workshop.call("POST", "/api/run", design());
      state.current = result;
      $("status").textContent = `${result.charts.replicates} runs in ${result.seconds.toFixed(2)} s (run ${result.run}).`;
      $("pin").disabled = false;
      if (state.pinned) {
        state.comparison = await Workshop.call("POST", "/api/compare", { a: state.pinned.run, b: result.run });
        Workshop.sentencesList($("sentences"), state.comparison);
      } else {
        $("sentences").replaceChildren();
      }
      draw();
      setDownloads(result.run);
      await Story.load(result);
    } catch (error) {
      showError(error.message, error.field);
      $("status").textContent = "";
    } finally {
      $("run").disabled = false;
    }
  }

  function pin() {
    state.pinned = state.current;
    state.comparison = null;
    $("unpin").hidden = false;
    $("pin").disabled = true;
    $("run").textContent = "Run B (same seeds as A)";
    $("replicates").disabled = true;
    $("ab-status").textContent = `A is pinned (run ${state.pinned.run}). Change something, then run B.`;
  }

  function unpin() {
    state.pinned = null;
    state.comparison = null;
    $("unpin").hidden = true;
    $("pin").disabled = !state.current;
    $("run").textContent = "Run";
    $("replicates").disabled = false;
    $("ab-status").textContent = "";
    $("sentences").replaceChildren();
    draw();
  }

  function showVote(vote) {
    const box = $("vote-result");
    box.replaceChildren();
    if (!vote || !vote.question) return;
    const title = document.createElement("p");
    title.textContent = `${vote.question} ${vote.open ? "(open)" : "(closed)"} — ${vote.voters} voted`;
    box.append(title);
    const list = document.createElement("ul");
    vote.options.forEach((option, i) => {
      const item = document.createElement("li");
      item.dataset.option = option;
      item.dataset.count = vote.counts[i];
      item.textContent = `${option}: ${vote.counts[i]}`;
      list.append(item);
    });
    box.append(list);
    if (vote.model_answer) box.append(Workshop.modelAnswer(vote));
  }

  async function openVote() {
    showError("");
    try {
      const options = $("vote-options").value.split(",").map((o) => o.trim()).filter((o) => o);
      showVote(await Workshop.call("POST", "/api/vote/open", { question: $("vote-question").value, options }));
      $("vote-close").disabled = false;
    } catch (error) { showError(error.message, error.field); }
  }

  async function closeVote() {
    showError("");
    try {
      const body = { measure: "trust_partner_facilitator" };
      if (state.pinned && state.current && state.current.run !== state.pinned.run) {
        body.a = state.pinned.run;
        body.b = state.current.run;
      }
      showVote(await Workshop.call("POST", "/api/vote/close", body));
      $("vote-close").disabled = true;
    } catch (error) { showError(error.message, error.field); }
  }

  function follow() {
    const events = new EventSource("/api/events");
    for (const kind of ["vote_open", "vote_count", "vote_closed"]) {
      events.addEventListener(kind, (e) => showVote(JSON.parse(e.data)));
    }
    setInterval(async () => {
      try { $("followers").textContent = (await Workshop.call("GET", "/api/room")).followers - 1; } catch (_) { /* retried */ }
    }, 3000);
  }

  function downloadPng(event) {
    event.preventDefault();
    state.plots.forEach((entry) => {
      const link = document.createElement("a");
      link.href = Workshop.chartPng(entry);
      link.download = `workshop-${entry.measure.name}.png`;
      link.click();
    });
  }

  async function start() {
    const answer = await Workshop.call("GET", "/api/scenarios");
    state.scenarios = answer.scenarios;
    for (const s of answer.scenarios) {
      const option = document.createElement("option");
      option.value = s.id;
      option.textContent = s.name;
      $("scenario").append(option);
    }
    $("replicates").value = answer.limits.default_replicates;
    $("replicates").max = answer.limits.replicates;
    const room = await Workshop.call("GET", "/api/room");
    $("join-address").textContent = room.join;
    $("join-address").href = room.join;
    $("scenario").addEventListener("change", loadScenario);
    $("run").addEventListener("click", run);
    $("pin").addEventListener("click", pin);
    $("unpin").addEventListener("click", unpin);
    $("vote-open").addEventListener("click", openVote);
    $("vote-close").addEventListener("click", closeVote);
    $("download-png").addEventListener("click", downloadPng);
    wireHelp(document);
    Story.wire();
    follow();
    await loadScenario();
    document.body.dataset.ready = "true";
  }

  start().catch((error) => showError(error.message));
})();
