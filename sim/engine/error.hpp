#pragma once
// The errors partnersim reports to a person, as one family, so a front end maps them to what it
// shows (an exit code, an HTTP status, a Python exception) in one place:
//   InputError      the input is wrong (a scenario key, an option, a missing or unreadable file,
//                   an output that already exists); the person can fix it.
//   RuntimeFailure  something failed that the input does not explain (writing, a helper program).
//   Interrupted     the person asked to stop (Ctrl-C, SIGTERM) and nothing half-done was kept.
// A programmer's mistake (a broken precondition inside the library) stays std::logic_error or
// std::invalid_argument and is reported as a failure, never as bad input.
// The lowest floor that throws user errors is io, and analysis and the application layer throw
// them too; the family lives here, one floor below all three, so each can include it.

#include <stdexcept>
#include <string>
#include <utility>

namespace partnersim {

class Error : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// Bad user input, located where that is known: `file` (a path, or an option such as "--set"),
// `line` (0 when unknown) and `key` (a dotted parameter name, or empty). what() is the whole
// message for a person.
class InputError : public Error {
public:
    explicit InputError(const std::string& what) : Error(what) {}
    InputError(const std::string& what, std::string file, int line, std::string key)
        : Error(what), file_(std::move(file)), line_(line), key_(std::move(key)) {}

    const std::string& file() const { return file_; }
    int line() const { return line_; }
    const std::string& key() const { return key_; }

private:
    std::string file_;
    int line_ = 0;
    std::string key_;
};

class RuntimeFailure : public Error {
public:
    using Error::Error;
};

class Interrupted : public Error {
public:
    using Error::Error;
};

}  // namespace partnersim
