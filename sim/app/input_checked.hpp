#pragma once
// The first steps of a use case read what the person named (a results file, a measure, a
// parameter) through functions of io and analysis that report a mistake as a std::exception of
// their own. Run through input_checked, any such exception is the person's to fix and becomes
// an InputError with the same message; errors of partnersim's own family pass unchanged.

#include <exception>

#include "engine/error.hpp"

namespace partnersim::app {

template <class Check>
decltype(auto) input_checked(Check&& check) {
    try {
        return check();
    } catch (const Error&) {
        throw;
    } catch (const std::exception& error) {
        throw InputError(error.what());
    }
}

}  // namespace partnersim::app
