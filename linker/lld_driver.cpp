//===- linker/lld_driver.cpp - Running lld's ELF driver in-process --------===//
///
/// \file
/// lld as a library (lld/Common/Driver.h): lldMain with only the ELF driver
/// registered. lld keeps global state per link, so links are serialised;
/// its messages are captured in strings rather than printed, and the first
/// error line becomes the caller's one-line diagnostic.
///
//===----------------------------------------------------------------------===//

#include "linker/link_steps.h"

#include "lld/Common/Driver.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/raw_ostream.h"

#include <mutex>

LLD_HAS_DRIVER(elf)

namespace origo::linker {
namespace {

std::mutex lldMutex;
/// lldMain reports when a crash inside it leaves lld unable to run again.
bool lldUnusable = false;

/// The first line of \p text that carries an error, without lld's
/// "ld.lld: " prefix; else the first non-empty line.
std::string firstError(llvm::StringRef text) {
  llvm::SmallVector<llvm::StringRef, 8> lines;
  text.split(lines, '\n', -1, /*KeepEmpty=*/false);
  for (llvm::StringRef line : lines)
    if (line.contains("error:"))
      return line.trim().str();
  return lines.empty() ? std::string("lld failed without a message")
                       : lines.front().trim().str();
}

} // namespace

bool runLLD(const std::vector<std::string> &args, std::string &err) {
  std::lock_guard<std::mutex> lock(lldMutex);
  if (lldUnusable) {
    err = "lld cannot run again in this process after an earlier crash";
    return false;
  }
  // argv[0] "ld.lld" selects the GNU (ELF) flavour.
  std::vector<const char *> argv = {"ld.lld"};
  for (const std::string &a : args)
    argv.push_back(a.c_str());
  std::string out, errs;
  llvm::raw_string_ostream outOS(out), errOS(errs);
  lld::Result r =
      lld::lldMain(argv, outOS, errOS, {{lld::Gnu, &lld::elf::link}});
  outOS.flush();
  errOS.flush();
  if (!r.canRunAgain)
    lldUnusable = true;
  if (r.retCode != 0) {
    err = firstError(errs.empty() ? out : errs);
    return false;
  }
  return true;
}

} // namespace origo::linker
