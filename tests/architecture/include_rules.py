#!/usr/bin/python3
"""The floors' include rule (docs/architecture.md), checked over every #include "..." line:

    sim/model     model only
    sim/engine    model, engine
    sim/io        model, engine, io
    analysis      model, engine, io, analysis          (the C++ estimators)
    sim/app       everything but cli
    sim/cli       everything but io, and never HDF5 (the results layout is io's and app's)
    sim/workshop  everything but cli (a front end beside it; reads results through io's reader),
                  and never HDF5
    sim/docgen    model, docgen (the generated tables of docs/model.md)
    sim/mpi       model, engine, app, cli, mpi (the MPI program: run over ranks, then the CLI),
                  and never HDF5 (rank 0 writes through io's writer, reached through app)
    sim/python    everything but io and cli, and never HDF5 (a front end: the Python package
                  reads results files with h5py)
    and no floor but io includes HDF5 or io's internal headers (hdf5_handles, chunked_dataset)

Run with no argument it checks this source tree and exits 1 listing every violation. It first
checks itself on a small made-up tree with known violations, so a rule that stopped biting
fails the test too.
"""
import pathlib
import re
import sys
import tempfile

ALLOWED = {
    "sim/model": {"model"},
    "sim/engine": {"model", "engine"},
    "sim/io": {"model", "engine", "io"},
    "analysis": {"model", "engine", "io", "analysis"},
    "sim/app": {"model", "engine", "io", "analysis", "app"},
    "sim/cli": {"model", "engine", "analysis", "app", "cli", "workshop"},
    "sim/workshop": {"model", "engine", "io", "analysis", "app", "workshop"},
    "sim/docgen": {"model", "docgen"},
    "sim/mpi": {"model", "engine", "app", "cli", "mpi"},
    "sim/python": {"model", "engine", "analysis", "app"},
}
# System headers a floor must not include (the results file is HDF5; only io speaks it).
FORBIDDEN_SYSTEM = {"sim/cli": {"hdf5.h", "H5Cpp.h"},
                    "sim/mpi": {"hdf5.h", "H5Cpp.h"}, "sim/workshop": {"hdf5.h", "H5Cpp.h"},
                    "sim/app": {"hdf5.h", "H5Cpp.h"},
                    "sim/python": {"hdf5.h", "H5Cpp.h"},
                    "analysis": {"hdf5.h", "H5Cpp.h"},
                    "sim/model": {"hdf5.h", "toml.hpp", "fstream", "iostream"},
                    "sim/engine": {"hdf5.h", "toml.hpp"}}
# io's internal headers (the HDF5 C API's handles, the chunked datasets): for io alone.
IO_INTERNAL = {"io/hdf5_handles.hpp", "io/chunked_dataset.hpp"}
QUOTED = re.compile(r'^\s*#\s*include\s+"([^"]+)"')
ANGLED = re.compile(r'^\s*#\s*include\s+<([^>]+)>')


def violations(root):
    found = []
    for floor, allowed in ALLOWED.items():
        folder = root / floor
        if not folder.is_dir():
            continue
        for source in sorted(folder.rglob("*")):
            if source.suffix not in {".cpp", ".hpp", ".h"}:
                continue
            for number, line in enumerate(source.read_text(errors="replace").splitlines(), 1):
                where = f"{source.relative_to(root)}:{number}"
                quoted = QUOTED.match(line)
                if quoted:
                    target = quoted.group(1).split("/")[0]
                    if "/" in quoted.group(1) and target not in allowed:
                        found.append(f"{where}: {floor} may not include {quoted.group(1)}")
                    elif quoted.group(1) in IO_INTERNAL and floor != "sim/io":
                        found.append(f"{where}: {quoted.group(1)} is io-internal")
                angled = ANGLED.match(line)
                if angled and angled.group(1) in FORBIDDEN_SYSTEM.get(floor, set()):
                    found.append(f"{where}: {floor} may not include <{angled.group(1)}>")
    return found


def check_the_checker():
    with tempfile.TemporaryDirectory() as folder:
        root = pathlib.Path(folder)
        bad = {
            "sim/model/a.cpp": '#include "engine/run.hpp"\n',
            "sim/engine/b.cpp": '#include "io/hdf5_writer.hpp"\n',
            "sim/io/c.cpp": '#include "analysis/prim.hpp"\n',
            "analysis/d.cpp": '#include "app/run_experiment.hpp"\n',
            "analysis/i.cpp": '#include "io/hdf5_handles.hpp"\n',
            "sim/app/e.cpp": '#include "cli/commands.hpp"\n',
            "sim/workshop/j.cpp": '#include "cli/commands.hpp"\n',
            "sim/cli/f.cpp": '#include <hdf5.h>\n#include "io/hdf5_reader.hpp"\n',
        }
        good = {"sim/cli/g.cpp": '#include "app/run_experiment.hpp"\n#include <vector>\n',
                "sim/model/h.cpp": '#include "model/trust.hpp"\n'}
        for name, text in {**bad, **good}.items():
            (root / name).parent.mkdir(parents=True, exist_ok=True)
            (root / name).write_text(text)
        found = violations(root)
        expected = len(bad) + 1  # f.cpp breaks two rules
        if len(found) != expected or any("g.cpp" in v or "h.cpp" in v for v in found):
            sys.exit("the include check is broken: on the made-up tree it found\n  " +
                     "\n  ".join(found))


def main():
    check_the_checker()
    root = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else __file__).resolve()
    if root.is_file():
        root = root.parents[2]
    found = violations(root)
    for v in found:
        print(v)
    if found:
        sys.exit(1)
    print("include rule between floors: kept")


if __name__ == "__main__":
    main()
