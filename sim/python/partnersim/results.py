"""Any partnersim results file as an xarray.Dataset: every measure's monthly series (dims run and
month) and final value (final_<measure>, dim run), with the run's design point, replicate, seed
and design parameters as coordinates, and each dataset's description and units as attributes.
Reads files from before the dimension scales and the int64 seeds too (the layout is in
sim/io/results_layout.hpp)."""
import h5py
import numpy as np
import xarray as xr

from . import layout as L

# The package's dimension names (the file's own scales are called run and months).
RUN, MONTH = "run", "month"


def _text(value):
    return value.decode() if isinstance(value, bytes) else value


def _attrs(obj):
    out = {}
    for key in (L.DESCRIPTION, L.UNITS):
        if key in obj.attrs:
            out[key] = _text(obj.attrs[key])
    return out


def _seed(dataset):
    """The seeds as uint64 whatever the file stores: int64 holding the same bits (this version)
    or uint64 (older files)."""
    values = dataset[()]
    return values.view(np.uint64) if values.dtype.kind == "i" else values.astype(np.uint64)


def _design_coordinates(f, design_point):
    coords = {}
    if L.DESIGN not in f:
        return coords
    for name, table in f[L.DESIGN].items():
        if name in L.DESIGN_STRUCTURE or not isinstance(table, h5py.Dataset):
            continue
        values = table.asstr()[()] if table.dtype.kind in "OS" else table[()]
        coords[name] = xr.Variable(RUN, np.asarray(values)[design_point], attrs=_attrs(table))
    return coords


def _root_attributes(f):
    attrs = {}
    for key, value in f.attrs.items():
        if isinstance(value, h5py.Empty):  # an empty list of strings (e.g. no grid factors)
            value = []
        value = _text(value)
        if isinstance(value, np.ndarray) and value.dtype.kind in "OS":
            value = [_text(v) for v in value]
        attrs[key] = value
    for key in L.ROOT_TEXTS:  # a text too long for an attribute: its dataset holds it
        if isinstance(f.get(key), h5py.Dataset):
            attrs[key] = _text(f[key][()])
    return attrs


def open_results(path):
    """The results file at `path` as an xarray.Dataset, read into memory (the file is closed)."""
    with h5py.File(path, "r") as f:
        runs = f[L.RUNS]
        design_point = runs[L.DESIGN_POINT][()]
        if L.MONTHS in f:
            months = xr.Variable(MONTH, f[L.MONTHS][()].astype(np.int32), attrs=_attrs(f[L.MONTHS]))
        else:
            months = xr.Variable(MONTH, np.arange(1, int(f.attrs[L.MONTHS_ATTRIBUTE]) + 1,
                                                  dtype=np.int32))
        coords = {
            RUN: xr.Variable(RUN, runs[L.RUN_INDEX][()], attrs=_attrs(runs[L.RUN_INDEX])),
            MONTH: months,
            L.DESIGN_POINT: xr.Variable(RUN, design_point, attrs=_attrs(runs[L.DESIGN_POINT])),
            L.REPLICATE: xr.Variable(RUN, runs[L.REPLICATE][()], attrs=_attrs(runs[L.REPLICATE])),
            L.SEED: xr.Variable(RUN, _seed(runs[L.SEED]), attrs=_attrs(runs[L.SEED])),
        }
        coords.update(_design_coordinates(f, design_point))
        data = {}
        for name, series in f[L.TIMESERIES].items():
            data[name] = xr.Variable((RUN, MONTH), series[()], attrs=_attrs(series))
        for name, value in f[L.FINAL].items():
            data["final_" + name] = xr.Variable(RUN, value[()], attrs=_attrs(value))
        return xr.Dataset(data, coords=coords, attrs=_root_attributes(f))
