#!/usr/bin/python3
"""docs/claims.md, generated from the claims ledger (docs/claims.toml) and the measured
results of the ledger's paired tests (kept in docs/claims_measured.csv, and the share of sampled
models in which each claim holds in docs/claims_uncertainty.csv, so the page can be checked
against the ledger without running the model).

  # measure and regenerate everything (validate at the model's constants and at 20 sampled
  # models, then this script with --results)
  analysis/measure_claims_uncertainty.sh
  # regenerate the page (after a validate run: --results validate.h5)
  /usr/bin/python3 analysis/claims_ledger.py
  # check that the page matches the ledger and the stored results (CI), and, with --seeds,
  # that every quote is verbatim in its seed document
  /usr/bin/python3 analysis/claims_ledger.py --check --seeds ../shared/seeds
  # validate's report page: the claims x bases table (and the sampled models') as HTML
  /usr/bin/python3 analysis/claims_ledger.py --html claims.html
"""

import argparse
import csv
import html
import re
import sys
import tomllib
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import claims_robustness as robustness  # noqa: E402
from claims_robustness import ROBUST_SHARE  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
LEDGER = ROOT / "docs" / "claims.toml"
MEASURED = ROOT / "docs" / "claims_measured.csv"
ROBUSTNESS = ROOT / "docs" / "claims_uncertainty.csv"
PAGE = ROOT / "docs" / "claims.md"
COLUMNS = ["claim", "base", "verdict", "baseline_mean", "variant_mean", "difference", "low",
           "high", "replicates"]
SEED_FILES = {
    "itad": "itad-porticus-learning-partnerships-2025.txt",
    "dha": "dha-learning-partners.txt",
    "m2": "m2-from-evaluation-to-learning-partnerships.txt",
}
DOCUMENTS = {
    "itad": "Itad/Porticus (2025)",
    "dha": "DHA (Reeve)",
    "m2": "m2 (Lewis)",
    "brief": "model brief (literature)",
}
MARK = {"holds": "✓", "weak": "~", "fails": "✗", "reversed": "✗✗"}


def read_measured_h5(path):
    import h5py
    with h5py.File(path, "r") as f:
        t = f["claims"]
        rows = []
        n = len(t["claim"])
        for i in range(n):
            row = {c: t[c].asstr()[i] for c in ("claim", "base", "verdict")}
            for c in COLUMNS[3:]:
                row[c] = float(t[c][i])
            rows.append(row)
        return rows


def robustness_section(claims, bases, robust):
    by_cell = {(r["claim"], r["base"]): r for r in robust}
    sets = sorted({int(r["sets"]) for r in robust})
    reps = sorted({int(r["replicates"]) for r in robust})
    below = [r for r in robust if r["share"] < ROBUST_SHARE]
    out = ["## Under uncertainty about the model's constants\n"]
    out.append(
        f"Each tested claim at each base under {', '.join(map(str, sets))} sampled sets of model "
        "constants (each hand-set constant drawn from its plausible range, triangular with its "
        "mode at the default; those the claim or the base sets are held), at "
        f"{', '.join(map(str, reps))} paired replicates per sampled model: the share of sampled "
        f"models in which the claim holds (95% interval on the predicted side), with its "
        f"{robustness.interval_label(sets[0] if sets else 0)}. Issue 11 asks for at least "
        f"{ROBUST_SHARE:.0%}: {len(robust) - len(below)} of {len(robust)} cells reach it "
        "(✗ below). Where a claim falls below, \"fails when\" names the drawn constants most "
        "strongly rank-correlated with its effect over the sampled models (Spearman ρ; named "
        "only when |ρ| > 3/√N, above chance among a hundred constants). Reproduce with "
        "`analysis/measure_claims_uncertainty.sh` (table `claims_uncertainty`; stored in "
        "`docs/claims_uncertainty.csv`).\n")
    out.append("| claim | " + " | ".join(bases) + " |")
    out.append("|---|" + "---|" * len(bases))
    for c in claims:
        if "measure" not in c:
            continue
        row = []
        for b in bases:
            r = by_cell.get((c["id"], b))
            row.append("·" if r is None else (f"{r['share']:.2f}" + (
                "" if r["share"] >= ROBUST_SHARE else " ✗")))
        out.append(f"| `{c['id']}` | " + " | ".join(row) + " |")
    out.append("")
    if below:
        out.append("### Below 80% of sampled models\n")
        out.append("Mean on the predicted side: in how many sampled models the mean effect "
                   "at least points the predicted way (holds or weak); where that is most of "
                   "them, the effect is too small for the replicates rather than turned by the "
                   "constants.\n")
        out.append("| claim | base | share [Wilson 95%] | mean on the predicted side | "
                   "fails when |")
        out.append("|---|---|---|---|---|")
        for r in below:
            out.append(f"| `{r['claim']}` | `{r['base']}` | {robustness.share_text(r)} | "
                       f"{int(r['predicted_side'])} of {int(r['sets'])} | "
                       f"{cell(r['breaks_when'] or 'no single constant')} |")
        out.append("")
    return out


def read_measured_csv(path):
    with open(path, newline="") as f:
        rows = list(csv.DictReader(f))
    for row in rows:
        for c in COLUMNS[3:]:
            row[c] = float(row[c])
    return rows


def write_measured_csv(rows, path):
    with open(path, "w", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=COLUMNS, lineterminator="\n")
        writer.writeheader()
        for row in rows:
            out = dict(row)
            for c in COLUMNS[3:-1]:
                out[c] = f"{row[c]:.6g}"
            out["replicates"] = str(int(row["replicates"]))
            writer.writerow(out)


def number(x):
    return f"{x:+.0f}" if abs(x) >= 100 else f"{x:+.3f}"


def effect(row):
    return (f"{number(row['difference'])} [{number(row['low'])}, {number(row['high'])}] "
            f"{row['verdict']}")


def cell(text):
    return text.replace("|", "\\|").replace("\n", " ")


def describe_test(claim):
    what = f"`{claim['measure']}`, months {claim['months'][0]}-{claim['months'][1]}"
    if claim["months"][0] == claim["months"][1]:
        what = f"`{claim['measure']}` at month {claim['months'][0]}"
    if "change_from" in claim:
        a, b = claim["change_from"]
        what += f" minus months {a}-{b}"
    text = (f"{' '.join(claim.get('baseline', [])) or '(base)'} → "
            f"{' '.join(claim['variant'])}: {what} should **{claim['direction']}**")
    if claim.get("condition"):
        text += (f"; interaction: the effect with {' '.join(claim['condition'])} minus the "
                 "effect without")
    return text


def render(ledger, measured, robust=None):
    claims = ledger["claim"]
    bases = list(ledger["bases"])
    by_cell = {(r["claim"], r["base"]): r for r in measured}
    tested = [c for c in claims if "measure" in c]
    counts = {v: sum(1 for r in measured if r["verdict"] == v) for v in MARK}
    replicates = sorted({int(r["replicates"]) for r in measured})
    out = []
    out.append("# The claims ledger\n")
    out.append(
        "Every claim the three seed documents make about what helps or hurts a learning "
        "partnership, with the model's mechanism for it and the paired test that checks it, or "
        "the reason it is not represented. **Generated** by `analysis/claims_ledger.py` from "
        "`docs/claims.toml` (the ledger, declared once) and `docs/claims_measured.csv` "
        "(what `partnersim validate` measured); do not edit by hand. CI checks that this page "
        "matches both, and that every quote is verbatim in its seed.\n")
    out.append(
        "**How a claim is tested.** Baseline and variant are `--set` overrides on a base "
        "scenario; both are run over the same replicates with common random numbers (replicate "
        "r of each draws the same stream), and the measure's mean over the months named is "
        "compared run for run. The verdict of the mean paired difference (variant - baseline) "
        "and its 95% t interval: **holds** when the interval lies wholly on the predicted "
        "side of zero; **weak** when only the mean does; **fails** when the mean is zero or on "
        "the other side; **reversed** when the interval lies wholly on the other side. An "
        "interaction claim compares the effect with a condition to the effect without it.\n")
    if measured:
        out.append("Reproduce (a few minutes on 2 cores; CI checks that the stored table is what "
                   "this run gives: tests/validation/claims_ledger_test.cpp):\n")
        out.append("```sh\n./build/sim/partnersim validate --replicates "
                   f"{', '.join(map(str, replicates))} -o validate.h5 --force\n"
                   "/usr/bin/python3 analysis/claims_ledger.py --results validate.h5\n```\n")
    else:
        out.append("**Not yet measured.** The runner that evaluates every claim at every base "
                   "(`partnersim validate`, issue 11) is not on main yet, so no claim below has a "
                   "measured effect in this version of the model; each row gives the predicted "
                   "direction and the paired test that will check it. The 13 patterns of "
                   "`docs/validation.md` (rows P1-P12) are measured there, by "
                   "`tests/validation/patterns_test.cpp`.\n")
    out.append(
        f"**{len(claims)} claims**: {len(tested)} tested, {len(claims) - len(tested)} not "
        f"represented. Bases: {', '.join('`' + b + '`' for b in bases)} "
        f"(`docs/claims.toml` [bases]). Replicates per design: "
        f"{', '.join(map(str, replicates)) or 'n/a'}. Of {len(measured)} claim x base cells: "
        + ", ".join(f"{counts[v]} {v}" for v in MARK) + ".\n")

    if measured:
        out.append("## Verdicts per base\n")
        out.append("| base | holds | weak | fails | reversed | cells |")
        out.append("|---|---|---|---|---|---|")
        for b in bases:
            cells = [r for r in measured if r["base"] == b]
            out.append(f"| `{b}` | " + " | ".join(
                str(sum(1 for r in cells if r["verdict"] == v)) for v in MARK)
                + f" | {len(cells)} |")
        known = [c for c in tested if c.get("expected") == "fails"]
        out.append("")
        out.append(f"{len(tested) - len(known)} tested claims are expected to hold at every base "
                   f"they name, and do (CI); {len(known)} are known to fail somewhere, each with "
                   "what is at fault (\"Known to fail\" below).\n")

    topics = []
    for c in claims:
        if c["topic"] not in topics:
            topics.append(c["topic"])
    out.append("## The ledger\n")
    out.append("Measured: the effect at the default base (mean [95% CI] verdict), and at how "
               "many bases the claim holds. Every base is in the matrix below."
               + (" Sampled models: the share of sampled sets of model constants in which the "
                  "claim holds [95% Wilson interval over the models], at the default, at how "
                  "many bases it reaches 80%, and, where it does not, what goes with its "
                  "failing (\"Under uncertainty\" below)." if robust else "") + "\n")
    for topic in topics:
        out.append(f"### {topic[0].upper() + topic[1:]}\n")
        out.append("| id | claim (document, section) | parameters and mechanism | test "
                   "| measured |" + (" sampled models |" if robust else ""))
        out.append("|---|---|---|---|---|" + ("---|" if robust else ""))
        for c in (c for c in claims if c["topic"] == topic):
            source = f"\"{c['quote']}\" ({DOCUMENTS[c['document']]}, {c['section']})"
            params = ", ".join(f"`{p}`" for p in c.get("parameters", [])) or "—"
            if "measure" in c:
                mechanism = f"{params}: {c.get('mechanism', '')}"
                test = describe_test(c)
                if c.get("expected") == "fails":
                    test += f". **Known to fail**: {c.get('when', '')}"
                elif c.get("when"):
                    test += f" ({c['when']})"
                cells = [by_cell[(c["id"], b)] for b in bases if (c["id"], b) in by_cell]
                holding = sum(1 for r in cells if r["verdict"] == "holds")
                first = by_cell.get((c["id"], "default"))
                measured_text = (effect(first) + "; " if first else "") + (
                    f"holds at {holding} of {len(cells)} bases" if cells else "not yet run")
            else:
                mechanism = params
                test = "**not represented**: " + c["not_represented"]
                measured_text = "—"
            columns = [f"`{c['id']}`", source, mechanism, test, measured_text]
            if robust:
                columns.append(robustness.summary(c["id"], robust) if "measure" in c else "—")
            out.append("| " + " | ".join(cell(x) for x in columns) + " |")
        out.append("")

    out.append("## Claims x bases\n")
    out.append("Mean paired difference and verdict (✓ holds, ~ weak, ✗ fails, ✗✗ reversed); "
               "· where the ledger does not claim it at that base.\n")
    out.append("| claim | " + " | ".join(bases) + " |")
    out.append("|---|" + "---|" * len(bases))
    for c in tested:
        row = []
        for b in bases:
            r = by_cell.get((c["id"], b))
            row.append("·" if r is None else f"{number(r['difference'])} {MARK[r['verdict']]}")
        out.append(f"| `{c['id']}` | " + " | ".join(row) + " |")
    out.append("")
    if robust:
        out += robustness_section(claims, bases, robust)
    return "\n".join(out)


HTML_COLOURS = {"holds": "#d4edda", "weak": "#fff3cd", "fails": "#e2e3e5", "reversed": "#f8d7da"}


def header(name):
    """A base's name as a column header that may break after its underscores."""
    return html.escape(name).replace("_", "_<wbr>")


def html_page(ledger, measured, robust=None):
    """The claims x bases table as one self-contained HTML page (validate's report page)."""
    esc = html.escape
    bases = list(ledger["bases"])
    by_cell = {(r["claim"], r["base"]): r for r in measured}
    robust_cell = {(r["claim"], r["base"]): r for r in (robust or [])}
    reps = sorted({int(r["replicates"]) for r in measured})
    # Wide tables scroll inside their box (the page itself never scrolls sideways, so the
    # text stays readable on a phone), cells never wrap, the claim column stays in view while
    # scrolling, and base names may break at their underscores.
    out = ["<!DOCTYPE html>", "<html lang='en'><head><meta charset='utf-8'>",
           "<meta name='viewport' content='width=device-width, initial-scale=1'>",
           "<title>partnersim: the claims of the seeds, tested</title><style>",
           "body{font-family:system-ui,sans-serif;margin:1em;color:#1d1d1d;max-width:80em}",
           "div.scroll{overflow-x:auto;max-width:100%;margin-bottom:1em}",
           "table{border-collapse:collapse;font-size:0.8em}",
           "td,th{border:1px solid #ccc;padding:0.15em 0.4em;text-align:right;"
           "white-space:nowrap}",
           "th{vertical-align:bottom;white-space:normal}",
           "td.id{text-align:left;font-family:monospace;position:sticky;left:0;"
           "background:#fff}",
           "td.why{text-align:left;white-space:normal;min-width:18em}",
           "td.short{background:#fde0c5}</style></head><body>",
           "<h1>The claims of the seeds, tested</h1>",
           f"<p>Each tested claim of the ledger at each base scenario: variant minus baseline "
           f"over {', '.join(map(str, reps))} paired replicates (common random numbers), the "
           "mean difference, and its verdict: <b>holds</b> when the 95% interval lies on the "
           "predicted side of zero, <b>weak</b> when only the mean does, <b>fails</b>, "
           "<b>reversed</b> when the interval lies on the other side. Hover a cell for its "
           "interval. These are properties of the model, not evidence about real "
           "partnerships.</p>", "<div class='scroll'><table><tr><th>base</th>"]
    out += [f"<th>{v}</th>" for v in MARK] + ["</tr>"]
    for b in bases:
        cells = [r for r in measured if r["base"] == b]
        out.append(f"<tr><td class='id'>{esc(b)}</td>" + "".join(
            f"<td>{sum(1 for r in cells if r['verdict'] == v)}</td>" for v in MARK) + "</tr>")
    out.append("</table></div><h2>Claims x bases</h2><div class='scroll'><table><tr>"
               "<th>claim</th>")
    out += [f"<th>{header(b)}</th>" for b in bases] + ["</tr>"]
    for c in ledger["claim"]:
        if "measure" not in c:
            continue
        row = [f"<tr><td class='id' title='{esc(c['quote'])}'>{esc(c['id'])}</td>"]
        for b in bases:
            r = by_cell.get((c["id"], b))
            if r is None:
                row.append("<td>·</td>")
                continue
            share = robust_cell.get((c["id"], b))
            extra = f"; holds in {share['share']:.0%} of sampled models" if share else ""
            tip = f"{effect(r)}{extra}"
            row.append(f"<td style='background:{HTML_COLOURS[r['verdict']]}' "
                       f"title='{esc(tip)}'>{number(r['difference'])} {MARK[r['verdict']]}</td>")
        out.append("".join(row) + "</tr>")
    out.append("</table></div>")
    if robust:
        out += html_robustness(ledger, robust)
    out.append("</body></html>")
    return "\n".join(out)


def html_robustness(ledger, robust):
    """validate --uncertainty's part of the page: per claim x base the share of sampled models
    in which the claim holds, with its Wilson interval, and what goes with failing."""
    esc = html.escape
    bases = list(ledger["bases"])
    by_cell = {(r["claim"], r["base"]): r for r in robust}
    sets = sorted({int(r["sets"]) for r in robust})
    below = [r for r in robust if r["share"] < ROBUST_SHARE]
    out = ["<h2>Under sampled model constants</h2>",
           f"<p>The share of {', '.join(map(str, sets))} sampled sets of model constants in "
           "which each claim holds (95% interval on the predicted side), "
           f"{len(robust) - len(below)} of {len(robust)} cells at {ROBUST_SHARE:.0%} or more "
           "(shaded cells fall short). Intervals: "
           f"{esc(robustness.interval_label(sets[0] if sets else 0))}.</p>",
           "<div class='scroll'><table><tr><th>claim</th>"]
    out += [f"<th>{header(b)}</th>" for b in bases] + ["</tr>"]
    for c in ledger["claim"]:
        if "measure" not in c:
            continue
        row = [f"<tr><td class='id'>{esc(c['id'])}</td>"]
        for b in bases:
            r = by_cell.get((c["id"], b))
            if r is None:
                row.append("<td>·</td>")
                continue
            short = r["share"] < ROBUST_SHARE
            style = " class='short'" if short else ""
            tip = robustness.share_text(r) + (
                f"; fails when {r['breaks_when'] or 'no single constant'}" if short else "")
            row.append(f"<td{style} title='{esc(tip)}'>{r['share']:.2f}</td>")
        out.append("".join(row) + "</tr>")
    out.append("</table></div>")
    if below:
        out.append("<h3>Below 80% of sampled models</h3><div class='scroll'><table><tr>"
                   "<th>claim</th><th>base</th>"
                   "<th>share [Wilson 95%]</th><th>mean on the predicted side</th>"
                   "<th>fails when</th></tr>")
        for r in below:
            why = (r["breaks_when"] or "no single constant").replace("`", "")
            out.append(f"<tr><td class='id'>{esc(r['claim'])}</td><td class='id'>"
                       f"{esc(r['base'])}</td><td>{esc(robustness.share_text(r))}</td>"
                       f"<td>{int(r['predicted_side'])} of {int(r['sets'])}</td>"
                       f"<td class='why'>{esc(why)}</td></tr>")
        out.append("</table></div>")
    return out


def normalise(text):
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)  # markdown links: their text
    text = text.replace("**", "").replace("’", "'").replace("‘", "'")
    text = text.replace("“", '"').replace("”", '"')
    return re.sub(r"\s+", " ", text).strip()


def check_quotes(ledger, seeds):
    problems = []
    texts = {k: normalise((seeds / f).read_text()) for k, f in SEED_FILES.items()}
    brief = seeds.parent / "design" / "model-brief.md"
    if brief.exists():
        texts["brief"] = normalise(brief.read_text())
    for c in ledger["claim"]:
        text = texts.get(c["document"])
        if text is None:
            continue
        if normalise(c["quote"]) not in text:
            problems.append(f"claim {c['id']}: quote not found verbatim in {c['document']}: "
                            f"{c['quote'][:80]}")
    return problems


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--ledger", type=Path, default=LEDGER)
    parser.add_argument("--results", type=Path, help="a `partnersim validate -o` file")
    parser.add_argument("--measured", type=Path, default=MEASURED)
    parser.add_argument("--robustness", type=Path, default=ROBUSTNESS)
    parser.add_argument("--page", type=Path, default=PAGE)
    parser.add_argument("--check", action="store_true", help="compare instead of writing")
    parser.add_argument("--html", type=Path,
                        help="also write the claims x bases table as a self-contained HTML page")
    parser.add_argument("--seeds", type=Path, help="also check quotes against the seeds here")
    parser.add_argument("--seeds-if-present", type=Path,
                        help="as --seeds, if that folder exists (CI on a clone without them)")
    args = parser.parse_args()
    ledger = tomllib.loads(args.ledger.read_text())
    problems = []
    if args.seeds_if_present and args.seeds_if_present.is_dir():
        args.seeds = args.seeds_if_present
    if args.seeds:
        problems += check_quotes(ledger, args.seeds)
    if args.results:
        measured = read_measured_h5(args.results)
        write_measured_csv(measured, args.measured)
        robust = robustness.read_h5(args.results, ledger, args.ledger.resolve().parent)
        if robust is not None:
            robustness.write_csv(robust, args.robustness)
    measured = read_measured_csv(args.measured) if args.measured.exists() else []
    robust = robustness.read_csv(args.robustness) if args.robustness.exists() else []
    ids = {c["id"] for c in ledger["claim"]}
    stale = sorted({r["claim"] for r in measured} - ids)
    if stale:
        problems.append(f"measured results for claims no longer in the ledger: {stale}")
    stale = sorted({r["claim"] for r in robust} - ids)
    if stale:
        problems.append(f"robustness results for claims no longer in the ledger: {stale}")
    page = render(ledger, measured, robust)
    if args.html:
        args.html.write_text(html_page(ledger, measured, robust), encoding="utf-8")
    if args.check:
        if not args.page.exists() or args.page.read_text() != page:
            problems.append(f"{args.page} is out of date: run analysis/claims_ledger.py")
    else:
        args.page.write_text(page)
    for p in problems:
        print("error:", p, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
