// The phone view: follows the facilitator's runs and comparisons as they are pushed (server-sent
// events), and votes when the facilitator opens a question.
"use strict";

(() => {
  const $ = (id) => document.getElementById(id);
  const participant = (() => {
    let id = localStorage.getItem("partnersim-participant");
    if (!id) {
      id = Math.random().toString(36).slice(2) + Date.now().toString(36);
      localStorage.setItem("partnersim-participant", id);
    }
    return id;
  })();
  const state = { run: null, runs: {}, comparison: null, vote: null, mine: null };
  window.phoneState = state;

  function showRun(result) {
    state.run = result;
    state.runs[result.run] = result;
    $("design-title").textContent = `The facilitator's run ${result.run}: ${result.charts.replicates} runs`;
    $("risk").textContent = Workshop.riskSentence(result.charts.risk);
    state.comparison = null;
    const designs = [{ name: "A", charts: result.charts }];
    Workshop.drawFans($("charts"), designs, Math.min(window.innerWidth - 40, 520));
    document.body.dataset.run = result.run;
    $("sentences").replaceChildren();
  }

  function showComparison(comparison) {
    state.comparison = comparison;
    Workshop.sentencesList($("sentences"), comparison);
    const a = state.runs[comparison.a];
    const b = state.runs[comparison.b];
    if (a && b) {
      $("design-title").textContent = `A (run ${a.run}) against B (run ${b.run})`;
      Workshop.drawFans($("charts"), [{ name: "A", charts: a.charts }, { name: "B", charts: b.charts }],
                        Math.min(window.innerWidth - 40, 520));
      document.body.dataset.compared = `${a.run},${b.run}`;
      $("risk").textContent = "B: " + Workshop.riskSentence(b.charts.risk);
    }
  }

  async function cast(option) {
    try {
      await Workshop.call("POST", "/api/vote", { participant, option });
      state.mine = option;
      $("vote-mine").textContent = `Your vote: ${option} (tap another to change it)`;
    } catch (error) {
      $("vote-mine").textContent = error.message;
    }
  }

  function showVote(vote) {
    state.vote = vote;
    $("vote").hidden = false;
    $("vote-question").textContent = vote.question;
    const options = $("vote-options");
    options.replaceChildren();
    for (const option of vote.options) {
      const button = document.createElement("button");
      button.type = "button";
      button.className = "vote-option";
      button.textContent = option;
      button.disabled = !vote.open;
      button.addEventListener("click", () => cast(option));
      options.append(button);
    }
    const result = $("vote-result");
    result.replaceChildren();
    const counts = document.createElement("p");
    counts.textContent = vote.options.map((o, i) => `${o}: ${vote.counts[i]}`).join(" · ") +
      ` (${vote.voters} voted)`;
    result.append(counts);
    if (vote.model_answer) result.append(Workshop.modelAnswer(vote));
    if (!vote.open) $("vote-mine").textContent = "The vote is closed.";
  }

  function connect() {
    const events = new EventSource("/api/events");
    events.onopen = () => {
      $("connection").textContent = "Connected: following the facilitator";
      document.body.dataset.connected = "true";
    };
    events.onerror = () => { $("connection").textContent = "Reconnecting…"; };
    events.addEventListener("run", (e) => showRun(JSON.parse(e.data)));
    events.addEventListener("compare", (e) => showComparison(JSON.parse(e.data)));
    for (const kind of ["vote_open", "vote_count", "vote_closed"]) {
      events.addEventListener(kind, (e) => showVote(JSON.parse(e.data)));
    }
  }

  connect();
})();
