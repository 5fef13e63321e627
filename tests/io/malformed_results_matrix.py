"""The malformed-file matrix of issue 16: every command that reads results, on every kind of
damaged results file, ends with exit 2 and a message naming the file (and the dataset, where
one is at fault), never a crash (a signal), a hang (a timeout) or a number made of garbage.

    /usr/bin/python3 tests/io/malformed_results_matrix.py PARTNERSIM_EXECUTABLE

Builds one genuine results file of a small sweep, then damaged copies of it with h5py; the
damage is what a truncated copy, a disk fault or a hand-made file gives. `run --resume` reads a
damaged .partial and may start over (it says so, and exits 0) or refuse (exit 2); it must not
crash, hang or write through a symbolic link.
"""
import os
import shutil
import subprocess
import sys
import tempfile

import h5py
import numpy as np

TIMEOUT = 120  # seconds per command; every command here takes well under one on a good file

SWEEP = """[run]
months = 6
replicates = 3
seed = 11

[partners]
count = 5

[sweep.grid]
"setup.duration" = ["open_ended", "time_bound"]
"setup.review" = [true, false]
"""


def run(args, cwd):
    try:
        done = subprocess.run(args, cwd=cwd, capture_output=True, text=True, timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        return None
    return done


# Changes are made in the checksummed 1.10 layout partnersim writes, so that what the readers
# meet is the damage itself; the oldest layout (h5py's default) is refused before any of it.
LAYOUT = ("v110", "latest")


def replace_dataset(path, name, make):
    with h5py.File(path, "r+", libver=LAYOUT) as f:
        attrs = dict(f[name].attrs)
        del f[name]
        make(f, name)
        for key, value in attrs.items():
            f[name].attrs[key] = value


def first_final(path):
    with h5py.File(path, "r") as f:
        return "final/" + sorted(f["final"].keys())[0]


def damaged_copies(good, folder):
    """(label, path, dataset named in the message or None)"""
    final = first_final(good)
    size = os.path.getsize(good)
    cases = []

    def copy(label):
        path = os.path.join(folder, label + ".h5")
        shutil.copyfile(good, path)
        return path

    path = os.path.join(folder, "empty.h5")
    open(path, "wb").close()
    cases.append(("empty", path, None))

    path = os.path.join(folder, "short.h5")
    with open(good, "rb") as src, open(path, "wb") as dst:
        dst.write(src.read(600))
    cases.append(("short", path, None))

    path = copy("wrong_rank")
    replace_dataset(path, final, lambda f, n: f.create_dataset(n, data=np.zeros((8, 3))))
    cases.append(("wrong_rank", path, final))

    path = copy("wrong_type")
    replace_dataset(path, final, lambda f, n: f.create_dataset(n, data=np.array([b"x"] * 12)))
    cases.append(("wrong_type", path, final))

    path = copy("huge_declared")
    replace_dataset(path, final, lambda f, n: f.create_dataset(
        n, shape=(10**10,), dtype="f8", chunks=(1024,), maxshape=(None,)))
    cases.append(("huge_declared", path, final))

    path = copy("empty_final")
    replace_dataset(path, final, lambda f, n: f.create_dataset(n, shape=(0,), dtype="f8"))
    cases.append(("empty_final", path, final))

    path = copy("short_final")
    replace_dataset(path, final, lambda f, n: f.create_dataset(n, data=np.zeros(3)))
    cases.append(("short_final", path, final))

    for months in (0, -5, 2**31 - 1):
        path = copy("months_%d" % months)
        with h5py.File(path, "r+", libver=LAYOUT) as f:
            f.attrs.modify("months", np.int32(months))
        cases.append(("months_%d" % months, path, "months"))

    # Bit flips in the first kilobyte (superblock, root group, object headers), fixed seed.
    rng = np.random.default_rng(16)
    path = copy("bit_flipped")
    with open(path, "r+b") as f:
        data = bytearray(f.read())
        for offset in rng.integers(8, min(1024, size), 24):
            data[offset] ^= 1 << int(rng.integers(0, 8))
        f.seek(0)
        f.write(data)
    cases.append(("bit_flipped", path, None))

    # The same file in HDF5's oldest layout, without checksums (as partnersim wrote direct
    # files before 3 Dec 2026, and h5py writes by default).
    path = os.path.join(folder, "oldest_layout.h5")
    with h5py.File(good, "r") as src, h5py.File(path, "w") as dst:
        for name in src:
            src.copy(name, dst)
        for key, value in src.attrs.items():
            dst.attrs[key] = value
    with open(path, "rb") as f:
        assert f.read(9)[8] == 0, "h5py wrote a newer superblock"
    cases.append(("oldest_layout", path, "superblock version 0"))

    # A variable-length string (h5py's default for str, partnersim's before 3 Dec 2026): its
    # global heap has no checksum, and libhdf5 1.10.8 reads past a damaged one.
    path = copy("variable_length_string")
    with h5py.File(path, "r+", libver=LAYOUT) as f:
        command_line = f.attrs["command_line"]
        del f.attrs["command_line"]
        f.attrs["command_line"] = (command_line.decode() if isinstance(command_line, bytes)
                                   else str(command_line))
        assert h5py.check_string_dtype(f.attrs.get_id("command_line").dtype).length is None
    cases.append(("variable_length_string", path, "command_line"))

    # Attributes in dense storage (partnersim's root until 3 Dec 2026, or any object given
    # more attributes than its header keeps compact, 256 in partnersim's files): a long one is
    # a fractal-heap huge object without a checksum, which libhdf5 decodes when it opens it.
    path = copy("dense_attributes")
    with h5py.File(path, "r+", libver=LAYOUT) as f:
        for i in range(300):
            f.attrs["extra_%d" % i] = np.int32(i)
    cases.append(("dense_attributes", path, "dense attribute storage"))

    path = os.path.join(folder, "truncated.h5")
    with open(good, "rb") as src, open(path, "wb") as dst:
        dst.write(src.read(size // 2))
    cases.append(("truncated", path, None))
    return cases


def variable_length_items(path):
    """Every variable-length attribute or dataset of a file partnersim wrote, but the dimension
    scales' DIMENSION_LIST (HDF5's convention, never read): there must be none."""
    found = []

    def is_variable(dtype):
        return h5py.check_vlen_dtype(dtype) is not None or (
            h5py.check_string_dtype(dtype) is not None
            and h5py.check_string_dtype(dtype).length is None)

    def visit(name, obj):
        if isinstance(obj, h5py.Dataset) and is_variable(obj.dtype):
            found.append("good file: variable-length dataset " + name)
        for key in obj.attrs:
            if key != "DIMENSION_LIST" and is_variable(obj.attrs.get_id(key).dtype):
                found.append("good file: variable-length attribute %s of %s" % (key, name))

    with h5py.File(path, "r") as f:
        visit("/", f)
        f.visititems(visit)
    with open(path, "rb") as f:
        if f.read(9)[8] != 3:
            found.append("good file: not superblock version 3")
    return found


def commands(results, folder):
    out = os.path.join(folder, "out")
    return {
        "summary": ["summary", results],
        "analyze": ["analyze", results, "--resamples", "100"],
        "discover": ["discover", results, "--success", "candour > 0.1"],
        "export": ["export", results, "--csv", out + "-csv", "--force"],
        "report": ["report", results, "-o", out + "-report", "--force"],
        "merge": ["merge", out + "-merged.h5", results, "--force"],
    }


def main():
    exe = os.path.abspath(sys.argv[1])
    failures = []
    with tempfile.TemporaryDirectory(prefix="partnersim-malformed-") as folder:
        scenario = os.path.join(folder, "sweep.toml")
        with open(scenario, "w") as f:
            f.write(SWEEP)
        good = os.path.join(folder, "good.h5")
        done = run([exe, "run", scenario, "-o", good, "-q"], folder)
        assert done is not None and done.returncode == 0, done and done.stderr
        failures += variable_length_items(good)
        for name, args in commands(good, folder).items():
            if name == "merge":
                continue  # it joins shard files; a whole run's file is refused, rightly
            done = run([exe] + args, folder)
            if done is None or done.returncode != 0:
                failures.append("%s on the good file: %s" % (name, done and done.stderr))
        for label, path, dataset in damaged_copies(good, folder):
            for name, args in commands(path, folder).items():
                done = run([exe] + args, folder)
                what = "%s x %s" % (name, label)
                if done is None:
                    failures.append(what + ": hung (no end within %d s)" % TIMEOUT)
                    continue
                if done.returncode < 0:
                    failures.append(what + ": killed by signal %d" % -done.returncode)
                elif done.returncode != 2:
                    failures.append("%s: exit %d, expected 2; stdout %r stderr %r" % (
                        what, done.returncode, done.stdout[-300:], done.stderr[-300:]))
                elif path not in done.stderr:
                    failures.append(what + ": the message does not name the file: "
                                    + done.stderr)
                elif dataset and dataset not in done.stderr:
                    failures.append(what + ": the message does not name " + dataset + ": "
                                    + done.stderr)
            # The same damage in a .partial that `run --resume` reads.
            output = os.path.join(folder, "resumed-%s.h5" % label)
            shutil.copyfile(path, output + ".partial")
            done = run([exe, "run", scenario, "-o", output, "--resume", "-q"], folder)
            what = "run --resume x " + label
            if done is None:
                failures.append(what + ": hung")
            elif done.returncode < 0:
                failures.append(what + ": killed by signal %d" % -done.returncode)
            elif done.returncode not in (0, 2):
                failures.append("%s: exit %d: %s" % (what, done.returncode, done.stderr))
    for failure in failures:
        print("FAIL", failure)
    print("%d failures" % len(failures))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
