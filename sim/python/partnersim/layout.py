"""The package's copy of the results contract's names (sim/io/results_layout.hpp); a C++ test
(ResultsLayout.PythonNamesMatch) checks each against the header."""
RUNS = "runs"
TIMESERIES = "timeseries"
FINAL = "final"
MONTHS = "months"
MONTHS_ATTRIBUTE = "months"
DESIGN = "design"
RUN_INDEX = "run_index"
DESIGN_POINT = "design_point"
REPLICATE = "replicate"
SEED = "seed"
DESCRIPTION = "description"
UNITS = "units"
DESIGN_STRUCTURE = ("grid_cell", "sample_index", "saltelli_role", "morris_factor")
# Root texts too long for an attribute are a root dataset of the same name.
ROOT_TEXTS = ("scenario", "command_line", "sweep")
