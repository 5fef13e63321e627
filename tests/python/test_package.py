"""import partnersim: run and compare through the application layer, open_results for any file,
the same numbers as `partnersim run`, errors as located Python exceptions."""
import os
import signal
import subprocess
import sys
import time

import h5py
import numpy as np
import pytest

import partnersim
from conftest import SOURCE, SWEEP, run_cli

MEASURE = "trust_partner_facilitator"


def test_open_results_has_runs_months_design_and_descriptions(sweep_file):
    ds = partnersim.open_results(sweep_file)
    assert ds[MEASURE].dims == ("run", "month")
    assert ds["final_" + MEASURE].dims == ("run",)
    with h5py.File(sweep_file) as f:
        np.testing.assert_array_equal(ds[MEASURE].values, f["timeseries/" + MEASURE][()])
        np.testing.assert_array_equal(ds["seed"].values, f["runs/seed"][()].view(np.uint64))
        described = f["timeseries/" + MEASURE].attrs["description"].decode()  # fixed-length
        assert ds[MEASURE].attrs["description"] == described
        design_point = f["runs/design_point"][()]
        durations = f["design/setup.duration"].asstr()[()]
    assert ds["seed"].dtype == np.uint64
    assert list(ds["setup.duration"].values) == list(durations[design_point])
    assert set(ds["setup.join_month"].values) == {0, 6, 12, 18}
    assert ds["month"].values[0] == 1 and ds.sizes["month"] == 24
    frame = ds[[MEASURE]].to_dataframe()
    assert frame.index.names == ["run", "month"] and len(frame) == ds.sizes["run"] * 24


def test_run_gives_the_numbers_of_partnersim_run(sweep_file):
    """Same scenario, overrides and seed: the package's run and the command line's file agree
    bit for bit, whatever the threads."""
    ds = partnersim.run(SWEEP, set={"run.months": 24}, replicates=3, seed=11, threads=1)
    cli = partnersim.open_results(sweep_file)
    for name in cli.data_vars:
        np.testing.assert_array_equal(ds[name].values, cli[name].values, err_msg=name)
    for name in ("seed", "design_point", "replicate", "setup.duration"):
        np.testing.assert_array_equal(ds[name].values, cli[name].values, err_msg=name)
    assert ds.attrs["command_line"].startswith("partnersim.run(")


def test_run_takes_a_bundled_name_and_settings_as_python_values(tmp_path):
    ds = partnersim.run("default", set={"run.months": 12, "setup.review": True,
                                        "setup.duration": "open_ended"}, replicates=2, seed=3)
    assert ds.sizes == {"run": 2, "month": 12}
    assert 'duration = "open_ended"' in ds.attrs["scenario"]
    out = tmp_path / "d.h5"
    run_cli("run", SOURCE / "scenarios" / "default.toml", "-o", out, "--set", "run.months=12",
            "--set", "setup.review=true", "--set", "setup.duration=open_ended",
            "--replicates", "2", "--seed", "3", "--quiet")
    np.testing.assert_array_equal(ds[MEASURE].values, partnersim.open_results(out)[MEASURE].values)


def test_a_sweep_too_long_for_an_attribute_reads_from_its_dataset(tmp_path):
    """A grid of 8,000 levels describes itself in over 60 KiB, more than an attribute keeps in
    its object's checksummed header: the text is the root dataset /sweep, the attribute says
    so, and open_results gives the text itself."""
    levels = ", ".join("%.6f" % (0.1 + 0.9 * i / 7999) for i in range(8000))
    scenario = tmp_path / "long.toml"
    scenario.write_text("[run]\nmonths = 2\nreplicates = 1\nseed = 1\n[partners]\ncount = 3\n"
                        '[sweep.grid]\n"funder.senior_buy_in" = [%s]\n' % levels)
    out = tmp_path / "long.h5"
    run_cli("run", scenario, "-o", out, "--quiet")
    with h5py.File(out) as f:
        stored = f["sweep"][()].decode()
        assert "too long for an attribute: the dataset /sweep holds it" in f.attrs["sweep"].decode()
    assert len(stored.encode()) > 60 * 1024 and stored.startswith("design: full factorial grid")
    assert "0.1, 0.100113, 0.100225" in stored and stored.rstrip().endswith("point)")
    ds = partnersim.open_results(out)
    assert ds.attrs["sweep"] == stored and ds.sizes["run"] == 8000
    run_cli("summary", out)


def test_a_bad_key_is_an_input_error_naming_it():
    with pytest.raises(partnersim.InputError) as caught:
        partnersim.run("default", set={"setup.duraton": "open_ended"}, replicates=2)
    assert "setup.duraton" in str(caught.value)
    assert "did you mean 'setup.duration'" in str(caught.value)
    assert isinstance(caught.value, ValueError)
    assert caught.value.parameter == "setup.duraton"


def test_a_value_of_the_wrong_type_is_a_type_error_naming_its_keyword():
    with pytest.raises(TypeError, match="seed"):
        partnersim.run("default", replicates=2, seed=-1)
    with pytest.raises(TypeError, match="threads"):
        partnersim.compare("default", set={"setup.join_month": 3}, threads="two")


def test_a_bad_scenario_line_is_located(tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text("[setup]\nduration = \"sometimes\"\n")
    with pytest.raises(partnersim.InputError) as caught:
        partnersim.run(bad, replicates=2)
    assert str(bad) in str(caught.value) and caught.value.line == 2


def test_compare_matches_the_paired_difference_of_two_runs():
    """compare's month-by-month difference is the mean over replicates of variant - baseline,
    paired by replicate; checked against two run() calls with the same seed."""
    settings = {"run.months": 24}
    cmp = partnersim.compare("default", set={**settings, "setup.join_month": 12},
                             baseline_set=settings,
                             replicates=4, seed=5)
    assert cmp["difference"].dims == ("measure", "month")
    base = partnersim.run("default", set=settings, replicates=4, seed=5)
    variant = partnersim.run("default", set={**settings, "setup.join_month": 12}, replicates=4,
                             seed=5)
    expected = (variant[MEASURE].astype(float) - base[MEASURE].astype(float)).mean("run")
    np.testing.assert_allclose(cmp["difference"].sel(measure=MEASURE).values, expected.values,
                               rtol=1e-9, atol=1e-12)
    assert cmp.attrs["replicates"] == 4


# A run far longer than any test (a million runs of the default scenario, one thread): only
# Ctrl-C ends it. It says how it ended on stdout.
INTERRUPTED_RUN = """
import sys
import partnersim
try:
    partnersim.run(sys.argv[1], replicates=1_000_000, threads=1)
except KeyboardInterrupt as stopped:
    print("stopped by", type(stopped).__name__)
    sys.exit(0)
print("finished")
sys.exit(1)
"""


def test_ctrl_c_stops_a_run_with_keyboard_interrupt_and_leaves_nothing(tmp_path):
    """SIGINT once the runs are under way (the temporary results file exists: a condition,
    polled with a generous bound, never a fixed wait) raises KeyboardInterrupt out of
    partnersim.run, and the temporary folder holds nothing afterwards."""
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    child = subprocess.Popen([sys.executable, "-c", INTERRUPTED_RUN,
                              str(SOURCE / "scenarios" / "default.toml")],
                             env=dict(os.environ, TMPDIR=str(scratch)), stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 300
        while not list(scratch.glob("*/results.h5.partial")):
            assert child.poll() is None, child.communicate()
            assert time.monotonic() < deadline, "the run did not start within 5 minutes"
            time.sleep(0.02)
        child.send_signal(signal.SIGINT)
        out, err = child.communicate(timeout=300)
    finally:
        if child.poll() is None:
            child.kill()
    assert child.returncode == 0, err
    assert out.strip() == "stopped by KeyboardInterrupt", (out, err)
    assert list(scratch.iterdir()) == []
