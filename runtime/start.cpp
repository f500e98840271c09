//===- runtime/start.cpp - Program start-up: main() -----------------------===//
///
/// \file
/// The C main() of every Go program. libc's start files call it; it records
/// the arguments, runs the package init functions in the order the linker
/// stage wrote into origo_inittab (the order of the Go spec's package
/// initialization), then runs main.main and exits 0, as gc's runtime.main
/// does. Scheduler and GC start-up will go here, before the inits.
///
//===----------------------------------------------------------------------===//

#include "runtime/start.h"
#include "runtime/abi.h"
#include "runtime/hash.h"

#include <unistd.h>

namespace origo::rt {
namespace {
ProcessArgs args;
uintptr_t mainFrame = 0;
} // namespace

const ProcessArgs &processArgs() { return args; }

uintptr_t mainFrameAddress() { return mainFrame; }

void exitProcess(int code) { ::_exit(code); }

} // namespace origo::rt

extern "C" void goMainMain() ORIGO_GO_NAME("main.main");

int main(int argc, char **argv, char **envp) {
  origo::rt::args = {argc, argv, envp};
  origo::rt::mainFrame =
      reinterpret_cast<uintptr_t>(__builtin_frame_address(0));
  origo::rt::algInit(); // hash keys and random seeds, before any Go code
  for (void (*const *init)() = origo::abi::origo_inittab; *init; ++init)
    (*init)();
  goMainMain();
  origo::rt::exitProcess(0);
}
