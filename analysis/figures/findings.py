"""Key findings in plain words, generated from partnersim's analysis tables, for the report
(report.py). Each function takes the tables (helpers.read_tables) and the measures'
words (helpers.Measures) and returns a list of sentences (plain text, not yet escaped
for HTML); an absent table gives none.

Only clear results that matter are stated: a main effect, interaction or difference only
if its 95% interval excludes zero and it is at least MEANINGFUL standard deviations of the
measure (with common random numbers, even negligible effects have narrow intervals), and only
the largest few per key measure.
"""
import math

from helpers import (Measures, box_limits, boxes, choose_measures, clear_of_zero, compared,
                     cell_in_words, decimals_for, key_value, limit_in_words, number, percent,
                     setting_name_in_words, size_in_words, value_in_words)

PER_MEASURE = 3  # findings per key measure and analysis
IMPLAUSIBLE = 1000.0  # standardised sizes beyond this: the measure hardly varies
COST = "cost"  # the measure of what a design costs the funder
MEANINGFUL = 0.2  # smallest effect stated, in standard deviations ("small" by Cohen's labels)


def _plausible(standardised):
    return math.isfinite(standardised) and standardised != 0 and abs(
        standardised) <= IMPLAUSIBLE


def _worth_stating(row, estimate="estimate"):
    """Interval clear of zero, and not negligible (or of unknown size: no run-to-run
    variation to measure it against)."""
    if not clear_of_zero(row["low"], row["high"]) or row[estimate] == 0:
        return False
    d = row.get("standardised", float("nan"))
    return not _plausible(d) or abs(round(d, 1)) >= MEANINGFUL


def measure_spread(tables, measure):
    """The standard deviation of a measure across runs, as main_effects implies it
    (estimate / standardised), or None."""
    table = tables.get("main_effects")
    if table is None:
        return None
    spreads = [r["estimate"] / r["standardised"] for r in table.where(measure=measure).rows()
               if _plausible(r["standardised"]) and r["estimate"] != 0]
    return abs(sorted(spreads)[len(spreads) // 2]) if spreads else None


def interval_decimals(estimate, low, high):
    """Decimals an estimate and its interval can support: about two significant digits of the
    estimate, but no finer than one significant digit of the interval's half-width (an
    interval of 0.05 to 0.2 is not written to three digits)."""
    decimals = decimals_for(estimate)
    half = abs(high - low) / 2
    if math.isfinite(half) and half > 0:
        decimals = min(decimals, -math.floor(math.log10(half)))
    return decimals


def rounded(value, decimals):
    """A number to `decimals` places; negative places round to tens, thousands...
    (187,420 to -4 places: '190,000')."""
    if decimals >= 0 or not math.isfinite(value):
        return number(value, max(decimals, 0))
    return number(round(value, decimals), 0)


def _amount(estimate, low, high, units=""):
    """'0.10 hours (95% interval 0.09 to 0.11)' for the size of a change whose interval
    excludes zero: the interval of the magnitude, rounded to what it supports; an interval
    narrower than the digits shown is said to be ('to within 0.005'), not printed as '0.21 to
    0.21'."""
    decimals = interval_decimals(estimate, low, high)
    ends = sorted((abs(low), abs(high)))
    shown = [rounded(e, decimals) for e in ends]
    if shown[0] == shown[1] == rounded(abs(estimate), decimals):
        return (f"{rounded(abs(estimate), decimals)}{units} (95% interval: to within "
                f"{number(0.5 * 10 ** -decimals, decimals + 1)})")
    return f"{rounded(abs(estimate), decimals)}{units} (95% interval {shown[0]} to {shown[1]})"


def _size(standardised, noun="effect"):
    """The size in words, against the usual run-to-run spread of the measure (Cohen's
    labels), with no number of standard deviations, which a reader cannot picture."""
    if not _plausible(standardised):
        return "(the measure hardly varies between runs)"
    size = round(abs(standardised), 1)
    return f"a {size_in_words(size)} {noun} next to the usual spread between runs"


def _units(measures, measure):
    units = measures.units(measure)
    return f" {units}" if units and not units.startswith(("share", "index", "correlation")) else ""


def main_effects(tables, measures, chosen=None):
    """'Moving P from A to B lowers <measure> by X (95% interval L to H), a large effect
    (2.0 standard deviations).' for the largest clear effects per key measure."""
    table = tables.get("main_effects")
    if table is None:
        return []
    sentences = []
    for measure in choose_measures(table.unique("measure"), chosen):
        rows = [r for r in table.where(measure=measure).rows() if _worth_stating(r)]
        rows.sort(key=lambda r: -abs(r["standardised"]) if math.isfinite(r["standardised"])
                  and abs(r["standardised"]) <= IMPLAUSIBLE else 0.0)
        for r in rows[:PER_MEASURE]:
            verb = "raises" if r["estimate"] > 0 else "lowers"
            sentences.append(
                f"Changing {setting_name_in_words(r['parameter'])} from "
                f"{value_in_words(r['from'])} to {value_in_words(r['to'])} {verb} "
                f"{measures.in_words(measure)} by "
                f"{_amount(r['estimate'], r['low'], r['high'], _units(measures, measure))}, "
                f"{_size(r['standardised'])}.")
    return sentences


def interactions(tables, measures, chosen=None):
    """'The effect on M of moving A from x to y depends on B: E1 where B is b1 and E2 where
    it is b2, a difference of D (95% interval ...), a small interaction (0.3 standard
    deviations).' where the difference is clear and not negligible."""
    table = tables.get("interaction")
    if table is None:
        return []
    sentences = []
    keys = list(dict.fromkeys(zip(table["measure"].tolist(), table["parameter_a"].tolist(),
                                  table["parameter_b"].tolist())))
    names = choose_measures([k[0] for k in keys], chosen)
    for measure, a, b in keys:
        if measure not in names:
            continue
        rows = table.where(measure=measure, parameter_a=a, parameter_b=b).rows()
        difference = [r for r in rows if r["at_b"].startswith("difference")]
        levels = [r for r in rows if not r["at_b"].startswith("difference")]
        if not difference or len(levels) < 2:
            continue
        d = difference[0]
        first, last = levels[0], levels[-1]
        spread = measure_spread(tables, measure)
        if spread:  # in standard deviations of the measure, as main effects are
            size = d["estimate"] / spread
        else:  # else against the effect itself: a tenth of it counts as small
            size = 2 * d["estimate"] / max(abs(first["estimate"]), abs(last["estimate"]), 1e-300)
        if not clear_of_zero(d["low"], d["high"]) or abs(round(size, 1)) < MEANINGFUL:
            continue
        how = f", {_size(size, 'interaction')}" if spread else ""
        decimals = decimals_for(max(abs(first["estimate"]), abs(last["estimate"]), 1e-12))
        places = interval_decimals(d["estimate"], d["low"], d["high"])
        a_words, b_words = setting_name_in_words(a), setting_name_in_words(b)
        sentences.append(
            f"The effect on {measures.in_words(measure)} of changing {a_words} from "
            f"{value_in_words(first['from_a'])} to {value_in_words(first['to_a'])} depends on "
            f"{b_words}: {number(first['estimate'], decimals)} where {b_words} is "
            f"{value_in_words(first['at_b'])} and {number(last['estimate'], decimals)} where it "
            f"is {value_in_words(last['at_b'])}, a difference of "
            f"{rounded(d['estimate'], places)} (95% interval {rounded(d['low'], places)} to "
            f"{rounded(d['high'], places)}){how}.")
    return sentences


def sobol(tables, measures, chosen=None):
    """'P explains about N% of the variation in M on its own and K% with its interactions.'
    for the parameters with the largest total indices (interval above zero)."""
    table = tables.get("sobol_indices")
    if table is None:
        return []
    sentences = []
    for cell in table.unique("cell") if "cell" in table else ["all"]:
        part = table.where(cell=cell) if "cell" in table else table
        where = "" if cell == "all" else f" (where {cell_in_words(cell)})"
        for measure in choose_measures(part.unique("measure"), chosen):
            rows = sorted(part.where(measure=measure).rows(), key=lambda r: -r["total"])
            for r in [r for r in rows if r["total_low"] > 0 and r["total"] >= 0.01][:PER_MEASURE]:
                sentences.append(sobol_sentence(r, measures.in_words(measure), where))
    return sentences


def sobol_sentence(row, measure_words, where=""):
    """'Budget hours accounts for about 70% of the variation in M between runs, and about
    80% with their interactions with other settings.' The share with interactions cannot be
    below the share alone: an estimate that is (noise) is not stated as a second number."""
    alone = min(max(row["first_order"], 0.0), 1.0)
    total = min(max(row["total"], alone), 1.0)
    name = setting_name_in_words(row["parameter"])
    sentence = (f"{name[:1].upper() + name[1:]} accounts for about "
                f"{percent(alone)} of the variation in {measure_words} between runs{where}")
    if total - alone >= 0.05:
        sentence += f", and about {percent(total)} counting its interactions with other settings"
    return sentence + "."


def morris(tables, measures, chosen=None):
    """'For M, the screening ranks A, B and C as the most influential parameters.'"""
    table = tables.get("morris")
    if table is None:
        return []
    sentences = []
    for cell in table.unique("cell") if "cell" in table else ["all"]:
        part = table.where(cell=cell) if "cell" in table else table
        where = "" if cell == "all" else f" (where {cell_in_words(cell)})"
        for measure in choose_measures(part.unique("measure"), chosen):
            rows = sorted(part.where(measure=measure).rows(), key=lambda r: -r["mu_star"])
            top = [setting_name_in_words(r["parameter"]) for r in rows[:PER_MEASURE]
                   if r["mu_star"] > 0]
            if not top:
                continue
            listed = top[0] if len(top) == 1 else ", ".join(top[:-1]) + " and " + top[-1]
            uneven = [setting_name_in_words(r["parameter"]) for r in rows[:PER_MEASURE]
                      if r["mu_star"] > 0 and r["sigma"] > r["mu_star"]]
            extra = (f"; the effect of {' and '.join(uneven)} varies a lot from setting to "
                     f"setting" if uneven else "")
            sentences.append(
                f"For {measures.in_words(measure)}{where}, the screening ranks {listed} as the "
                f"most influential settings{extra}.")
    return sentences


def prim(tables, measures=None):
    """'Success (C) is likely (density D%) in runs where ...; this box holds K% of all
    successful runs.' per box."""
    sentences = []
    for box in boxes(tables):
        limits = [limit_in_words(r) for r in box_limits(tables, box["box"])]
        where = (", ".join(limits[:-1]) + (", and " if len(limits) > 2 else " and ") + limits[-1]
                 if len(limits) > 1 else limits[0] if limits else "any set-up is used")
        if box["meets_threshold"]:
            sentences.append(
                f"Success ({box['condition']}) is likely (density {percent(box['density'])}) "
                f"in runs where {where}; this box holds {percent(box['coverage'])} of all "
                f"successful runs.")
        else:
            sentences.append(
                f"A weaker box (below the density asked for): success ({box['condition']}) "
                f"comes in {percent(box['density'])} of the runs where {where}; this box holds "
                f"{percent(box['coverage'])} of all successful runs.")
    return sentences


def _from_to(row, measures):
    """'(from 0.65 to 0.76)': both designs' means, to the difference's decimals."""
    decimals = interval_decimals(row["difference"], row["low"], row["high"])
    return (f"from {rounded(row['baseline_mean'], decimals)} to "
            f"{rounded(row['variant_mean'], decimals)}{_units(measures, row['measure'])}")


def comparison(tables, measures, chosen=None, count=5):
    """'At the last month, the variant ends higher than the baseline on M, by X (95%
    interval ...; from A to B): a large difference next to the usual spread between runs.' for
    the largest clear differences; cost (and any measure that is the same in every run of a
    design) always, in its units."""
    table = tables.get("comparison")
    if table is None:
        return []
    rows = [r for r in table.rows() if (not chosen or r["measure"] in chosen)
            and _worth_stating(r, "difference")]
    fixed = [r for r in rows if not _plausible(r["standardised"])]
    rows = [r for r in rows if _plausible(r["standardised"])]
    rows.sort(key=lambda r: -abs(r["standardised"]))
    names = compared(table)
    variant = f"the variant ({names[1]})" if names else "the variant"
    baseline = f"the baseline ({names[0]})" if names else "the baseline"
    sentences = []
    # Cost is always stated: a strategy team weighs every difference against it.
    shown = rows[:count] + [r for r in rows[count:] if r["measure"] == COST]
    for index, r in enumerate(shown):
        who = variant if index == 0 else "the variant"
        against = baseline if index == 0 else "the baseline"
        direction = "higher" if r["difference"] > 0 else "lower"
        amount = _amount(r["difference"], r["low"], r["high"], _units(measures, r["measure"]))
        sentences.append(
            f"At the last month, {who} ends {direction} than {against} on "
            f"{measures.in_words(r['measure'])}, by {amount}, {_from_to(r, measures)}: "
            f"{_size(r['standardised'], 'difference')}.")
    for r in fixed:
        direction = "higher" if r["difference"] > 0 else "lower"
        sentences.append(
            f"{measures.in_words(r['measure'])[:1].upper()}{measures.in_words(r['measure'])[1:]}"
            f" is {number(abs(r['difference']))}{_units(measures, r['measure'])} {direction} "
            f"for the variant ({_from_to(r, measures)}), much the same in every run.")
    unclear = [r["measure"] for r in table.rows() if not clear_of_zero(r["low"], r["high"])
               and (not chosen or r["measure"] in chosen)]
    if unclear:
        sentences.append("No clear difference at the last month in "
                         + ", ".join(measures.in_words(m) for m in unclear) + ".")
    return sentences


def analysed_month(tables):
    """The month the analyses read, from a table's key ('month 36'), or None."""
    for table in tables.values():
        month = key_value(table.key, "month")
        if month:
            return month
    return None


def all_findings(tables, compared_tables, measures=None, chosen=None):
    """Every section of findings: a list of (heading, sentences), empty sections left out."""
    measures = measures or Measures()
    sections = [
        ("What each set-up choice does", main_effects(tables, measures, chosen)),
        ("Where choices work together", interactions(tables, measures, chosen)),
        ("What drives the variation between runs", sobol(tables, measures, chosen)),
        ("Which parameters matter most (screening)", morris(tables, measures, chosen)),
        ("Where success is likely", prim(tables, measures)),
        ("Variant against baseline", comparison(compared_tables, measures, chosen)),
    ]
    return [(heading, sentences) for heading, sentences in sections if sentences]
