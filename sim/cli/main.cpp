#include "cli/app.hpp"

int main(int argc, char** argv) {
    return partnersim::run_command_line(argc, argv);
}
