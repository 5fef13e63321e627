#!/usr/bin/python3
"""A self-contained HTML report of a partnersim results file and its analyses.

Draws every picture the files allow (plots.py) into OUTDIR and writes OUTDIR/index.html: one
page with no external resources (figures embedded as PNG data; the PNG files stay beside
it), for a strategy team or a workshop to open in any browser. It says what was run, gives
the key findings in plain words (generated from the analysis tables: only clear results, the
largest few per key measure), shows each figure with a sentence on how to read it, and ends
with every table in full, folded away.

    /usr/bin/python3 analysis/figures/report.py results.h5 -o report/
    /usr/bin/python3 analysis/figures/report.py default.h5 -o report/ --comparison cmp.h5

`partnersim report` calls it after making sure the analysis file (RESULTS.analysis.h5)
exists. Uses Debian's python3-h5py, python3-numpy and python3-matplotlib.
"""
import argparse
import base64
import html
import math
import os
import re
import sys

import h5py
import matplotlib.pyplot as plt

import comparison
import decision
import findings
from helpers import (COMMAND_LINE, CREATED_UTC, DESIGN_POINTS, MONTHS_ATTRIBUTE,
                     PARTNERSIM_VERSION, REPLICATES_PER_POINT, RUNS_ATTRIBUTE, SWEEP, Measures,
                     STYLE, analysis_path_for, attribute, interval_kind, key_value, read_tables,
                     results_identity, run_count, short_interval_kind)
from helpers import compared as compared_names
from pictures import make_pictures

MAX_TABLE_ROWS = 500  # rows shown per table; the file holds them all
TABLE_ORDER = ["main_effects", "main_effect_levels", "interaction", "interaction_cells",
               "sobol_indices", "morris", "prim_boxes", "prim_limits", "prim_trajectory",
               "prim_success", "comparison", "comparison_over_time"]

CSS = """
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif;
       max-width: 1100px; margin: 0 auto; padding: 1.5em 1.2em 4em; color: #1d1d1d;
       line-height: 1.5; font-size: 17px; }
h1 { font-size: 1.8em; margin-bottom: 0.2em; }
h2 { margin-top: 2.2em; border-bottom: 2px solid #0072B2; padding-bottom: 0.2em; }
h3 { margin-top: 1.4em; }
.caveat { background: #fff4e5; border-left: 6px solid #D55E00; padding: 0.8em 1em;
          margin: 1.2em 0; }
.explain { color: #444; font-size: 0.95em; }
table.facts td, table.facts th { text-align: left; vertical-align: top; padding: 0.25em 0.8em
          0.25em 0; }
table.facts th { white-space: nowrap; color: #444; font-weight: 600; }
pre { background: #f5f5f5; padding: 0.7em; overflow-x: auto; font-size: 0.85em;
      white-space: pre-wrap; overflow-wrap: anywhere; }
table.facts { width: 100%; table-layout: fixed; }
table.facts th { width: 12em; }
table.facts td { overflow-wrap: anywhere; }
table.decide { border-collapse: collapse; font-size: 0.82em; margin: 0.6em 0; width: 100%; }
table.decide th, table.decide td { border-bottom: 1px solid #ccc; padding: 0.2em 0.4em;
  text-align: left; vertical-align: top; }
table.decide thead th { background: #eef4fa; }
table.decide tbody th { font-weight: normal; min-width: 12em; }
table.decide td.n { text-align: right; font-variant-numeric: tabular-nums; }
table.decide .units { font-weight: normal; color: #555; }
.wide { overflow-x: auto; }
ul.differences li, ul.cannot li { margin: 0.35em 0; }
ul.findings li { margin: 0.45em 0; }
figure { margin: 2em 0; }
figure img { max-width: 100%; height: auto; border: 1px solid #ddd; }
figcaption { margin-top: 0.4em; }
figcaption a { font-size: 0.85em; color: #555; }
nav ol { columns: 2; }
details { margin: 0.6em 0; }
summary { cursor: pointer; font-weight: 600; }
table.data { border-collapse: collapse; font-size: 0.8em; margin: 0.5em 0; }
table.data th, table.data td { border: 1px solid #ccc; padding: 0.15em 0.45em; }
table.data th { background: #eef4fa; position: sticky; top: 0; }
table.data td.n { text-align: right; font-variant-numeric: tabular-nums; }
.scroll { max-height: 32em; overflow: auto; }
/* Last, so that they override the rules above for a phone and for print. */
@media (max-width: 600px) {
  body { font-size: 16px; padding: 1em 0.7em 3em; }
  nav ol { columns: 1; }
  table.facts, table.facts tbody, table.facts tr, table.facts th, table.facts td {
    display: block; width: auto; }
  table.facts th { padding-top: 0.6em; }
  /* The decision table reflows: a block per design, each number beside its heading. */
  table.decide thead { display: none; }
  table.decide, table.decide tbody, table.decide tr, table.decide th, table.decide td {
    display: block; width: auto; }
  table.decide tr { border-top: 2px solid #0072B2; padding: 0.3em 0; }
  table.decide tbody th { font-weight: 600; min-width: 0; border-bottom: none; }
  table.decide td { display: flex; justify-content: space-between; gap: 1em; border: none;
    padding: 0.1em 0.4em; }
  table.decide td::before { content: attr(data-label); text-align: left; color: #444; }
  table.decide td.n { text-align: right; }
}
@media print {
  @page { size: A4; margin: 11mm 11mm; }
  nav, details { display: none; }
  body { max-width: none; font-size: 10pt; padding: 0; line-height: 1.3; }
  h1 { font-size: 15pt; margin: 0 0 0.2em; }
  .caveat { padding: 0.3em 0.6em; margin: 0.4em 0; font-size: 9pt; }
  .decision { break-after: page; }
  .decision h2 { margin: 0.3em 0 0.2em; font-size: 13pt; }
  .decision h3 { margin: 0.5em 0 0.1em; font-size: 10.5pt; }
  .decision ul { margin: 0.2em 0; }
  table.decide { margin: 0.3em 0; }
  table.decide th, table.decide td { padding: 0.1em 0.3em; }
  .decision { font-size: 9pt; }
  .decision ul { padding-left: 1.2em; }
  .decision ul li { margin: 0.1em 0; }
  .decision p { margin: 0.3em 0; }
  table.decide { font-size: 7.5pt; }
  figure { break-inside: avoid; }
}
"""

SECTIONS = [
    ("fan", "How the measures develop over time"),
    ("forest", "What each set-up choice does"),
    ("interaction", "Where choices work together"),
    ("sobol", "What drives the variation between runs"),
    ("morris", "Which parameters matter most (screening)"),
    ("prim", "Where success is likely (scenario discovery)"),
    ("comparison", "Variant against baseline"),
]


def table_rank(name):
    """Tables in the order of the report's sections, unknown ones last."""
    return (TABLE_ORDER.index(name) if name in TABLE_ORDER else len(TABLE_ORDER), name)


def esc(text):
    return html.escape(str(text), quote=True)


def scenario_file(command_line):
    """The scenario file a command line ran (its first argument ending in .toml), or ''."""
    return next((t for t in str(command_line).split() if t.endswith(".toml")), "")


def run_facts(results, tables):
    """(label, value, preformatted) rows for 'What was run'."""
    command = attribute(results, COMMAND_LINE)
    runs = attribute(results, RUNS_ATTRIBUTE, run_count(results) or "")
    facts = [
        ("Scenario file", scenario_file(command) or "(not recorded)", False),
        ("Command", command or "(not recorded)", True),
        ("Design", attribute(results, SWEEP) or "a single scenario, no sweep", True),
        ("Design points", attribute(results, DESIGN_POINTS, 1), False),
        ("Replicates per point", attribute(results, REPLICATES_PER_POINT, ""), False),
        ("Runs", runs, False),
        ("Months simulated", attribute(results, MONTHS_ATTRIBUTE, ""), False),
        ("Run on (UTC)", attribute(results, CREATED_UTC, ""), False),
        ("partnersim version", attribute(results, PARTNERSIM_VERSION, ""), False),
    ]
    month = findings.analysed_month(tables)
    if month:
        facts.append(("Analyses read month", month, False))
    return [(label, value, pre) for label, value, pre in facts if str(value) != ""]


def cell(value):
    """A table cell: numbers to four significant digits (whole numbers as such)."""
    if isinstance(value, float):
        if not math.isfinite(value):
            return '<td class="n">n/a</td>'
        text = f"{value:,.0f}" if value.is_integer() and abs(value) < 1e15 else f"{value:.4g}"
        return f'<td class="n">{esc(text)}</td>'
    return f"<td>{esc(value)}</td>"


def interval_kind_of(results_path):
    with h5py.File(results_path, "r") as results:
        return interval_kind(results)


def comparison_facts(compared):
    """'What was run' for a compare output file: both designs in words and the seed."""
    table = compared.get("comparison")
    names = compared_names(table)
    facts = []
    if names:
        facts += [("Baseline", names[0], False), ("Variant", names[1], False)]
    seed = key_value(table.key if table else "", "seed")
    if seed:
        facts.append(("Seed", seed, False))
    return facts


def comparison_interval_kind(compared):
    """The interval kind a compare file's tables name at the end of their description."""
    table = compared.get("comparison")
    found = re.search(r"\(([^()]*interval[^()]*)\)\s*$", table.description if table else "")
    return found.group(1) if found else "Monte Carlo interval"


def labelled(sentence, kind):
    """A finding's '95% interval' named as the kind it is, next to the numbers."""
    return sentence.replace("95% interval", "95% " + short_interval_kind(kind))


def table_html(name, table, source, kind):
    rows = table.rows()
    shown = rows[:MAX_TABLE_ROWS]
    head = "".join(f"<th>{esc(c)}</th>" for c in table.columns)
    body = "\n".join("<tr>" + "".join(cell(r[c]) for c in table.columns) + "</tr>"
                     for r in shown)
    more = (f"<p class='explain'>The first {len(shown)} of {len(rows)} rows; all are in "
            f"{esc(source)}, table /{esc(name)}.</p>" if len(rows) > len(shown) else "")
    return (f"<details class='data'><summary><code>{esc(name)}</code>: {esc(table.description)} "
            f"({len(rows)} rows)</summary>\n<p class='explain'>Intervals: {esc(kind)}. "
            f"Computed from: <code>{esc(table.key)}</code></p>{more}\n"
            f"<div class='scroll'><table class='data'><thead><tr>{head}</tr></thead>\n"
            f"<tbody>\n{body}\n</tbody></table></div></details>")


def figure_html(picture):
    with open(picture.path, "rb") as handle:
        data = base64.b64encode(handle.read()).decode("ascii")
    name = os.path.basename(picture.path)
    return (f"<figure><img src=\"data:image/png;base64,{data}\" alt=\"{esc(picture.title)}\" "
            f"data-file=\"{esc(name)}\">"
            f"<figcaption><strong>{esc(picture.title)}.</strong> {esc(picture.caption)} "
            f"<a href=\"{esc(name)}\">{esc(name)}</a></figcaption></figure>")


def decision_summary(results_path, compared, measures, kind):
    """The decision summary's section: of the results' design points, or of the comparison
    when the results are one design or absent."""
    if results_path:
        with h5py.File(results_path, "r") as results:
            summary = decision.from_results(results)
            note = decision.ended_note(results) if summary else ""
        if summary and (len(summary.designs) > 1 or "comparison" not in compared):
            return decision.summary_html(summary, measures, note)
    summary = decision.from_comparison(compared, compared_names(compared.get("comparison")), kind)
    return decision.summary_html(summary, measures) if summary else ""


def first_page(title, summary):
    """The title, the caveat and the decision summary: the report's first printed page, and
    summary.html on its own."""
    return (f"<h1>partnersim report: {esc(title)}</h1>\n"
            "<div class='caveat'><strong>These are model results, not evidence about real "
            "partnerships.</strong> partnersim's constants and functional forms are "
            "assumptions set by hand, and its units are model units. Use the report to "
            "compare set-ups with each other and to question how they might work; do not "
            "read the numbers as forecasts or as an evaluation of any real partnership.</div>\n"
            + summary)


def page_head(title):
    return (f"<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
            f"<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
            f"<title>partnersim report: {esc(title)}</title><style>{CSS}</style></head><body>")


def page_title(results_path, compared, comparison_path):
    if results_path:
        with h5py.File(results_path, "r") as results:
            command = attribute(results, COMMAND_LINE)
        return os.path.basename(scenario_file(command)) or os.path.basename(results_path)
    names = compared_names(compared.get("comparison"))
    return f"{names[1]} against {names[0]}" if names else os.path.basename(comparison_path)


def build_html(results_path, pictures, tables, compared, comparison_path, analysis_path,
               measures, chosen=None, summary=""):
    """The report page as a string; with no results file (`compare` output alone), about the
    comparison."""
    if results_path:
        with h5py.File(results_path, "r") as results:
            facts = run_facts(results, tables)
            scenario_text = attribute(results, "scenario")
    else:
        facts, scenario_text = comparison_facts(compared), ""
    title = page_title(results_path, compared, comparison_path)
    parts = [page_head(title), first_page(title, summary)]
    present = [key for key, _ in SECTIONS if any(p.kind == key for p in pictures)]
    toc = (["<li><a href='#decision'>Decision summary</a></li>"] if summary else [])
    toc += ["<li><a href='#run'>What was run</a></li>",
            "<li><a href='#findings'>Key findings in plain words</a></li>"]
    toc += [f"<li><a href='#{key}'>{esc(heading)}</a></li>" for key, heading in SECTIONS
            if key in present]
    toc.append("<li><a href='#tables'>All tables</a></li>")
    parts.append("<nav><ol>" + "".join(toc) + "</ol></nav>")

    parts.append("<h2 id='run'>What was run</h2><table class='facts'>")
    for label, value, pre in facts:
        shown = f"<pre>{esc(value)}</pre>" if pre else esc(value)
        parts.append(f"<tr><th>{esc(label)}</th><td>{shown}</td></tr>")
    if results_path:
        parts.append(f"<tr><th>Results file</th><td>{esc(results_path)}</td></tr>")
    if tables:
        parts.append(f"<tr><th>Analysis file</th><td>{esc(analysis_path)}</td></tr>")
    if comparison_path:
        parts.append(f"<tr><th>Comparison file</th><td>{esc(comparison_path)}</td></tr>")
    parts.append("</table>")
    if scenario_text:
        parts.append("<details><summary>The full scenario, every setting</summary>"
                     f"<pre>{esc(scenario_text)}</pre></details>")

    parts.append("<h2 id='findings'>Key findings in plain words</h2>")
    parts.append("<p class='explain'>Generated from the analysis tables: only results the "
                 "model shows clearly (the 95% interval excludes zero) and that are not "
                 "negligible (at least a fifth of the usual difference between two runs), the "
                 "largest few per key measure; the tables at the end hold everything. Effects "
                 "are in the measure's own units; small, moderate and large compare an effect "
                 "with the usual spread of the measure between runs. A <em>95% interval</em> is "
                 "the range the model's estimate is likely to lie in; numbers are rounded to "
                 "what their interval supports.</p>")
    kind = interval_kind_of(results_path) if results_path else comparison_interval_kind(compared)
    parts.append(f"<p class='explain'><strong>Which interval.</strong> Every interval on this "
                 f"page is a {esc(kind)}.</p>")
    sections = [(heading, [labelled(s, kind) for s in sentences])
                for heading, sentences in findings.all_findings(tables, compared, measures, chosen)]
    if not sections:
        parts.append("<p>No analysis tables with clear results were found"
                     + (f" in {esc(analysis_path)}" if analysis_path else "") + ".</p>")
    for heading, sentences in sections:
        parts.append(f"<h3>{esc(heading)}</h3><ul class='findings'>"
                     + "".join(f"<li>{esc(s)}</li>" for s in sentences) + "</ul>")

    for key, heading in SECTIONS:
        chosen_pictures = [p for p in pictures if p.kind == key]
        if not chosen_pictures:
            continue
        if not any("id='figures'" in part for part in parts):
            parts.append("<div id='figures'></div>")  # where the pictures begin
        parts.append(f"<h2 id='{key}'>{esc(heading)}</h2>")
        parts.extend(figure_html(p) for p in chosen_pictures)
        folded = [p for p in pictures if key == "comparison" and p.kind == comparison.MORE]
        if folded:  # the headline outcomes first; the other measures a click away
            parts.append("<details class='more'><summary>The other measures, over time and "
                         "at the end</summary>" + "".join(figure_html(p) for p in folded)
                         + "</details>")

    parts.append("<h2 id='tables'>All tables</h2><p class='explain'>Every table the analyses "
                 "stored, in full (click to open). Numbers to four significant digits.</p>")
    for source, collection in ((analysis_path, tables), (comparison_path, compared)):
        for name in sorted(collection, key=table_rank):
            parts.append(table_html(name, collection[name], source, kind))
    parts.append("</body></html>\n")
    return "\n".join(parts)


def write_report(results_path, out_dir, comparison_path=None, analysis_path=None,
                 measures=None):
    """Draw the pictures and write out_dir/index.html; return the page's path. Without a
    results file, the page is about the comparison alone."""
    compared = read_tables(comparison_path) if comparison_path else {}
    if results_path:
        analysis_path = analysis_path or analysis_path_for(results_path)
        pictures = make_pictures(results_path, out_dir, analysis_path, comparison_path,
                                 measures)
        tables = read_tables(analysis_path, results_identity(results_path))
        with h5py.File(results_path, "r") as results:
            words = Measures(results)
    else:
        os.makedirs(out_dir, exist_ok=True)
        tables, words = {}, Measures.of_comparison(compared.get("comparison"))
        with plt.rc_context(STYLE):
            pictures = comparison.draw(compared, words, out_dir, measures)
    kind = interval_kind_of(results_path) if results_path else comparison_interval_kind(compared)
    summary = decision_summary(results_path, compared, words, kind)
    page = build_html(results_path, pictures, tables, compared, comparison_path,
                      analysis_path if tables else None, words, measures, summary)
    title = page_title(results_path, compared, comparison_path)
    write_page(os.path.join(out_dir, "summary.html"),
               page_head(title) + first_page(title, summary) + "</body></html>\n")
    return write_page(os.path.join(out_dir, "index.html"), page)


def write_page(path, page):
    """Through a partial file and a rename: a reader never sees half a page."""
    partial = path + ".partial"
    with open(partial, "w", encoding="utf-8") as handle:
        handle.write(page)
    os.replace(partial, path)
    return path


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter,
                                     epilog=__doc__.split("\n\n", 1)[1])
    parser.add_argument("results", nargs="?",
                        help="partnersim results file (HDF5); leave out to report on a "
                        "--comparison file alone")
    parser.add_argument("-o", "--output", required=True, help="folder for index.html and PNGs")
    parser.add_argument("--comparison", help="output file of `partnersim compare`")
    parser.add_argument("--analysis", help="analysis file (default: RESULTS.analysis.h5)")
    parser.add_argument("--measures", nargs="+", help="key measures (default: a handful)")
    parser.add_argument("--quiet", action="store_true",
                        help="do not print the page's path (partnersim report prints it)")
    args = parser.parse_args()
    if not args.results and not args.comparison:
        sys.exit("error: give a results file, a --comparison file, or both")
    for path in [args.results, args.analysis, args.comparison]:
        if path and not os.path.exists(path):
            sys.exit(f"error: no file {path}")
    page = write_report(args.results, args.output, args.comparison, args.analysis,
                        args.measures)
    if not args.quiet:
        print(page)


if __name__ == "__main__":
    main()
