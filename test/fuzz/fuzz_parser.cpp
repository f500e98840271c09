//===- test/fuzz/fuzz_parser.cpp - libFuzzer entry for lexer and parser ---===//
/// \file
/// Feeds arbitrary bytes to the front end as one file: lexing, parsing and
/// error recovery must never crash, hang or trip a sanitizer, whatever the
/// input. The tree is dumped too (dumpTree walks every node), and, once
/// frontend/ has a printer, every error-free tree is printed.
//===----------------------------------------------------------------------===//
#include "frontend/frontend.h"

#ifdef ORIGO_HAVE_PRINTER
#include "frontend/printer.h"
#endif

#include <cstddef>
#include <cstdint>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  origo::SourceManager sm;
  uint32_t id = sm.add("fuzz.go", std::string(reinterpret_cast<const char *>(data), size));
  origo::Diagnostics diags;
  std::unique_ptr<origo::syntax::Tree> tree = origo::syntax::parseFile(sm, id, diags);
  std::string dump = origo::syntax::dumpTree(*tree);
  for (const origo::Diagnostic &d : diags.all())
    dump += origo::Diagnostics::formatPos(sm, d.pos, origo::DiagOptions{}) + d.msg;
#ifdef ORIGO_HAVE_PRINTER
  if (diags.empty())
    dump += origo::syntax::printFile(*tree);
#endif
  return 0;
}
