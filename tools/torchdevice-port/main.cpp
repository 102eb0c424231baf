#include "cli/Cli.h"

#include <iostream>
#include <unistd.h>

int main(int Argc, char **Argv) {
  return tdp::runCli(std::vector<std::string>(Argv + 1, Argv + Argc), std::cout, std::cerr, ::isatty(1) != 0);
}
