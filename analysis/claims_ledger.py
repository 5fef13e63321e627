#!/usr/bin/python3
"""docs/claims.md, generated from the claims ledger (docs/claims.toml) and the measured
results of the ledger's paired tests (kept in docs/claims_measured.csv so the page can be checked
against the ledger without running the model; none are stored yet: the runner, `partnersim
validate`, has not landed).

  # regenerate the page (after a validate run: --results validate.h5)
  /usr/bin/python3 analysis/claims_ledger.py
  # check that the page matches the ledger and the stored results (CI), and, with --seeds,
  # that every quote is verbatim in its seed document
  /usr/bin/python3 analysis/claims_ledger.py --check --seeds ../shared/seeds
"""

import argparse
import csv
import html
import re
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LEDGER = ROOT / "docs" / "claims.toml"
MEASURED = ROOT / "docs" / "claims_measured.csv"
ROBUSTNESS = ROOT / "docs" / "claims_uncertainty.csv"
ROBUST_COLUMNS = ["claim", "base", "sets", "holding", "share", "replicates"]
ROBUST_SHARE = 0.8  # the share of sampled models a claim should hold in (issue 11)
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


def read_robustness_h5(path):
    import h5py
    with h5py.File(path, "r") as f:
        if "claims_uncertainty" not in f:
            return None
        t = f["claims_uncertainty"]
        rows = []
        for i in range(len(t["claim"])):
            row = {c: t[c].asstr()[i] for c in ("claim", "base")}
            for c in ROBUST_COLUMNS[2:]:
                row[c] = float(t[c][i])
            rows.append(row)
        return rows


def read_robustness_csv(path):
    with open(path, newline="") as f:
        rows = list(csv.DictReader(f))
    for row in rows:
        for c in ROBUST_COLUMNS[2:]:
            row[c] = float(row[c])
    return rows


def write_robustness_csv(rows, path):
    with open(path, "w", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=ROBUST_COLUMNS, lineterminator="\n")
        writer.writeheader()
        for row in rows:
            out = {c: row[c] for c in ("claim", "base")}
            out.update({c: str(int(row[c])) for c in ("sets", "holding", "replicates")})
            out["share"] = f"{row['share']:.6g}"
            writer.writerow(out)


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
        f"models in which the claim holds. Issue 11 asks for at least {ROBUST_SHARE:.0%}: "
        f"{len(robust) - len(below)} of {len(robust)} cells reach it. Reproduce with "
        "`partnersim validate --uncertainty N` (table `claims_uncertainty`; stored in "
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
               "many bases the claim holds. Every base is in the matrix below.\n")
    for topic in topics:
        out.append(f"### {topic[0].upper() + topic[1:]}\n")
        out.append("| id | claim (document, section) | parameters and mechanism | test "
                   "| measured |")
        out.append("|---|---|---|---|---|")
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
            out.append("| " + " | ".join(cell(x) for x in (
                f"`{c['id']}`", source, mechanism, test, measured_text)) + " |")
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


def html_page(ledger, measured, robust=None):
    """The claims x bases table as one self-contained HTML page (validate's report page)."""
    esc = html.escape
    bases = list(ledger["bases"])
    by_cell = {(r["claim"], r["base"]): r for r in measured}
    robust_cell = {(r["claim"], r["base"]): r for r in (robust or [])}
    reps = sorted({int(r["replicates"]) for r in measured})
    out = ["<!DOCTYPE html>", "<html lang='en'><head><meta charset='utf-8'>",
           "<title>partnersim: the claims of the seeds, tested</title><style>",
           "body{font-family:system-ui,sans-serif;margin:1.5em;color:#1d1d1d}",
           "table{border-collapse:collapse;font-size:0.8em}",
           "td,th{border:1px solid #ccc;padding:0.15em 0.4em;text-align:right}",
           "td.id{text-align:left;font-family:monospace}</style></head><body>",
           "<h1>The claims of the seeds, tested</h1>",
           f"<p>Each tested claim of the ledger at each base scenario: variant minus baseline "
           f"over {', '.join(map(str, reps))} paired replicates (common random numbers), the "
           "mean difference, and its verdict: <b>holds</b> when the 95% interval lies on the "
           "predicted side of zero, <b>weak</b> when only the mean does, <b>fails</b>, "
           "<b>reversed</b> when the interval lies on the other side. Hover a cell for its "
           "interval. These are properties of the model, not evidence about real "
           "partnerships.</p>", "<table><tr><th>base</th>"]
    out += [f"<th>{v}</th>" for v in MARK] + ["</tr>"]
    for b in bases:
        cells = [r for r in measured if r["base"] == b]
        out.append(f"<tr><td class='id'>{esc(b)}</td>" + "".join(
            f"<td>{sum(1 for r in cells if r['verdict'] == v)}</td>" for v in MARK) + "</tr>")
    out.append("</table><h2>Claims x bases</h2><table><tr><th>claim</th>")
    out += [f"<th>{esc(b)}</th>" for b in bases] + ["</tr>"]
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
    out.append("</table></body></html>")
    return "\n".join(out)


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
        robust = read_robustness_h5(args.results)
        if robust is not None:
            write_robustness_csv(robust, args.robustness)
    measured = read_measured_csv(args.measured) if args.measured.exists() else []
    robust = read_robustness_csv(args.robustness) if args.robustness.exists() else []
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
