#pragma once
// Running another program (the Python scripts that draw figures) without a shell, so paths with
// spaces or quotes need no escaping. Its output goes to this process's stdout and stderr.

#include <string>
#include <vector>

namespace partnersim::app {

// Runs args[0] (a path, or a name searched on PATH) with `args` and waits. Returns its exit
// status, or -1 if it could not be started or was killed by a signal.
int run_program(const std::vector<std::string>& args);

// The Python interpreter for analysis scripts: $PARTNERSIM_PYTHON, else Debian's
// /usr/bin/python3 (the one with h5py, NumPy and matplotlib; another python3 first on PATH
// may lack them).
std::string analysis_python();

// The folder of the analysis scripts: $PARTNERSIM_ANALYSIS_DIR, else analysis/ beside the
// program (an install prefix's share/partnersim/analysis, or the source tree a build folder sits
// in: app/bundled_files.hpp), else the source tree's analysis/ this binary was built from (a
// build folder outside its source tree).
std::string analysis_scripts_folder();

}  // namespace partnersim::app
