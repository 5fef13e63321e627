"""Self-describing results files: xarray (h5netcdf) sees named axes without phony_dims, pandas
gets a table, R (hdf5r) reads the seeds exactly and the time series the right way round; each
compared with h5py, the reference reader."""
import csv
import shutil
import subprocess

import h5py
import numpy as np
import pytest
import xarray as xr
from conftest import SMALL, SWEEP, run_cli

MEASURE = "trust_partner_facilitator"


def test_xarray_opens_every_run_group_with_named_dimensions(sweep_file):
    with h5py.File(sweep_file) as f:
        expected = f["timeseries/" + MEASURE][()]
        runs = f["runs/run_index"][()]
        months = f["months"][()]
    series = xr.open_dataset(sweep_file, group="timeseries", engine="h5netcdf")
    assert series[MEASURE].dims == ("run", "months")
    np.testing.assert_array_equal(series[MEASURE].values, expected)
    np.testing.assert_array_equal(series["run"].values, runs)
    # /months is a root dataset: xarray shows its values when the root is opened, the size here
    assert series.sizes["months"] == len(months)
    root = xr.open_dataset(sweep_file, engine="h5netcdf")
    np.testing.assert_array_equal(root["months"].values, months)
    assert series[MEASURE].attrs["units"]
    final = xr.open_dataset(sweep_file, group="final", engine="h5netcdf")
    assert final[MEASURE].dims == ("run",)
    columns = xr.open_dataset(sweep_file, group="runs", engine="h5netcdf")
    assert columns["seed"].dims == ("run",)


def test_xarray_opens_every_group_of_a_traced_drawn_sweep_with_named_axes(tmp_path):
    """Every group (and the root) of a file with traces, drawn model constants, a design and the
    outcome labels opens in xarray without phony_dims (h5netcdf refuses a dataset with an axis
    no dimension scale names), with the axes results_layout.hpp gives them."""
    path = tmp_path / "traced.h5"
    run_cli("run", SWEEP, "-o", path, *SMALL, "--trace", "2", "--uncertainty", "--quiet")
    with h5py.File(path) as f:
        groups = sorted(name for name, obj in f.items() if isinstance(obj, h5py.Group))
        points = f["design/grid_cell"].shape[0]
        constants = list(f["runs/model_constants"].attrs["columns"].astype(str))
        partners = f["agents"][next(iter(f["agents"]))].shape[2]
        first_trace = next(iter(f["agents"]))
        trace = f["agents/" + first_trace][()]
        drawn = f["runs/model_constants"][()]
    assert groups == ["agents", "design", "final", "labels", "runs", "timeseries"]
    for group in [None] + groups:
        opened = xr.open_dataset(path, group=group, engine="h5netcdf")
        for name, variable in opened.variables.items():
            assert not [d for d in variable.dims if d.startswith("phony")], (group, name)
    agents = xr.open_dataset(path, group="agents", engine="h5netcdf")
    for name, variable in agents.data_vars.items():
        assert variable.dims == ("traced_run", "months", "partner"), name
    np.testing.assert_array_equal(agents[first_trace].values, trace)  # NaN where unrecorded
    design = xr.open_dataset(path, group="design", engine="h5netcdf")
    assert design.sizes["design_point"] == points
    for name, variable in design.data_vars.items():
        assert variable.dims == ("design_point",), name
    runs = xr.open_dataset(path, group="runs", engine="h5netcdf")
    assert runs["model_constants"].dims == ("run", "model_constant")
    np.testing.assert_array_equal(runs["model_constants"].values, drawn)
    labels = xr.open_dataset(path, group="labels", engine="h5netcdf")
    assert labels["outcome"].dims == ("outcome",)
    assert labels["outcome_cause"].dims == ("outcome_cause",)
    root = xr.open_dataset(path, engine="h5netcdf")
    np.testing.assert_array_equal(root["design_point"].values, np.arange(points))
    np.testing.assert_array_equal(root["traced_run"].values, [0, 1])
    np.testing.assert_array_equal(root["partner"].values, np.arange(partners))
    assert [str(c) for c in root["model_constant"].values] == constants
    for axis in ("design_point", "traced_run", "partner", "model_constant"):
        assert root[axis].attrs["description"] and root[axis].attrs["units"], axis


def test_a_merged_file_names_its_own_axes(sweep_file, tmp_path):
    """Merge copies /design and /labels from a finished shard, whose tables name the shard's
    own axes: the merged file's tables name the merged file's, which xarray follows."""
    shards = []
    for k in (1, 2):
        shards.append(tmp_path / f"shard{k}.h5")
        run_cli("run", SWEEP, "-o", shards[-1], *SMALL, "--shard", f"{k}/2", "--quiet")
    merged = tmp_path / "merged.h5"
    run_cli("merge", merged, *shards)
    design = xr.open_dataset(merged, group="design", engine="h5netcdf")
    with h5py.File(sweep_file) as f:
        points = f["design/grid_cell"].shape[0]
        durations = f["design/setup.duration"].asstr()[()]
        for name, table in f["design"].items():
            assert [scale.name for scale in table.dims[0].values()] == ["/design_point"], name
    assert design.sizes["design_point"] == points
    assert list(design["setup.duration"].values) == list(durations)
    with h5py.File(merged) as f:
        for name, table in f["design"].items():
            assert [scale.name for scale in table.dims[0].values()] == ["/design_point"], name
    labels = xr.open_dataset(merged, group="labels", engine="h5netcdf")
    assert labels["outcome"].dims == ("outcome",)


def test_pandas_reads_a_table_of_runs(sweep_file):
    frame = xr.open_dataset(sweep_file, group="final", engine="h5netcdf").to_dataframe()
    with h5py.File(sweep_file) as f:
        np.testing.assert_array_equal(frame.index.values, f["runs/run_index"][()])
        np.testing.assert_array_equal(frame[MEASURE].values, f["final/" + MEASURE][()])


def test_seeds_are_int64_with_the_unsigned_bits(sweep_file):
    """Some seeds of a sweep are 2^63 or more (half of them, for random 64-bit seeds): stored as
    int64 they read negative, and view('uint64') gives the seed the run used."""
    with h5py.File(sweep_file) as f:
        seeds = f["runs/seed"][()]
    assert seeds.dtype == np.int64
    assert (seeds < 0).any(), "this test needs a seed of 2^63 or more"


R_SCRIPT = r"""
library(hdf5r)
args <- commandArgs(trailingOnly = TRUE)
f <- H5File$new(args[1], mode = "r")
seed <- f[["runs/seed"]]$read()
# hdf5r gives R's column-major order: months x runs; t() makes it runs x months, as h5py.
series <- t(f[["timeseries/trust_partner_facilitator"]]$read())
write.csv(data.frame(seed = as.character(seed)), args[2], row.names = FALSE)
write.csv(series, args[3], row.names = FALSE)
"""


def test_r_reads_seeds_exactly_and_series_runs_by_months(sweep_file, tmp_path):
    if shutil.which("Rscript") is None:
        pytest.skip("R is not installed (Debian: r-base-core r-cran-hdf5r)")
    script = tmp_path / "read.R"
    script.write_text(R_SCRIPT)
    seeds_csv, series_csv = tmp_path / "seeds.csv", tmp_path / "series.csv"
    done = subprocess.run(["Rscript", str(script), str(sweep_file), str(seeds_csv),
                           str(series_csv)], capture_output=True, text=True)
    if "there is no package called" in done.stderr:
        pytest.skip("R has no hdf5r (Debian: r-cran-hdf5r)")
    assert done.returncode == 0, done.stderr
    with h5py.File(sweep_file) as f:
        seeds = f["runs/seed"][()]
        series = f["timeseries/" + MEASURE][()]
    with open(seeds_csv) as file:
        r_seeds = [int(row["seed"]) for row in csv.DictReader(file)]
    assert r_seeds == [int(s) for s in seeds]  # every bit, negative ones included
    r_series = np.loadtxt(series_csv, delimiter=",", skiprows=1)
    assert r_series.shape == series.shape  # runs x months
    np.testing.assert_allclose(r_series, series, rtol=1e-6)  # R writes 15 significant digits


def test_every_dataset_of_the_analysis_file_is_described(sweep_file):
    run_cli("analyze", sweep_file, "--interaction", "setup.join_month,setup.duration")
    analysis = sweep_file.with_name(sweep_file.stem + ".analysis.h5")
    datasets = []
    with h5py.File(analysis) as f:
        assert "analysis file" in f.attrs["description"].decode()  # fixed-length: bytes
        assert f.attrs["partnersim_version"]
        f.visititems(lambda name, obj: datasets.append((name, dict(obj.attrs)))
                     if isinstance(obj, h5py.Dataset) else None)
    assert len(datasets) > 20
    for name, attrs in datasets:
        assert attrs.get("description") and attrs.get("units"), name
    described = dict(datasets)
    measure = described["main_effects/measure"]["description"].decode()
    assert measure.startswith("Name of the measure")


def test_a_file_with_the_old_uint64_seeds_reads_the_same(sweep_file, tmp_path):
    """Files written before the int64 seeds store uint64: partnersim (here `export`, which
    prints every run's seed) and open_results read the same seeds from both."""
    import partnersim
    old = tmp_path / "old.h5"
    shutil.copy(sweep_file, old)
    with h5py.File(old, "r+") as f:
        seeds = f["runs/seed"][()].view(np.uint64)
        attrs = dict(f["runs/seed"].attrs)
        del f["runs/seed"]
        f["runs/seed"] = seeds
        for key in ("description", "units"):
            f["runs/seed"].attrs[key] = attrs[key]
    assert h5py.File(old)["runs/seed"].dtype == np.uint64
    for path in (sweep_file, old):
        run_cli("export", path, "--csv", tmp_path / path.stem)
    new_csv = (tmp_path / sweep_file.stem / "runs.csv").read_text()
    assert new_csv == (tmp_path / "old" / "runs.csv").read_text()
    assert str(int(seeds.max())) in new_csv  # the unsigned value, not the int64 one
    np.testing.assert_array_equal(partnersim.open_results(old)["seed"].values,
                                  partnersim.open_results(sweep_file)["seed"].values)
