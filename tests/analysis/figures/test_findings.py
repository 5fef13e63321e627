"""findings.py: only clear effects that matter are stated."""
import h5py
import numpy as np

import findings
import helpers


def test_main_effects_state_the_clear_effect_only(files):
    tables = helpers.read_tables(files["analysis"])
    with h5py.File(files["results"], "r") as results:
        sentences = findings.main_effects(tables, helpers.Measures(results))
    assert any(s.startswith("Changing budget hours from <40 hours to 240 lowers")
               for s in sentences)
    assert not any("duration" in s for s in sentences)
    assert not any("standard deviation" in s for s in sentences)


def test_intervals_are_rounded_to_what_they_support():
    # An interval narrower than the digits shown is not printed as "0.21 to 0.21".
    assert findings._amount(0.2134, 0.2131, 0.2137) == "0.21 (95% interval: to within 0.005)"
    assert findings._amount(0.123456, 0.05, 0.2) == "0.12 (95% interval 0.05 to 0.20)"
    # A wide interval does not carry two decimals it cannot support.
    assert findings._amount(3.71, 1.02, 6.4, " hours") == "4 hours (95% interval 1 to 6)"
    assert findings._amount(187420, 156814, 218026) == (
        "190,000 (95% interval 160,000 to 220,000)")


def test_sobol_never_says_less_with_interactions_than_alone():
    row = {"parameter": "setup.duration", "first_order": 0.70, "total": 0.63}
    assert findings.sobol_sentence(row, "trust") == (
        "Duration accounts for about 70% of the variation in trust between runs.")
    row = {"parameter": "setup.end_month", "first_order": 0.40, "total": 0.62}
    assert findings.sobol_sentence(row, "trust", " (where review is yes)") == (
        "End month accounts for about 40% of the variation in trust between runs (where review "
        "is yes), and about 62% counting its interactions with other settings.")


def test_prim_names_the_box(files):
    sentences = findings.prim(helpers.read_tables(files["analysis"]))
    assert any("density 85%" in s for s in sentences)


def test_no_tables_no_findings():
    assert findings.main_effects({}, helpers.Measures()) == []


def test_comparison_names_both_designs_gives_both_means_and_keeps_cost(tmp_path):
    from conftest import write_table
    path = tmp_path / "cmp.h5"
    with h5py.File(path, "w") as f:
        write_table(f, "comparison", {"measure": ["trust_partner_facilitator", "cost"]},
                    {"baseline_mean": [0.65, 576000.0], "variant_mean": [0.76, 768000.0],
                     "difference": [0.11, 192000.0], "low": [0.09, 192000.0],
                     "high": [0.13, 192000.0], "standardised": [1.2, float("nan")]},
                    key="baseline: default.toml --set-baseline setup.join_month=12; variant: "
                        "default.toml --set setup.join_month=0; seed 1")
        f["final/trust_partner_facilitator"] = np.zeros(2)
        f["final/trust_partner_facilitator"].attrs["description"] = (
            "Mean trust of partners in the facilitator")
        f["final/cost"] = np.zeros(2)
        f["final/cost"].attrs["description"] = "Cost of the learning partnership"
        f["final/cost"].attrs["units"] = "currency"
        words = helpers.Measures(f)
    sentences = findings.comparison(helpers.read_tables(str(path)), words)
    assert sentences[0] == (
        "At the last month, the variant (default.toml with join month 0) ends higher than the "
        "baseline (default.toml with join month 12) on the mean trust of partners in the "
        "facilitator, by 0.11 (95% interval 0.09 to 0.13), from 0.65 to 0.76: a large "
        "difference next to the usual spread between runs.")
    assert sentences[1] == ("The cost of the learning partnership is 192,000 currency higher "
                            "for the variant (from 576,000 to 768,000 currency), much the same "
                            "in every run.")
