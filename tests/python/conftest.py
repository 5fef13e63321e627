"""Shared set-up of the Python package's tests: the partnersim program (for files written the
command line's way), the source tree, and small results files made once per session.
CTest passes PARTNERSIM_EXECUTABLE and PARTNERSIM_SOURCE_DIR, and puts <build>/python on
PYTHONPATH (tests/python/CMakeLists.txt)."""
import os
import pathlib
import subprocess

import pytest

SOURCE = pathlib.Path(os.environ.get("PARTNERSIM_SOURCE_DIR",
                                     pathlib.Path(__file__).resolve().parents[2]))
PROGRAM = os.environ.get("PARTNERSIM_EXECUTABLE", str(SOURCE / "build" / "sim" / "partnersim"))
SWEEP = SOURCE / "scenarios" / "questions" / "early_facilitator.toml"
# Small enough to take a second or two, big enough that every design point has replicates.
SMALL = ["--set", "run.months=24", "--replicates", "3", "--seed", "11"]


def run_cli(*args):
    done = subprocess.run([PROGRAM, *map(str, args)], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    return done


@pytest.fixture(scope="session")
def sweep_file(tmp_path_factory):
    """A sweep's results file, written by `partnersim run`."""
    path = tmp_path_factory.mktemp("cli") / "sweep.h5"
    run_cli("run", SWEEP, "-o", path, *SMALL, "--threads", "2", "--quiet")
    return path
