// frontdoor-cli: every core operation from the command line (docs/cli.md).
#include "cli/Cli.h"

#include <iostream>

int main(int argc, char** argv) {
    const std::vector<std::string> args(argv + 1, argv + argc);
    return frontdoor::core::cli::run(args, std::cin, std::cout, std::cerr);
}
