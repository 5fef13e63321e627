#include "cli/exit_code.hpp"

#include <exception>

#include "engine/error.hpp"

namespace partnersim {

int guarded(std::ostream& err, const std::function<int()>& command) {
    try {
        return command();
    } catch (const Interrupted& stopped) {
        err << "interrupted: " << stopped.what() << '\n';
        return exit_interrupted;
    } catch (const InputError& error) {
        err << "error: " << error.what() << '\n';
        return exit_bad_input;
    } catch (const std::exception& error) {  // RuntimeFailure, or a failure of a lower floor
        err << "error: " << error.what() << '\n';
        return exit_failure;
    }
}

}  // namespace partnersim
