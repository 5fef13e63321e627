// partnersim._partnersim: the application layer's `run` and `compare` use cases for Python, a
// front end beside the command line. The Python half (partnersim/__init__.py) gives them their
// xarray shape; this module only fills requests, runs them without the GIL (stopping on Ctrl-C),
// and turns the errors of engine/error.hpp into Python exceptions carrying the located message.

#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>
#include <pybind11/stl/filesystem.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <exception>
#include <filesystem>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <type_traits>
#include <vector>

#include "app/compare_designs.hpp"
#include "app/run_experiment.hpp"
#include "engine/error.hpp"

namespace py = pybind11;

namespace partnersim::python {
namespace {

// The exception types, created once when the module is imported and kept for its lifetime.
struct ErrorTypes {
    PyObject* input = nullptr;        // InputError(ValueError)
    PyObject* failure = nullptr;      // RuntimeFailure(RuntimeError)
    PyObject* interrupted = nullptr;  // Interrupted(KeyboardInterrupt)
};
ErrorTypes error_types;

PyObject* new_error_type(py::module_& module, const char* name, PyObject* base, const char* doc) {
    const std::string qualified = std::string("partnersim.") + name;
    PyObject* type = PyErr_NewExceptionWithDoc(qualified.c_str(), doc, base, nullptr);
    if (type == nullptr) throw py::error_already_set();
    module.add_object(name, py::reinterpret_borrow<py::object>(type));
    return type;
}

// An InputError as a Python exception with the location as attributes (file, line, parameter).
void raise_input_error(const InputError& error) {
    py::object exception = py::reinterpret_borrow<py::object>(error_types.input)(error.what());
    exception.attr("file") = error.file();
    exception.attr("line") = error.line();
    exception.attr("parameter") = error.key();  // the dotted key (engine/error.hpp), or ""
    PyErr_SetObject(error_types.input, exception.ptr());
}

// By value: pybind11's translator type is void (*)(std::exception_ptr).
void translate_errors(std::exception_ptr thrown) {  // NOLINT(performance-unnecessary-value-param)
    try {
        if (thrown) std::rethrow_exception(thrown);
    } catch (const InputError& error) {
        raise_input_error(error);
    } catch (const Interrupted& error) {
        PyErr_SetString(error_types.interrupted, error.what());
    } catch (const RuntimeFailure& error) {
        PyErr_SetString(error_types.failure, error.what());
    }
}

// The options run and compare share, as keywords (partnersim/running.py passes them all).
constexpr std::array<const char*, 4> common_options{"replicates", "seed", "threads", "uncertainty"};

// A keyword's value, or `otherwise` without it; a value of the wrong type (a negative seed, a
// string for threads) is a TypeError naming the keyword, as it was when they were arguments.
template <class T>
T keyword(const py::kwargs& options, const char* name, T otherwise) {
    if (!options.contains(name)) return otherwise;
    try {
        return options[name].cast<T>();
    } catch (const py::cast_error&) {
        throw py::type_error(std::string(name) + ": " +
                             py::repr(options[name]).cast<std::string>() + " is not a valid value");
    }
}

// Fills what `request` shares with the other use case from the keywords; a keyword that is not
// one of common_options is a TypeError, as Python's own functions make it.
template <class Request>
void fill_common(Request& request, const py::kwargs& options) {
    for (const auto& item : options) {
        const auto key = py::cast<std::string>(item.first);
        if (std::find(common_options.begin(), common_options.end(), key) == common_options.end()) {
            throw py::type_error("unexpected keyword argument '" + key + "'");
        }
    }
    // run keeps the scenario's options in its ScenarioRequest, compare beside its two files.
    auto& scenario = [&]() -> auto& {
        if constexpr (std::is_same_v<Request, app::RunRequest>) {
            return request.scenario;
        } else {
            return request;
        }
    }
    ();
    scenario.replicates = keyword<std::optional<std::int64_t>>(options, "replicates", {});
    scenario.seed = keyword<std::optional<std::uint64_t>>(options, "seed", {});
    scenario.uncertainty = keyword(options, "uncertainty", false);
    request.threads = keyword(options, "threads", 0);
}

// How soon Ctrl-C is noticed while a use case runs.
constexpr auto signal_check_interval = std::chrono::milliseconds(50);

// Runs `use_case` (given the stop flag its request holds) on a thread of its own, without the
// GIL, while this thread checks Python's signals, as the interpreter would between bytecodes:
// Ctrl-C's KeyboardInterrupt (whatever the SIGINT handler raises) sets `stop`, the use case
// starts no more runs and returns, and the exception is raised here. Only Python's main thread
// sees signals; called from another, the use case runs to its end, like Python code would.
template <class UseCase>
auto interruptible(std::atomic<bool>& stop, UseCase use_case) -> decltype(use_case()) {
    std::optional<decltype(use_case())> outcome;
    std::exception_ptr failure;
    std::mutex mutex;
    std::condition_variable finished;
    bool done = false;
    std::optional<py::error_already_set> raised;
    std::thread worker([&] {
        try {
            outcome.emplace(use_case());
        } catch (...) {
            failure = std::current_exception();
        }
        const std::lock_guard lock(mutex);
        done = true;
        finished.notify_one();
    });
    {
        const py::gil_scoped_release release;
        std::unique_lock lock(mutex);
        while (!finished.wait_for(lock, signal_check_interval, [&] { return done; })) {
            if (raised) continue;  // stopping: wait for the runs under way
            lock.unlock();
            {
                const py::gil_scoped_acquire acquire;
                if (PyErr_CheckSignals() != 0) raised.emplace();  // takes the pending exception
            }
            if (raised) stop.store(true);
            lock.lock();
        }
    }
    worker.join();
    if (raised) throw *raised;
    if (failure) std::rethrow_exception(failure);
    return std::move(*outcome);
}

// Runs the experiment into `output` (a new file); returns the number of runs written.
std::uint64_t run_to_file(const std::filesystem::path& scenario, std::vector<std::string> overrides,
                          std::uint64_t trace_runs, const std::filesystem::path& output,
                          const std::string& recorded_as, const py::kwargs& options) {
    app::RunRequest request;
    request.scenario.file = scenario;
    request.scenario.overrides = std::move(overrides);
    fill_common(request, options);
    request.output = output;
    request.trace_runs = trace_runs;
    request.command_line = recorded_as;
    std::atomic<bool> stop{false};
    request.stop = &stop;
    return interruptible(stop, [&] { return app::run_experiment(request); }).done;
}

py::array_t<double> matrix(std::size_t rows, std::size_t columns) {
    return py::array_t<double>({static_cast<py::ssize_t>(rows), static_cast<py::ssize_t>(columns)});
}

// The comparison as plain arrays: per measure and month (`*_by_month`), and at the final month.
py::dict comparison_dict(const app::ComparisonOutcome& outcome) {
    const analysis::ScenarioComparison& comparison = outcome.comparison;
    const std::size_t measures = comparison.measures.size();
    const auto months = static_cast<std::size_t>(comparison.months);
    const char* fields[] = {"baseline_mean", "variant_mean", "difference",
                            "low",           "high",         "standardised"};
    const auto values = [](const analysis::PairedEffect& e) {
        return std::array<double, 6>{e.baseline_mean,  e.variant_mean,    e.difference.estimate,
                                     e.difference.low, e.difference.high, e.standardised};
    };
    std::vector<py::array_t<double>> by_month;
    std::vector<py::array_t<double>> at_end;
    for (std::size_t f = 0; f < 6; ++f) {
        by_month.push_back(matrix(measures, months));
        at_end.push_back(py::array_t<double>(static_cast<py::ssize_t>(measures)));
    }
    std::vector<std::string> names;
    for (std::size_t m = 0; m < measures; ++m) {
        const analysis::MeasureComparison& measure = comparison.measures[m];
        names.push_back(measure.measure);
        const auto final_values = values(measure.final);
        for (std::size_t f = 0; f < 6; ++f) at_end[f].mutable_at(m) = final_values[f];
        for (std::size_t month = 0; month < months && month < measure.by_month.size(); ++month) {
            const auto monthly = values(measure.by_month[month]);
            for (std::size_t f = 0; f < 6; ++f) by_month[f].mutable_at(m, month) = monthly[f];
        }
    }
    py::dict result;
    result["measures"] = names;
    result["months"] = comparison.months;
    result["replicates"] = comparison.replicates;
    result["confidence"] = comparison.confidence;
    for (std::size_t f = 0; f < 6; ++f) {
        result[py::str(std::string(fields[f]) + "_by_month")] = by_month[f];
        result[py::str(fields[f])] = at_end[f];
    }
    result["baseline_label"] = outcome.baseline_label;
    result["variant_label"] = outcome.variant_label;
    result["differences"] = outcome.differences;
    result["notes"] = outcome.notes;
    result["interval_kind"] = outcome.interval_kind;
    result["baseline_failure"] = std::array<double, 3>{outcome.baseline_risk.failure.share.estimate,
                                                       outcome.baseline_risk.failure.share.low,
                                                       outcome.baseline_risk.failure.share.high};
    result["variant_failure"] = std::array<double, 3>{outcome.variant_risk.failure.share.estimate,
                                                      outcome.variant_risk.failure.share.low,
                                                      outcome.variant_risk.failure.share.high};
    result["failure_difference"] =
        std::array<double, 3>{outcome.failure_difference.estimate, outcome.failure_difference.low,
                              outcome.failure_difference.high};
    return result;
}

py::dict compare(const std::filesystem::path& baseline,
                 const std::optional<std::filesystem::path>& variant,
                 std::vector<std::string> variant_overrides,
                 std::vector<std::string> baseline_overrides, const py::kwargs& options) {
    app::CompareRequest request;
    request.baseline = baseline;
    request.variant = variant;
    request.variant_overrides = std::move(variant_overrides);
    request.baseline_overrides = std::move(baseline_overrides);
    fill_common(request, options);
    std::atomic<bool> stop{false};
    request.stop = &stop;
    return comparison_dict(interruptible(stop, [&] { return app::compare_designs(request); }));
}

}  // namespace
}  // namespace partnersim::python

PYBIND11_MODULE(_partnersim, module) {
    using namespace partnersim::python;
    module.doc() = "partnersim's application layer (run, compare); use the package partnersim";
    error_types.input = new_error_type(
        module, "InputError", PyExc_ValueError,
        "Bad input: a scenario key, a value, a missing file, an existing output. The message "
        "names the file, line and key; so do the attributes file, line and parameter.");
    error_types.failure = new_error_type(module, "RuntimeFailure", PyExc_RuntimeError,
                                         "A failure the input does not explain (e.g. writing).");
    error_types.interrupted = new_error_type(module, "Interrupted", PyExc_KeyboardInterrupt,
                                             "The run was asked to stop.");
    py::register_exception_translator(&translate_errors);
    module.attr("version") = PARTNERSIM_VERSION;
    module.def("run_to_file", &run_to_file, py::arg("scenario"), py::arg("overrides"),
               py::arg("trace_runs"), py::arg("output"), py::arg("recorded_as"),
               "Runs a scenario file (with its sweep) into a new results file; returns the runs "
               "written. Keywords replicates, seed, threads, uncertainty. The GIL is released "
               "while it runs; Ctrl-C stops it (KeyboardInterrupt).");
    module.def("compare", &compare, py::arg("baseline"), py::arg("variant"),
               py::arg("variant_overrides"), py::arg("baseline_overrides"),
               "Runs two scenarios with paired seeds and compares them, measure by measure and "
               "month by month. Keywords replicates, seed, threads, uncertainty. The GIL is "
               "released while it runs; Ctrl-C stops it (KeyboardInterrupt).");
}
