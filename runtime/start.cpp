//===- runtime/start.cpp - Program start-up: main() -----------------------===//
///
/// \file
/// The C main() of every Go program. libc's start files call it; it records
/// the arguments, runs the package init functions in the order the linker
/// stage wrote into origo_inittab (the order of the Go spec's package
/// initialization), then runs main.main and exits 0, as gc's runtime.main
/// does: on goroutine 1, which the scheduler (sched.cpp) runs on its own
/// stack. GC start-up will go here, before the inits.
///
//===----------------------------------------------------------------------===//

#include "runtime/start.h"
#include "runtime/abi.h"
#include "runtime/hash.h"
#include "runtime/sched.h"

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

namespace {
/// gc's runtime.main, run by goroutine 1; the process exits 0 when it
/// returns.
void runtimeMain() {
  for (void (*const *init)() = origo::abi::origo_inittab; *init; ++init)
    (*init)();
  goMainMain();
}
} // namespace

int main(int argc, char **argv, char **envp) {
  origo::rt::args = {argc, argv, envp};
  origo::rt::mainFrame =
      reinterpret_cast<uintptr_t>(__builtin_frame_address(0));
  origo::rt::algInit(); // hash keys and random seeds, before any Go code
  origo::rt::schedMain(runtimeMain);
}
