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
ROBUST = ("claim,base,sets,holding,share,replicates\n"
          "C1.up,default,10,9,0.9,20\nC1.up,other,10,2,0.2,20\n")


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


def test_html_page_colours_verdicts_and_escapes_quotes(tmp_path):
    args = ledger_in(tmp_path)
    assert run(*args, "--html", str(tmp_path / "claims.html")).returncode == 0
    page = (tmp_path / "claims.html").read_text()
    assert "more &lt;help&gt; helps" in page and "<help>" not in page
    assert page.count("background:#d4edda") == 1 and page.count("background:#f8d7da") == 1
    assert "holds in 20% of sampled models" in page
    assert "<script" not in page and "http" not in page
