"""The report's first page: a decision summary a strategy team can print on one A4 page
(report.py puts it first; its print styles keep it to one page).

It names the designs compared in the study's words; for each, the five key outcomes and the
cost at the month the report reads, and the risk of the partnership struggling or failing;
then the differences in plain words, each with its interval and the share of runs in which one
design ends higher than the other ("about 8 in 10 runs"), never a standardised effect size; and
what the model cannot tell. Every interval says its kind: model noise (the model's constants
fixed) or the spread across plausible models (runs made with `--uncertainty`).

For a sweep the designs are its design points (those whose runs are identical on every
measure shown, such as the end month of an open-ended partnership, are one design, as in the
fan charts); the differences compare the designs with the highest and lowest mean of each
measure. With common random numbers (the default) replicate r draws the same stream at every
design point, so the designs are compared replicate for replicate, as `compare` does: the
difference's t interval and the share of paired runs with its Wilson interval. Without them the
runs are independent: Welch's interval, and the share of pairs of runs (one of each) with a
bootstrap interval (fixed seed). For a `compare` file, the shares are the stored paired ones.
"""
import collections
import html
import math
import re

import numpy as np
from scipy import stats

from fans import design_lines, end_months
from findings import rounded
from helpers import (FINAL, KEY_MEASURES, REPLICATE, RUNS, SEED, design_parameters, interval_kind,
                     number)

COST = "cost"
FAILED = "failed"  # 1 if the partnership ended struggling or collapsed
KEY_OUTCOMES = 5
BOOTSTRAP = 400  # resamples for the interval of an unpaired share: its ends move by < 0.02
BOOTSTRAP_SEED = 14

# One design's numbers for one measure: mean and interval (low, high).
Value = collections.namedtuple("Value", "mean low high")
# A design: its name, runs, values by measure and risk of struggling or failing (a Value).
Design = collections.namedtuple("Design", "name runs values risk")
# A difference between two designs on one measure, and the share of runs in which the first
# ends higher (a Value), paired or not.
Difference = collections.namedtuple("Difference", "measure higher lower difference share paired")
# risk: the paired difference in the risk of struggling or failing (a Value, variant minus
# baseline), from a `compare` file; None where the file has none.
Summary = collections.namedtuple("Summary", "designs measures differences kind month risk",
                                 defaults=(None,))


def interval_words(kind):
    """A kind of interval as the page labels it, next to its numbers."""
    if "plausible models" in kind:
        return "95% interval, spread across plausible models and runs"
    return "95% interval, model noise only"


def in_ten(share, runs="runs"):
    """A share as a reader pictures it: 'about 8 in 10 runs', 'fewer than 1 in 20 runs'."""
    if not math.isfinite(share):
        return "n/a"
    if share <= 0:
        return f"none of the {runs}"
    if share >= 1:
        return f"all the {runs}"
    if share < 0.05:
        return f"fewer than 1 in 20 {runs}"
    if share > 0.95:
        return f"more than 19 in 20 {runs}"
    return f"about {max(1, min(9, round(share * 10)))} in 10 {runs}"


def share_interval(low, high):
    """'(between 7 and 9 in 10)' for a share's interval, to the tenth it can support."""
    ends = [round(v * 10) for v in (low, high)]
    if ends[0] == ends[1]:
        return f"(about {ends[0]} in 10 at either end of the interval)"
    return f"(between {ends[0]} and {ends[1]} in 10)"


def decimals(values):
    """Decimals that show the differences between `values` with two significant digits."""
    spread = np.ptp(values) if len(values) > 1 else 0.0
    scale = spread if spread > 0 else max(abs(v) for v in values) if len(values) else 1.0
    if not math.isfinite(scale) or scale == 0:
        return 0
    return max(0, min(4, 1 - math.floor(math.log10(scale))))


def difference_places(difference):
    """Decimals a difference's interval supports: one significant digit of its width (of the
    difference itself when every run gives the same), and, for an interval that excludes
    zero, enough that its end nearer zero does not print as 0, so a difference the interval
    calls positive never prints as 0.00: 0.004 (0.002 to 0.006), not 0.00 (0.00 to 0.01)."""
    width = difference.high - difference.low
    scale = width if width > 0 else abs(difference.mean)
    if not math.isfinite(scale) or scale == 0:
        return 0
    places = -math.floor(math.log10(scale))
    if difference.low > 0 or difference.high < 0:
        nearer_zero = min(abs(difference.low), abs(difference.high))
        places = max(places, -math.floor(math.log10(nearer_zero)))
    return max(0, min(4, places))


def measure_places(summary):
    """One rule for a measure's digits, used by the table and the sentences alike: those its
    difference's interval supports, or, without a difference, those that tell the designs'
    means apart."""
    places = {m: decimals([d.values[m].mean for d in summary.designs]) for m in summary.measures}
    for d in summary.differences:
        places[d.measure] = difference_places(d.difference)
    return places


def mean_interval(values):
    values = np.asarray(values, dtype=float)
    mean = float(np.mean(values))
    if len(values) < 2 or np.all(values == values[0]):
        return Value(mean, mean, mean)
    half = stats.t.ppf(0.975, len(values) - 1) * np.std(values, ddof=1) / math.sqrt(len(values))
    return Value(mean, mean - half, mean + half)


def wilson(successes, trials):
    if trials == 0:
        return Value(float("nan"), 0.0, 1.0)
    z = stats.norm.ppf(0.975)
    p = successes / trials
    centre = (p + z * z / (2 * trials)) / (1 + z * z / trials)
    half = z / (1 + z * z / trials) * math.sqrt(p * (1 - p) / trials + z * z / (4 * trials ** 2))
    return Value(p, max(0.0, centre - half), min(1.0, centre + half))


def welch(a, b):
    """a - b: mean difference of two independent samples with Welch's t interval."""
    a, b = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    difference = float(a.mean() - b.mean())
    va, vb = a.var(ddof=1) / len(a), b.var(ddof=1) / len(b)
    if va + vb == 0:
        return Value(difference, difference, difference)
    dof = (va + vb) ** 2 / (va ** 2 / (len(a) - 1) + vb ** 2 / (len(b) - 1))
    half = stats.t.ppf(0.975, dof) * math.sqrt(va + vb)
    return Value(difference, difference - half, difference + half)


def paired_runs(results, a_runs, b_runs):
    """(runs of a, runs of b) matched replicate for replicate where both drew the same stream
    (common random numbers), or None when they did not."""
    runs = results[RUNS]
    if REPLICATE not in runs or SEED not in runs:
        return None
    replicate, seed = runs[REPLICATE][:], runs[SEED][:]

    def by_replicate(members):
        found = {}
        for run in members:
            found.setdefault(int(replicate[run]), run)
        return found

    a, b = by_replicate(a_runs), by_replicate(b_runs)
    common = sorted(set(a) & set(b))
    if len(common) < 2 or any(seed[a[r]] != seed[b[r]] for r in common):
        return None
    return np.array([a[r] for r in common]), np.array([b[r] for r in common])


def paired_difference(a, b):
    """a - b replicate for replicate: mean difference with its t interval, and the share of
    pairs in which a ends higher with its Wilson interval."""
    differences = np.asarray(a, dtype=float) - np.asarray(b, dtype=float)
    return mean_interval(differences), wilson(int(np.sum(differences > 0)), len(differences))


def share_higher(a, b, rng):
    """The share of pairs (a run of a, a run of b) in which a's run ends higher, with a
    percentile bootstrap interval."""
    a, b = np.asarray(a, dtype=float), np.asarray(b, dtype=float)

    def share(x, y):
        return float(np.mean(x[:, None] > y[None, :]))

    draws = [share(rng.choice(a, len(a)), rng.choice(b, len(b))) for _ in range(BOOTSTRAP)]
    low, high = np.percentile(draws, [2.5, 97.5])
    return Value(share(a, b), float(low), float(high))


def shown_measures(available):
    """The five key outcomes the file has, then cost."""
    key = [m for m in KEY_MEASURES if m in available][:KEY_OUTCOMES]
    return key + ([COST] if COST in available else [])


def from_results(results, month_note=""):
    """The summary of a results file's design points at its final month, or None for a file
    without runs."""
    final = results.get(FINAL)
    measures = shown_measures(list(final)) if final is not None else []
    if not measures or not len(final[measures[0]]):
        return None
    finals = np.column_stack([final[m][:] for m in measures])
    grid, ranges = design_parameters(results)
    lines = design_lines(results, grid, ranges, finals)
    designs = []
    for line in lines:
        values = {m: mean_interval(finals[line.runs, i]) for i, m in enumerate(measures)}
        failed = final[FAILED][:][line.runs] if FAILED in final else np.zeros(0)
        risk = wilson(int(np.sum(failed > 0)), len(failed)) if len(failed) else None
        name = line.label
        if ranges:  # a sampled design: its samples are pooled, and the name says so
            name = (f"{name}: " if name != "all runs" else "") + (
                f"all {len(np.unique(results['runs/design_point'][:][line.runs]))} sampled "
                f"set-ups, pooled")
        elif name == "all runs":
            name = "the scenario as set"
        designs.append(Design(name, line.runs, values, risk))
    rng = np.random.default_rng(BOOTSTRAP_SEED)
    differences = []
    if len(designs) > 1:
        for i, measure in enumerate(measures):
            ordered = sorted(designs, key=lambda d: d.values[measure].mean)
            low, high = ordered[0], ordered[-1]
            paired = paired_runs(results, high.runs, low.runs)
            if paired:
                difference, share = paired_difference(finals[paired[0], i],
                                                      finals[paired[1], i])
            else:
                a, b = finals[high.runs, i], finals[low.runs, i]
                difference, share = welch(a, b), share_higher(a, b, rng)
            differences.append(Difference(measure, high.name, low.name, difference, share,
                                          paired is not None))
    return Summary(designs, measures, differences, interval_kind(results),
                   month_note or f"month {results.attrs.get('months', '')}")


def decision_month(tables):
    """(month, words) a `compare` file is decided at: the earlier of the two designs' contract
    ends (a time-bound partnership's end month, an open-ended one's horizon), from its
    `decision_month` table; None for a file written before the table."""
    table = tables.get("decision_month")
    if table is None or len(table) == 0:
        return None
    rows = table.rows()
    month = int(min(r["end_month"] for r in rows))
    ending = [r for r in rows if int(r["end_month"]) == month]
    if all(r["duration"] == "open_ended" for r in ending):
        return month, (f"month {month}, the end of the run (an open-ended partnership has no "
                       "contract end)")
    ends = "contracts end" if len(ending) > 1 else "contract ends"
    return month, f"month {month}, when the {ends}"


def _rows_at(tables, month):
    """The comparison's rows by measure at `month`: the final table's at the last month (with
    its paired shares), else those of `comparison_over_time` at that month."""
    final = tables.get("comparison")
    over_time = tables.get("comparison_over_time")
    last = int(np.max(over_time["month"])) if over_time is not None and len(over_time) else None
    if month is None or last is None or month >= last:
        return {r["measure"]: r for r in final.rows()}, True
    rows = {r["measure"]: r for r in over_time.where(over_time["month"] == month).rows()}
    words = {r["measure"]: r for r in final.rows()}
    for measure, row in rows.items():  # description, units and direction are the final's
        row.update({k: v for k, v in words.get(measure, {}).items() if isinstance(v, str)})
    return rows, False


def _risk_at(tables, rows, at_end, replicates):
    """(baseline's, variant's, paired difference) risk of struggling or failing, as Values: at
    the end from `comparison_risk` (Wilson and Newcombe intervals); at an earlier month from
    the `failed` measure's row then (the share of runs failed by then, Wilson intervals over
    the replicates, the paired difference's t interval)."""
    if at_end:
        failed = failure_row(tables.get("comparison_risk"))
        if not failed:
            return None, None, None
        difference = (Value(failed["difference"], failed["low"], failed["high"])
                      if math.isfinite(failed["difference"]) else None)
        return (Value(failed["baseline_share"], failed["baseline_low"], failed["baseline_high"]),
                Value(failed["variant_share"], failed["variant_low"], failed["variant_high"]),
                difference)
    row = rows.get(FAILED)
    if row is None or not replicates:
        return None, None, None

    def share(mean):
        return wilson(int(round(mean * replicates)), replicates)
    return (share(row["baseline_mean"]), share(row["variant_mean"]),
            Value(row["difference"], row["low"], row["high"]))


def from_comparison(tables, names, kind):
    """The summary of a `compare` file, baseline and variant paired, at the month the team
    decides at (decision_month), or at the last month for a file that does not say."""
    table = tables.get("comparison")
    if table is None:
        return None
    decided = decision_month(tables)
    rows, at_end = _rows_at(tables, decided[0] if decided else None)
    measures = shown_measures(list(rows))
    replicates = (int(min(tables["decision_month"]["replicates"])) if decided else 0)
    baseline_risk, variant_risk, risk = _risk_at(tables, rows, at_end, replicates)
    baseline, variant = names or ("the baseline", "the variant")

    def design(name, side, at_risk):
        values = {m: Value(rows[m][f"{side}_mean"], float("nan"), float("nan"))
                  for m in measures}
        return Design(name, None, values, at_risk)

    differences = []
    for m in measures:
        r = rows[m]
        paired = "variant_higher" in r
        if r["difference"] >= 0:
            higher, lower, sign, side = variant, baseline, 1, "higher"
        else:
            higher, lower, sign, side = baseline, variant, -1, "lower"
        share = (Value(r[f"variant_{side}"], r[f"variant_{side}_low"], r[f"variant_{side}_high"])
                 if paired else None)
        differences.append(Difference(
            m, higher, lower,
            Value(sign * r["difference"], *sorted((sign * r["low"], sign * r["high"]))),
            share, True))
    return Summary([design(baseline, "baseline", baseline_risk),
                    design(variant, "variant", variant_risk)], measures,
                   differences, kind, decided[1] if decided else "the last month", risk)


def failure_row(risk):
    """The row of a `compare` file's risk table for struggling or failing, or None. `compare`
    names it "failed (struggling or collapsed)": the word before the note is the outcome."""
    if risk is None:
        return None
    return next((r for r in risk.rows() if r["outcome"].split(" (")[0] == FAILED), None)


def in_hundred(share):
    return f"{round(abs(share) * 100)} in 100"


def risk_sentence(summary):
    """'The partnership ends struggling or failing in about 3 in 10 runs with X and about 1 in
    10 runs with Y: about 20 in 100 fewer with Y in paired runs (95% interval, model noise
    only: 0 to 40 in 100 fewer).' The paired difference is the variant's risk minus the
    baseline's."""
    baseline, variant = summary.designs
    if baseline.risk is None or variant.risk is None:
        return ""
    short = short_names(summary)
    sentence = (f"The partnership ends struggling or failing in "
                f"{in_ten(baseline.risk.mean)} with {short[baseline.name]} and "
                f"{in_ten(variant.risk.mean)} with {short[variant.name]}")
    d = summary.risk
    if d is None:
        return sentence + "."
    if round(d.mean * 100) == 0 and round(d.low * 100) == 0 and round(d.high * 100) == 0:
        return sentence + ": about the same in paired runs."
    fewer = "fewer" if d.mean < 0 else "more"
    words = interval_words(summary.kind)
    if d.low <= 0 <= d.high:  # the sign is not known: say both ends in their own direction
        interval = (f"from {round(-d.low * 100)} fewer to {round(d.high * 100)} more in 100; "
                    f"the model cannot tell which design is riskier")
    else:
        ends = sorted((abs(d.low), abs(d.high)))
        interval = f"{in_hundred(ends[0]).split()[0]} to {in_hundred(ends[1])} {fewer}"
    return (f"{sentence}: about {in_hundred(d.mean)} {fewer} with {short[variant.name]} in "
            f"paired runs ({words}: {interval}).")


def short_names(summary):
    """How sentences name the designs: by their names when there are two, else by the letter
    the table gives each (A, B, ...)."""
    if len(summary.designs) <= 2:
        return {d.name: d.name for d in summary.designs}
    return {d.name: chr(ord("A") + i) if i < 26 else str(i + 1)
            for i, d in enumerate(summary.designs)}


def difference_sentence(d, summary, measures):
    """'Better with X: the mean trust of partners in the facilitator ends about 0.11 higher than
    with Y (from 0.65 to 0.76; 95% interval, model noise only: 0.09 to 0.13); X does better in
    about 8 in 10 paired runs (between 7 and 9 in 10).' Better or worse as the measures table
    says which way is good (a lower cost is better); for a measure that is neither, higher and
    lower."""
    by_name = {design.name: design for design in summary.designs}
    high, low = by_name[d.higher].values[d.measure], by_name[d.lower].values[d.measure]
    short = short_names(summary)
    first, second = short[d.higher], short[d.lower]
    places = measure_places(summary)[d.measure]
    units = measures.units(d.measure)
    unit = f" ({units})" if units in ("currency", "hours/month", "hours") else ""
    what = heading(measures, d.measure)
    if not re.match(r"(the|a|an|what|how)\b", what, flags=re.IGNORECASE):
        what = "The " + (what if what[1:2].isupper() else what[:1].lower() + what[1:])
    if d.difference.mean == 0 and d.difference.low == d.difference.high:
        return f"{what} is the same with {first} and with {second}."
    words = interval_words(summary.kind)
    interval = (f"{words}: {{low}} to {{high}}")
    if d.difference.low == d.difference.high:
        interval = "the same difference in every run"
    if d.measure == COST:  # two significant digits: 830,000, not 826,321
        places = min(0, 1 - math.floor(math.log10(abs(d.difference.mean))))
    interval = interval.format(low=rounded(d.difference.low, places),
                               high=rounded(d.difference.high, places))
    if round(d.difference.mean, places) == 0:
        # too small to show at the digits its interval supports: not "0.00 higher"
        return (f"{what} ends about the same with {first} and with {second} "
                f"({rounded(low.mean, places)} and {rounded(high.mean, places)}; {interval}).")
    good = measures.goodness(d.measure)
    if good:  # said as better or worse, as the measures table declares the measure
        better, worse = (first, second) if good > 0 else (second, first)
        start, end = (low, high) if good > 0 else (high, low)
        sentence = (f"Better with {better}: {what[:1].lower() + what[1:]} ends about "
                    f"{rounded(d.difference.mean, places)}{unit} "
                    f"{'higher' if good > 0 else 'lower'} than with {worse}")
        which, share_lead = "better", f"{better} does better in"
    else:
        start, end = low, high
        sentence = (f"{what} ends about {rounded(d.difference.mean, places)}{unit} higher with "
                    f"{first} than with {second}")
        which, share_lead = "higher", f"it ends higher with {first} in"
    sentence += (f" (from {rounded(start.mean, places)} to {rounded(end.mean, places)}; "
                 f"{interval})")
    if d.difference.low <= 0 <= d.difference.high and d.difference.low != d.difference.high:
        sentence += f"; the model cannot tell which is {which}"
    if d.share is not None:
        runs = "paired runs" if d.paired else "pairs of runs, one of each"
        sentence += (f"; {share_lead} {in_ten(d.share.mean, runs)} "
                     f"{share_interval(d.share.low, d.share.high)}")
    return sentence + "."


def cannot_tell(summary):
    """What the model cannot tell a strategy team, said plainly."""
    told = [
        "Whether a real partnership would turn out this way: the model's constants and forms "
        "are assumptions set by hand, so its numbers are not forecasts.",
        "How large the effects are in the real world: the measures are in model units, for "
        "comparing designs with each other.",
        "Anything the model leaves out, such as people's histories, politics between "
        "organisations and events outside the partnership.",
    ]
    if "plausible models" in summary.kind:
        told.append("The intervals include the spread across plausible values of the model's "
                    "constants (the uncertainty option), but not what lies outside those "
                    "ranges.")
    else:
        told.append("How sure we can be of the differences: these intervals show only the "
                    "model's own randomness; the uncertainty option shows how much the answer "
                    "moves across plausible models.")
    return told


# --- The page -------------------------------------------------------------------------------

def esc(text):
    return html.escape(str(text), quote=True)


def heading(measures, measure):
    """A column heading in the study's words: the measure's description without its
    explanation after a colon or a short technical note in brackets."""
    text = re.sub(r"\s*\([^()]{1,20}\)$", "", measures.description(measure).split(":")[0])
    return text[:1].upper() + text[1:]


def _value(value, places, measure):
    if not math.isfinite(value.mean):
        return "n/a"
    if measure == COST and value.mean != 0:  # to the thousand: 191,000
        return rounded(value.mean, min(0, 2 - math.floor(math.log10(abs(value.mean)))))
    return number(value.mean, places)


def table_html(summary, measures):
    places = measure_places(summary)

    def below(measure):  # the units and which way is good, under the heading
        said = "; ".join(x for x in (measures.units(measure), measures.direction(measure)) if x)
        return f"<br><span class='units'>{esc(said)}</span>" if said else ""

    def label(measure):  # a cell's heading, shown beside it where the table reflows
        said = "; ".join(x for x in (measures.units(measure), measures.direction(measure)) if x)
        return heading(measures, measure) + (f" ({said})" if said else "")

    head = "".join(f"<th>{esc(heading(measures, m))}{below(m)}</th>" for m in summary.measures)
    rows = []
    short = short_names(summary)
    for d in summary.designs:
        cells = "".join(f"<td class='n' data-label='{esc(label(m))}'>"
                        f"{esc(_value(d.values[m], places[m], m))}</td>"
                        for m in summary.measures)
        risk = (f"{in_ten(d.risk.mean, 'runs').replace(' runs', '')} "
                f"({round(d.risk.low * 10)} to {round(d.risk.high * 10)})"
                if d.risk is not None else "n/a")
        name = d.name if short[d.name] == d.name else f"{short[d.name]}: {d.name}"
        rows.append(f"<tr><th scope='row'>{esc(name)}</th>{cells}"
                    f"<td data-label='Struggling or failing (runs in 10)'>{esc(risk)}</td></tr>")
    return ("<div class='wide'><table class='decide'><thead><tr><th>Design</th>" + head
            + "<th>Struggling or failing<br><span class='units'>runs in 10</span></th>"
            "</tr></thead><tbody>" + "".join(rows)
            + "</tbody></table></div>")


def summary_html(summary, measures, ended_note=""):
    """The decision summary as an HTML section (the report's first printed page)."""
    names = [d.name for d in summary.designs]
    listed = (f"{names[0]} against {names[1]}" if len(names) == 2 else
              f"{len(names)} designs, each named in the table by its set-up"
              if len(names) > 2 else names[0])
    parts = ["<section id='decision' class='decision'><h2>Decision summary</h2>",
             f"<p><strong>Designs compared:</strong> {esc(listed)}.</p>",
             f"<p class='explain'>Means over runs at {esc(summary.month)}; the risk is the "
             f"share of runs in which the partnership ended struggling or collapsed, with its "
             f"interval in brackets.{esc(ended_note)} <strong>Intervals:</strong> every "
             f"interval here is a {esc(interval_words(summary.kind))} "
             f"({esc(summary.kind)}).</p>",
             table_html(summary, measures)]
    if summary.differences:
        sentences = [difference_sentence(d, summary, measures) for d in summary.differences]
        if len(summary.designs) == 2:
            sentences.append(risk_sentence(summary))
        parts.append("<h3>The differences, in plain words</h3><ul class='differences'>"
                     + "".join(f"<li>{esc(s)}</li>" for s in sentences if s) + "</ul>")
    parts.append("<h3>What the model cannot tell you</h3><ul class='cannot'>"
                 + "".join(f"<li>{esc(t)}</li>" for t in cannot_tell(summary)) + "</ul>")
    parts.append("</section>")
    return "\n".join(parts)


def ended_note(results):
    """A sentence for designs whose time-bound partnership ended before the month read."""
    months = int(results.attrs.get("months", 0) or 0)
    points = np.unique(results["runs/design_point"][:]) if "runs" in results else []
    ends = [e for e in end_months(results, list(points)) if e < months]
    if not ends:
        return ""
    return (f" A time-bound partnership has ended by month {months} (its contract ends at "
            f"month {', '.join(str(e) for e in ends)}): its participation is zero because it "
            f"ended, not because partners left.")
