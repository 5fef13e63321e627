"""docs/python.md's example runs and prints what the page says, and agrees with the command
line's `partnersim compare` (the command of docs/analysis.md, section 1)."""
import re
import subprocess
import sys

from conftest import PROGRAM, SOURCE

PAGE = SOURCE / "docs" / "python.md"


def example_and_output():
    text = PAGE.read_text()
    code = re.search(r"```python\n(import partnersim\n.*?)```", text, re.S).group(1)
    output = re.search(r"```text\n(.*?)```", text, re.S).group(1)
    return code, output


def test_the_example_prints_what_the_page_shows():
    code, output = example_and_output()
    assert len(code.strip().splitlines()) <= 10
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          cwd=SOURCE)
    assert done.returncode == 0, done.stderr
    assert done.stdout == output


def test_the_page_agrees_with_partnersim_compare():
    _, output = example_and_output()
    done = subprocess.run([PROGRAM, "compare", str(SOURCE / "scenarios" / "default.toml"),
                           "--set", "setup.join_month=12", "--replicates", "200"],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    for measure in ("trust_partner_facilitator", "capacity", "portfolio_impact"):
        page = re.search(measure + r"\s+(\S+)\s+(\S+)\s+(\S+)", output).groups()
        cli = re.search(r"^\s+" + measure + r"\s+(\S+)\s+(\S+)\s+(\S+)", done.stdout,
                        re.M).groups()
        assert [float(v) for v in page] == [float(v) for v in cli], measure
