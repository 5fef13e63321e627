"""decision.py: the report's first page, a decision summary printable on one A4 page."""
import os
import re
import shutil
import subprocess
import tempfile

import h5py
import numpy as np
import pytest

import decision
import helpers
from conftest import run, write_table
from test_report import DOTTED_KEY, sentences_of


def test_shares_in_words_a_reader_can_picture():
    assert decision.in_ten(0.78) == "about 8 in 10 runs"
    assert decision.in_ten(0.02) == "fewer than 1 in 20 runs"
    assert decision.in_ten(0.97, "paired runs") == "more than 19 in 20 paired runs"
    assert decision.in_ten(1.0, "paired runs") == "all the paired runs"
    assert decision.share_interval(0.66, 0.91) == "(between 7 and 9 in 10)"


def test_interval_labels_say_which_kind():
    assert decision.interval_words("Monte Carlo interval: ...") == (
        "95% interval, model noise only")
    assert decision.interval_words("interval over 40 plausible models and runs") == (
        "95% interval, spread across plausible models and runs")


def comparison_file(path, drawn=False):
    """A compare file with the paired shares: trust 0.65 -> 0.76, higher in 8 of 10 pairs;
    cost 100,000 more in every pair; a failure risk for both."""
    kind = "interval over 10 plausible models and runs" if drawn else "Monte Carlo interval"
    with h5py.File(path, "w") as f:
        write_table(f, "comparison", {"measure": ["trust_partner_facilitator", "cost"]},
                    {"baseline_mean": [0.65, 500000.0], "variant_mean": [0.76, 600000.0],
                     "difference": [0.11, 100000.0], "low": [0.08, 100000.0],
                     "high": [0.14, 100000.0], "standardised": [1.2, float("nan")],
                     "variant_higher": [0.8, 1.0], "variant_higher_low": [0.49, 0.72],
                     "variant_higher_high": [0.94, 1.0], "variant_lower": [0.2, 0.0],
                     "variant_lower_low": [0.06, 0.0], "variant_lower_high": [0.51, 0.28]},
                    description=f"test ({kind})",
                    key="baseline: default.toml --set-baseline setup.join_month=12; variant: "
                        "default.toml --set setup.join_month=0; seed 1")
        # The outcome as `compare` names it (analysis/outcome_risk.cpp): the summary once
        # looked up "failed" and showed n/a for both designs' risk.
        write_table(f, "comparison_risk",
                    {"outcome": ["thriving", "failed (struggling or collapsed)"]},
                    {"baseline_share": [0.7, 0.3], "baseline_low": [0.4, 0.1],
                     "baseline_high": [0.9, 0.6], "variant_share": [0.9, 0.1],
                     "variant_low": [0.6, 0.02], "variant_high": [0.98, 0.4],
                     "difference": [float("nan"), -0.2], "low": [float("nan"), -0.4],
                     "high": [float("nan"), 0.0]}, description=f"test ({kind})")
    return path


def test_a_comparison_in_plain_words_with_the_paired_share(tmp_path):
    path = comparison_file(str(tmp_path / "cmp.h5"))
    tables = helpers.read_tables(path)
    names = helpers.compared(tables["comparison"])
    summary = decision.from_comparison(tables, names, "Monte Carlo interval")
    page = decision.summary_html(summary, helpers.Measures())
    prose = sentences_of(page)
    assert ("ends about 0.11 higher with default.toml with join month 0 than with default.toml "
            "with join month 12 (from 0.65 to 0.76; 95% interval, model noise only: 0.08 to "
            "0.14); it ends higher with default.toml with join month 0 in about 8 in 10 paired "
            "runs (between 5 and 9 in 10)") in prose
    # Cost to two significant digits, with no interval printed as "100,000 to 100,000".
    assert "about 100,000 higher" in prose and "the same difference in every run" in prose
    assert "100,000 to 100,000" not in page
    # Both designs' risk of struggling or failing, and what the model cannot tell.
    assert "about 3 in 10 (1 to 6)" in page and "about 1 in 10 (0 to 4)" in page
    # and the paired difference in risk, in plain words with its interval (-0.2, -0.4 to 0.0).
    assert ("The partnership ends struggling or failing in about 3 in 10 runs with default.toml "
            "with join month 12 and about 1 in 10 runs with default.toml with join month 0: "
            "about 20 in 100 fewer with default.toml with join month 0 in paired runs (95% "
            "interval, model noise only: from 40 fewer to 0 more in 100; the model cannot tell "
            "which design is riskier).") in prose
    assert "What the model cannot tell you" in page and "not forecasts" in prose
    assert DOTTED_KEY.findall(prose) == [] and "standard deviation" not in prose.lower()
    assert "Cohen" not in page and "standardised" not in page


def test_the_summary_of_a_sweep_names_every_design_point(files):
    with h5py.File(files["results"], "r") as results:
        summary = decision.from_results(results)
        page = decision.summary_html(summary, helpers.Measures(results))
    # The test file's 8 design points differ on every measure: 8 designs, in the study's
    # words (the join month varies in the file though it is no grid factor: still named).
    assert len(summary.designs) == 8
    assert "A: duration: time-bound, budget hours 40, join month 0" in page
    prose = sentences_of(page)
    assert DOTTED_KEY.findall(prose) == [] and "standard deviation" not in prose.lower()
    # Highest against lowest per measure; the file has no seeds, so the runs are unpaired.
    assert "pairs of runs, one of each" in prose
    assert "model noise only" in prose


def test_designs_with_identical_runs_are_one_design(tmp_path):
    # Two design points whose runs are identical on every measure (an end month that an
    # open-ended partnership ignores) are one design, named for both.
    path = str(tmp_path / "same.h5")
    points = np.repeat(np.arange(3), 4)
    rng = np.random.default_rng(3)
    base = rng.normal(0.5, 0.05, 4)
    values = np.concatenate([base, base, base + 0.2])
    with h5py.File(path, "w") as f:
        f.attrs["grid_factors"] = ["setup.end_month"]
        f.attrs["range_factors"] = h5py.Empty(h5py.string_dtype("utf-8"))
        f.attrs["months"] = 6
        f["runs/run_index"] = np.arange(12, dtype=np.uint64)
        f["runs/design_point"] = points.astype(np.uint64)
        f["runs/replicate"] = np.tile(np.arange(4), 3).astype(np.uint64)
        f["runs/seed"] = np.tile(np.arange(4) + 100, 3).astype(np.uint64)
        f["design/setup.end_month"] = np.array([12.0, 24.0, 36.0])
        f.create_dataset("design/setup.duration", data=np.array(["open_ended"] * 2 + [
            "time_bound"], dtype=object), dtype=h5py.string_dtype("utf-8"))
        f["final/trust_partner_facilitator"] = values
        f["final/failed"] = np.array([0.0] * 8 + [1.0] * 4)
        summary = decision.from_results(f)
    names = [d.name for d in summary.designs]
    assert len(names) == 2, names
    assert "end month 12 or end month 24" in names[0]
    # Paired replicate for replicate (same seeds): 0.2 higher in every pair.
    d = summary.differences[0]
    assert d.paired and d.share.mean == 1.0
    assert abs(d.difference.mean - 0.2) < 1e-12
    assert summary.designs[1].risk.mean == 1.0


def pdf_pages(path):
    """Pages of a PDF written by Chromium (each page object is '/Type /Page')."""
    with open(path, "rb") as handle:
        return len(re.findall(rb"/Type\s*/Page(?![s\w])", handle.read()))


def print_to_pdf(page, pdf):
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        pytest.skip("no chromium to print with")
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run([chromium, "--headless", "--no-sandbox", "--disable-gpu",
                        "--no-first-run", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync",
                        f"--user-data-dir={profile}", "--no-pdf-header-footer",
                        f"--print-to-pdf={pdf}", "file://" + os.path.abspath(page)],
                       capture_output=True, timeout=240, check=True)
    return pdf_pages(pdf)


def test_the_first_page_prints_on_one_a4_page(files, tmp_path):
    # The report's summary.html is its first page alone (title, caveat, decision summary):
    # printed by headless Chromium it is one A4 page; the whole report is more, which shows
    # the page count can tell.
    folder = str(tmp_path / "report")
    run("report.py", files["results"], "-o", folder, "--comparison", files["comparison"],
        "--analysis", files["analysis"])
    with open(os.path.join(folder, "index.html"), encoding="utf-8") as handle:
        index = handle.read()
    with open(os.path.join(folder, "summary.html"), encoding="utf-8") as handle:
        first = handle.read()
    body = re.search(r"<body>(.*)</body>", first, flags=re.S).group(1)
    assert index.index(body) < index.index("id='run'")  # the same block opens the report
    assert print_to_pdf(os.path.join(folder, "summary.html"), str(tmp_path / "one.pdf")) == 1
    assert print_to_pdf(os.path.join(folder, "index.html"), str(tmp_path / "all.pdf")) > 1


def test_differences_are_rounded_to_what_their_interval_supports(tmp_path):
    # The comparison report once said candour "ends about 0.00 higher ... (from 0.59 to 0.59;
    # 95% interval 0.00 to 0.01)", and its table mixed 0.5852 with trust's 0.586.
    path = str(tmp_path / "cmp.h5")
    with h5py.File(path, "w") as f:
        write_table(f, "comparison", {"measure": ["candour", "capacity"]},
                    {"baseline_mean": [0.5852, 0.3381], "variant_mean": [0.5889, 0.3383],
                     "difference": [0.0037, 0.0002], "low": [0.0016, -0.004],
                     "high": [0.0058, 0.0044], "standardised": [0.3, 0.01],
                     "variant_higher": [0.7, 0.5], "variant_higher_low": [0.5, 0.3],
                     "variant_higher_high": [0.8, 0.7], "variant_lower": [0.3, 0.5],
                     "variant_lower_low": [0.2, 0.3], "variant_lower_high": [0.5, 0.7]},
                    description="test (Monte Carlo interval)",
                    key="baseline: default.toml --set-baseline setup.join_month=12; variant: "
                        "default.toml --set setup.join_month=0; seed 1")
    tables = helpers.read_tables(path)
    summary = decision.from_comparison(tables, helpers.compared(tables["comparison"]),
                                       "Monte Carlo interval")
    page = decision.summary_html(summary, helpers.Measures())
    prose = sentences_of(page)
    assert "0.00 higher" not in prose and "0.000 higher" not in prose
    assert ("ends about 0.004 higher with default.toml with join month 0 than with default.toml "
            "with join month 12 (from 0.585 to 0.589; 95% interval, model noise only: 0.002 to "
            "0.006)") in prose
    # A difference too small to show at its interval's digits is "about the same".
    assert ("ends about the same with default.toml with join month 0 and with default.toml "
            "with join month 12 (0.338 and 0.338; 95% interval, model noise only: −0.004 to "
            "0.004)") in prose
    # The table shows each measure at the digits its sentence uses.
    cells = re.findall(r"<td class='n'[^>]*>([^<]*)</td>", page)
    assert cells == ["0.585", "0.338", "0.589", "0.338"]


def contract_comparison_file(path, durations=("time_bound", "time_bound"), ends=(36, 36)):
    """A compare file of two time-bound designs whose contracts end at month 36 of a 60-month
    run: trust is 0.76 against 0.65 at month 36 but 0.30 against 0.30 at month 60 (the
    partnerships have ended); cost is 100,000 higher with the variant at 36; 2 of 10 baseline
    runs and 1 of 10 variant runs have failed by month 36."""
    measures = ["trust_partner_facilitator", "cost", "failed"]
    directions = ["higher is better", "lower is better", "lower is better"]
    with h5py.File(path, "w") as f:
        write_table(f, "comparison", {"measure": measures,
                                      "description": ["Mean trust of partners in the "
                                                      "facilitator", "Cumulative cost of "
                                                      "facilitator hours", "1 if failed"],
                                      "units": ["share 0-1", "currency", "0/1"],
                                      "direction": directions},
                    {"baseline_mean": [0.30, 800000.0, 0.5], "variant_mean": [0.30, 900000.0, 0.5],
                     "difference": [0.0, 100000.0, 0.0], "low": [-0.01, 100000.0, -0.1],
                     "high": [0.01, 100000.0, 0.1], "standardised": [0.0, float("nan"), 0.0],
                     "variant_higher": [0.5, 1.0, 0.0], "variant_higher_low": [0.2, 0.7, 0.0],
                     "variant_higher_high": [0.8, 1.0, 0.3], "variant_lower": [0.5, 0.0, 0.0],
                     "variant_lower_low": [0.2, 0.0, 0.0], "variant_lower_high": [0.8, 0.3, 0.3]},
                    description="test (Monte Carlo interval)",
                    key="baseline: default.toml --set-baseline setup.join_month=12; variant: "
                        "default.toml --set setup.join_month=0; seed 1")
        months = np.arange(1, 61, dtype=float)
        columns = {k: [] for k in ("month", "baseline_mean", "variant_mean", "difference", "low",
                                   "high", "standardised", "variant_higher",
                                   "variant_higher_low", "variant_higher_high", "variant_lower",
                                   "variant_lower_low", "variant_lower_high")}
        names = []
        at_36 = {"trust_partner_facilitator": (0.65, 0.76, 0.11, 0.08, 0.14, 0.8, 0.5, 0.95),
                 "cost": (500000.0, 600000.0, 100000.0, 100000.0, 100000.0, 1.0, 0.7, 1.0),
                 "failed": (0.2, 0.1, -0.1, -0.3, 0.1, 0.0, 0.0, 0.3)}
        for m in measures:
            for month in months:
                b, v, d, lo, hi, share, share_low, share_high = at_36[m] if month == 36 else (
                    0.3, 0.3, 0.0, -0.01, 0.01, 0.5, 0.2, 0.8)
                names.append(m)
                for column, value in zip(columns, (month, b, v, d, lo, hi, 0.0, share,
                                                   share_low, share_high, 1 - share,
                                                   1 - share_high, 1 - share_low)):
                    columns[column].append(value)
        write_table(f, "comparison_over_time", {"measure": names}, columns,
                    description="test (Monte Carlo interval)")
        write_table(f, "decision_month", {"role": ["baseline", "variant"],
                                          "duration": list(durations)},
                    {"end_month": list(ends), "decision_cycle_months": [12, 12],
                     "replicates": [10, 10]}, description="test (Monte Carlo interval)")
    return path


def test_a_comparison_is_read_when_the_contracts_end_and_said_better_or_worse(tmp_path):
    # Read at month 60 the two designs look alike (both partnerships ended at 36); the team
    # decides at month 36, and the summary says so and reads that month.
    tables = helpers.read_tables(contract_comparison_file(str(tmp_path / "cmp.h5")))
    summary = decision.from_comparison(tables, helpers.compared(tables["comparison"]),
                                       "Monte Carlo interval")
    page = decision.summary_html(summary, helpers.Measures.of_comparison(tables["comparison"]))
    prose = sentences_of(page)
    assert "Means over runs at month 36, when the contracts end" in prose
    # Trust is better higher, cost better lower: said as better, for the design that is.
    assert ("Better with default.toml with join month 0: the mean trust of partners in the "
            "facilitator ends about 0.11 higher than with default.toml with join month 12 "
            "(from 0.65 to 0.76; 95% interval, model noise only: 0.08 to 0.14); default.toml "
            "with join month 0 does better in about 8 in 10 paired runs (between 5 and 10 in "
            "10)") in prose
    assert ("Better with default.toml with join month 12: the cumulative cost of facilitator "
            "hours ends about 100,000 (currency) lower than with default.toml with join month "
            "0 (from 600,000 to 500,000; the same difference in every run); default.toml with "
            "join month 12 does better in all the paired runs") in prose
    # The risk by month 36: 2 and 1 in 10 runs, from the failed measure at that month.
    assert "about 2 in 10 runs with default.toml with join month 12" in prose
    assert "about 1 in 10 runs with default.toml with join month 0" in prose
    assert "share 0-1; higher is better" in page and "currency; lower is better" in page
    assert DOTTED_KEY.findall(prose) == [] and "standard deviation" not in prose.lower()


def test_an_open_ended_comparison_is_read_at_the_horizon(tmp_path):
    tables = helpers.read_tables(contract_comparison_file(
        str(tmp_path / "cmp.h5"), ("open_ended", "open_ended"), (60, 60)))
    summary = decision.from_comparison(tables, helpers.compared(tables["comparison"]),
                                       "Monte Carlo interval")
    assert summary.month.startswith("month 60, the end of the run")
    trust = summary.designs[0].values["trust_partner_facilitator"].mean
    assert trust == 0.30  # the final table's
