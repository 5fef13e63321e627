"""analysis/claims_ledger.py on a tiny synthetic ledger: the page from the stored tables, the
check that fails on a stale page, the robustness section's 80% mark, and the HTML page."""
import subprocess
import sys
from pathlib import Path

SCRIPT = Path(__file__).resolve().parents[2] / "analysis" / "claims_ledger.py"

LEDGER = '''
[bases]
default = "../scenarios/default.toml"
other = "../scenarios/other.toml"

[[claim]]
id = "C1.up"
topic = "strategic enablers"
document = "itad"
section = "s"
quote = "more <help> helps"
parameters = ["setup.budget_hours"]
mechanism = "m"
baseline = ["setup.budget_hours=30"]
variant = ["setup.budget_hours=160"]
measure = "capacity"
months = [36, 36]
direction = "increase"

[[claim]]
id = "C2.absent"
topic = "strategic enablers"
document = "itad"
section = "s"
quote = "q"
not_represented = "no mechanism"
'''
MEASURED = ("claim,base,verdict,baseline_mean,variant_mean,difference,low,high,replicates\n"
            "C1.up,default,holds,0.2,0.3,0.1,0.09,0.11,100\n"
            "C1.up,other,reversed,0.3,0.2,-0.1,-0.11,-0.09,100\n")
ROBUST = ("claim,base,sets,holding,share,share_low,share_high,predicted_side,replicates,"
          "breaks_when\n"
          "C1.up,default,10,9,0.9,0.596,0.982,10,20,\n"
          "C1.up,other,10,2,0.2,0.0567,0.51,7,20,`trust.k` high (ρ -0.90)\n")


def ledger_in(tmp_path, robust=True):
    (tmp_path / "claims.toml").write_text(LEDGER)
    (tmp_path / "measured.csv").write_text(MEASURED)
    if robust:
        (tmp_path / "robust.csv").write_text(ROBUST)
    return ["--ledger", str(tmp_path / "claims.toml"), "--measured", str(tmp_path / "measured.csv"),
            "--robustness", str(tmp_path / "robust.csv"), "--page", str(tmp_path / "claims.md")]


def run(*args):
    return subprocess.run([sys.executable, str(SCRIPT), *args], capture_output=True, text=True)


def test_page_reports_each_cell_and_the_verdicts_per_base(tmp_path):
    args = ledger_in(tmp_path, robust=False)
    assert run(*args).returncode == 0
    page = (tmp_path / "claims.md").read_text()
    assert "+0.100 [+0.090, +0.110] holds; holds at 1 of 2 bases" in page
    assert "| `C1.up` | +0.100 ✓ | -0.100 ✗✗ |" in page
    assert "| `default` | 1 | 0 | 0 | 0 | 1 |" in page
    assert "**not represented**: no mechanism" in page
    assert "Under uncertainty" not in page


def test_check_fails_on_a_stale_page_and_passes_on_a_current_one(tmp_path):
    args = ledger_in(tmp_path)
    assert run(*args).returncode == 0
    assert run(*args, "--check").returncode == 0
    (tmp_path / "measured.csv").write_text(MEASURED.replace("0.1,0.09", "0.2,0.09"))
    result = run(*args, "--check")
    assert result.returncode == 1 and "out of date" in result.stderr


def test_robustness_marks_cells_below_eighty_percent(tmp_path):
    args = ledger_in(tmp_path)
    assert run(*args).returncode == 0
    page = (tmp_path / "claims.md").read_text()
    assert "1 of 2 cells reach it" in page
    assert "| `C1.up` | 0.90 | 0.20 ✗ |" in page
    assert "Wilson interval of the share over 10 sampled models" in page
    assert "| `C1.up` | `other` | 0.20 [0.06, 0.51] | 7 of 10 | `trust.k` high (ρ -0.90) |" in page
    assert ("0.90 [0.60, 0.98] at `default`; ≥80% at 1 of 2 bases; **below at `other`** "
            "(0.20): fails when `trust.k` high (ρ -0.90)") in page


def test_html_page_colours_verdicts_and_escapes_quotes(tmp_path):
    args = ledger_in(tmp_path)
    assert run(*args, "--html", str(tmp_path / "claims.html")).returncode == 0
    page = (tmp_path / "claims.html").read_text()
    assert "more &lt;help&gt; helps" in page and "<help>" not in page
    assert page.count("background:#d4edda") == 1 and page.count("background:#f8d7da") == 1
    assert "Under sampled model constants" in page and "Wilson interval" in page
    assert "<td class='why'>trust.k high (ρ -0.90)</td>" in page
    assert page.count("class='short'") == 1
    # Wide tables scroll in their own box, never the page; cells do not wrap (docs/validation.md
    # says what the headless screenshots showed before this).
    assert page.count("<div class='scroll'><table>") == page.count("<table>") == 4
    assert "white-space:nowrap" in page and "position:sticky" in page
    assert "<script" not in page and "http" not in page


def test_a_constant_that_decides_the_effect_is_named_and_chance_ones_are_not(tmp_path):
    """Known answer: over 24 sampled models the claim's effect is the drawn value of `a.decides`
    less 0.5 (so it fails when that value is low) and unrelated to `b.noise` (a fixed
    permutation, |rho| = 0.03) or to `c.held`, which the claim sets and so is not drawn."""
    import h5py
    n = 24
    decides = [(k * 7 % n) / n for k in range(n)]
    noise = [(k * 5 % n) / n for k in range(n)]
    ledger = LEDGER.replace('variant = ["setup.budget_hours=160"]',
                            'variant = ["setup.budget_hours=160", "c.held=1"]')
    (tmp_path / "claims.toml").write_text(ledger)
    results = tmp_path / "validate.h5"
    with h5py.File(results, "w") as f:
        t = f.create_group("claims")
        for c, v in (("claim", ["C1.up"]), ("base", ["default"]), ("verdict", ["weak"])):
            t[c] = v
        for c in ("baseline_mean", "variant_mean", "difference", "low", "high"):
            t[c] = [0.0]
        t["replicates"] = [20.0]
        holding = sum(1 for d in decides if d > 0.5)
        u = f.create_group("claims_uncertainty")
        u["claim"], u["base"] = ["C1.up"], ["default"]
        for c, v in (("sets", n), ("holding", holding), ("share", holding / n),
                     ("share_low", 0.2), ("share_high", 0.6), ("predicted_side", holding),
                     ("replicates", 20)):
            u[c] = [float(v)]
        s = f.create_group("claims_sampled")
        s["claim"], s["base"] = ["C1.up"] * n, ["default"] * n
        s["verdict"] = ["holds" if d > 0.5 else "fails" for d in decides]
        s["model"] = [float(k) for k in range(n)]
        s["difference"] = [d - 0.5 for d in decides]
        s["low"] = [d - 0.6 for d in decides]
        s["high"] = [d - 0.4 for d in decides]
        m = f.create_group("sampled_models")
        m["model"] = [float(k) for k in range(n)]
        m["seed"] = [str(k) for k in range(n)]
        m["a.decides"], m["b.noise"], m["c.held"] = decides, noise, decides
    args = ["--ledger", str(tmp_path / "claims.toml"), "--measured", str(tmp_path / "m.csv"),
            "--robustness", str(tmp_path / "r.csv"), "--page", str(tmp_path / "claims.md")]
    result = run(*args, "--results", str(results))
    assert result.returncode == 0, result.stderr
    stored = (tmp_path / "r.csv").read_text()
    assert "`a.decides` low (ρ +1.00)" in stored
    assert "b.noise" not in stored and "c.held" not in stored
