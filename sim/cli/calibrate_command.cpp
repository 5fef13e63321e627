#include <algorithm>
#include <iomanip>
#include <sstream>

#include "app/calibrate_model.hpp"
#include "cli/commands.hpp"
#include "cli/exit_code.hpp"
#include "cli/interrupt.hpp"
#include "cli/terminal_progress.hpp"

namespace partnersim {
namespace {

// More overrides than this make a line nobody would paste.
constexpr std::size_t max_printed_overrides = 40;

std::string number(double value, int precision = 3) {
    std::ostringstream text;
    const double size = std::abs(value);
    if (size >= 1000)
        precision = 0;
    else if (size >= 100)
        precision = std::min(precision, 1);
    text << std::fixed << std::setprecision(precision) << value;
    return text.str();
}

std::string band_text(const analysis::TargetBand& band) {
    if (band.low == band.high) return number(band.low);
    return number(band.low) + "-" + number(band.high);
}

void print_constants(const app::CalibrationOutcome& outcome, std::ostream& out) {
    out << "Constants, most pinned down first: prior (uniform on the plausible range), the "
           "accepted samples'\n5%-95% range and median, and ratio = that range's width over the "
           "prior's central 90%\n(about 1: the targets say nothing about it). ! the default lies "
           "outside the 5%-95% range.\n\n";
    std::vector<const app::CalibratedConstant*> order;
    for (const auto& c : outcome.constants) order.push_back(&c);
    std::stable_sort(order.begin(), order.end(), [](const auto* a, const auto* b) {
        return a->range.width_ratio < b->range.width_ratio;
    });
    std::size_t width = 8;
    for (const auto* c : order) width = std::max(width, c->name.size());
    out << "  " << std::left << std::setw(static_cast<int>(width)) << "constant" << std::right
        << std::setw(9) << "default" << std::setw(19) << "prior" << std::setw(19)
        << "posterior 5-95%" << std::setw(9) << "median" << std::setw(7) << "ratio" << '\n';
    for (const auto* c : order) {
        const auto& r = c->range;
        const bool excluded = c->default_value < r.low || c->default_value > r.high;
        out << "  " << std::left << std::setw(static_cast<int>(width)) << c->name << std::right
            << std::setw(9) << number(c->default_value) << std::setw(19)
            << (number(r.prior_low) + " - " + number(r.prior_high)) << std::setw(19)
            << (number(r.low) + " - " + number(r.high)) << std::setw(9) << number(r.median)
            << std::setw(7) << number(r.width_ratio, 2) << (excluded ? " !" : "") << '\n';
    }
    out << '\n';
}

void print_targets(const app::CalibrationOutcome& outcome, std::ostream& out) {
    out << "Targets: the figure, the default constants' statistic (mean over replicates, "
           "s.e.) and its deviation\nin tolerances (0 = within the target; <= 1 counts as met), "
           "and the statistic over accepted samples\n(5%-95%, median deviation).\n\n";
    for (const auto& t : outcome.targets) {
        out << "  " << t.name << ": " << t.measure << ", " << t.months << " of " << t.scenario
            << '\n'
            << "    target " << band_text(t.band) << " +- " << number(t.band.tolerance)
            << "   default " << number(t.default_value) << " (s.e. " << number(t.default_se)
            << "), deviation " << number(t.default_deviation, 2)
            << (t.default_deviation <= 1.0 ? " met" : " MISSED") << "   accepted "
            << number(t.accepted_low) << " - " << number(t.accepted_high) << ", deviation "
            << number(t.accepted_deviation, 2) << '\n'
            << "    source: " << t.source << '\n';
    }
    out << '\n';
}

void print_outcome(const app::CalibrationOutcome& outcome, std::ostream& out) {
    out << "ABC rejection on " << outcome.targets_file << ": " << outcome.samples
        << " Latin hypercube samples of " << outcome.constants.size() << " constants, "
        << outcome.replicates << " replicates each per target scenario (" << outcome.runs
        << " runs);\naccepted the " << outcome.accepted
        << " nearest (distance <= " << number(outcome.threshold)
        << "; the default constants' distance is " << number(outcome.default_distance)
        << ").\nDistance: root mean square over targets of the deviation in tolerances.\n\n";
    print_constants(outcome, out);
    print_targets(outcome, out);
    out << "Nearest accepted sample (" << outcome.best_sample << ", distance "
        << number(outcome.best_distance) << ")";
    if (outcome.constants.size() > max_printed_overrides) {
        out << ": its " << outcome.constants.size()
            << " constants are its row of calibration_samples (-o FILE)\n";
        return;
    }
    out << ", as overrides:\n ";
    for (std::size_t c = 0; c < outcome.constants.size(); ++c) {
        out << " --set " << outcome.constants[c].name << '=' << outcome.best_values[c];
    }
    out << '\n';
}

}  // namespace

int calibrate_command(const CalibrateCommandOptions& options, std::ostream& out,
                      std::ostream& err) {
    return guarded(err, [&] {
        InterruptGuard interrupt;
        TerminalProgress progress(options.quiet, err);
        app::CalibrateRequest request;
        request.targets = options.targets;
        request.samples = options.samples;
        request.replicates = options.replicates;
        request.constants = options.constants;
        request.only = options.only;
        request.accept = options.accept;
        request.seed = options.seed;
        request.threads = options.threads;
        request.output = options.output;
        request.force = options.force;
        request.stop = &interrupt.requested();
        request.observer = &progress;
        const app::CalibrationOutcome outcome = app::calibrate_model(request);
        print_outcome(outcome, out);
        if (!outcome.saved.empty() && !options.quiet) {
            err << "wrote the calibration to " << outcome.saved.string() << '\n';
        }
        return exit_ok;
    });
}

}  // namespace partnersim
