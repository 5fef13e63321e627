"""partnersim from Python: run a scenario or compare two, and read any results file, as xarray.

    import partnersim
    ds = partnersim.run("scenarios/default.toml", set={"setup.duration": "open_ended"},
                        replicates=50, seed=7)
    ds["trust_partner_facilitator"].median("run").plot()     # dims run x month
    df = ds.to_dataframe()                                   # pandas, indexed by (run, month)
    cmp = partnersim.compare("scenarios/default.toml", set={"setup.join_month": 12})
    same = partnersim.open_results("default.h5")             # what `partnersim run` wrote

Runs go through partnersim's application layer (the same code as the command line), so the same
scenario and seed give the same numbers as `partnersim run`, bit for bit. Errors are
partnersim.InputError (a ValueError naming file, line and key), RuntimeFailure or Interrupted.
See docs/python.md.
"""
from ._partnersim import InputError, Interrupted, RuntimeFailure, version  # noqa: F401
from .results import open_results  # noqa: F401
from .running import compare, run  # noqa: F401

__version__ = version
__all__ = ["run", "compare", "open_results", "InputError", "RuntimeFailure", "Interrupted"]
