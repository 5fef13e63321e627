"""run() and compare(): the application layer's use cases (the module _partnersim), with a
scenario given as a path, a bundled scenario's name or TOML text, and `set` as a dict."""
import os
import pathlib
import tempfile

import numpy as np
import xarray as xr

from . import _partnersim
from .results import MONTH, open_results


def _scenarios_folder():
    """The bundled scenarios: $PARTNERSIM_SCENARIOS, or the source tree's scenarios/ (the
    package sits in <build>/python/partnersim; the source tree is the build's parent)."""
    if "PARTNERSIM_SCENARIOS" in os.environ:
        return pathlib.Path(os.environ["PARTNERSIM_SCENARIOS"])
    here = pathlib.Path(__file__).resolve().parent
    for folder in here.parents:
        if (folder / "scenarios" / "default.toml").is_file():
            return folder / "scenarios"
    return None


class _ScenarioFile:
    """A scenario as a file: an existing path as it is, "default" or "questions/x" as a bundled
    scenario, text with a newline as TOML (written to a temporary file for the call)."""

    def __init__(self, scenario):
        self.temporary = None
        text = str(scenario)
        if isinstance(scenario, os.PathLike) or os.path.exists(text):
            self.path = pathlib.Path(scenario)
        elif "\n" in text:
            self.temporary = tempfile.NamedTemporaryFile("w", suffix=".toml", delete=False)
            self.temporary.write(text)
            self.temporary.close()
            self.path = pathlib.Path(self.temporary.name)
        else:
            folder = _scenarios_folder()
            name = text if text.endswith(".toml") else text + ".toml"
            if folder is None or not (folder / name).is_file():
                raise _partnersim.InputError(
                    f"{text}: no such scenario file, and no bundled scenario of that name"
                    + (f" in {folder}" if folder else ""))
            self.path = folder / name

    def __enter__(self):
        return self.path

    def __exit__(self, *exc):
        if self.temporary is not None:
            os.unlink(self.temporary.name)


def _value(value):
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return repr(value)
    return str(value)


def _overrides(settings):
    """{"setup.duration": "open_ended"} as the --set strings "setup.duration=open_ended"."""
    return [f"{key}={_value(value)}" for key, value in (settings or {}).items()]


def _call(name, scenario, settings, replicates, seed):
    words = [f"partnersim.{name}({str(scenario)!r}"]
    words += [f"set {s}" for s in _overrides(settings)]
    if replicates is not None:
        words.append(f"replicates={replicates}")
    if seed is not None:
        words.append(f"seed={seed}")
    return ", ".join(words) + ")"


def run(scenario, set=None, replicates=None, seed=None, threads=0, uncertainty=False, trace=0):
    """Runs a scenario (and its [sweep]) and returns its results as open_results() gives them:
    an xarray.Dataset with dims run and month. `set` overrides keys by dotted name, as --set;
    replicates, seed, threads (0: all cores), uncertainty and trace as the command line's
    options. The GIL is released while the runs go; Ctrl-C stops them and raises
    KeyboardInterrupt, with nothing left on disk."""
    with _ScenarioFile(scenario) as path, tempfile.TemporaryDirectory() as folder:
        output = pathlib.Path(folder) / "results.h5"
        _partnersim.run_to_file(path, _overrides(set), trace, output,
                                _call("run", scenario, set, replicates, seed),
                                replicates=replicates, seed=seed, threads=threads,
                                uncertainty=uncertainty)
        return open_results(output)


def compare(baseline, variant=None, set=None, baseline_set=None, replicates=None, seed=None,
            threads=0, uncertainty=False):
    """Runs two scenarios with paired seeds (the variant is `variant`, or the baseline itself,
    with `set` applied; `baseline_set` changes the baseline) and returns an xarray.Dataset with
    dims measure and month: the baseline and variant means, the mean difference with its 95%
    interval (low, high) and the standardised effect, month by month; the same at the final
    month as final_<name> (dim measure). As `partnersim compare`."""
    with _ScenarioFile(baseline) as base, _ScenarioFile(variant or baseline) as other:
        result = _partnersim.compare(base, other if variant is not None else None,
                                     _overrides(set), _overrides(baseline_set),
                                     replicates=replicates, seed=seed, threads=threads,
                                     uncertainty=uncertainty)
    measures = result["measures"]
    months = np.arange(1, result["months"] + 1, dtype=np.int32)
    descriptions = {
        "baseline_mean": "Mean over the baseline's replicates",
        "variant_mean": "Mean over the variant's replicates",
        "difference": "Variant minus baseline: the mean over paired replicates",
        "low": "Lower end of the difference's interval (" + result["interval_kind"] + ")",
        "high": "Upper end of the difference's interval (" + result["interval_kind"] + ")",
        "standardised": "Difference in pooled standard deviations (Cohen's d)",
    }
    data = {}
    for name, description in descriptions.items():
        units = "standard deviations" if name == "standardised" else "the measure's units"
        data[name] = xr.Variable(("measure", MONTH), result[name + "_by_month"],
                                 attrs={"description": description + ", at the end of each month",
                                        "units": units})
        data["final_" + name] = xr.Variable("measure", result[name],
                                            attrs={"description": description
                                                   + ", at the final month", "units": units})
    attrs = {key: result[key] for key in ("baseline_label", "variant_label", "interval_kind",
                                          "replicates", "confidence")}
    attrs["differences"] = list(result["differences"])
    attrs["notes"] = list(result["notes"])
    for key in ("baseline_failure", "variant_failure", "failure_difference"):
        attrs[key] = list(result[key])  # share (or difference) of failed runs, low, high
    return xr.Dataset(data, coords={"measure": measures, MONTH: months}, attrs=attrs)
