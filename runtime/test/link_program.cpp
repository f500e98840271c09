//===- runtime/test/link_program.cpp - Test helper: link objects ----------===//
///
/// \file
/// A minimal front end to origo::linker::link() for the runtime's own tests,
/// which exercise the runtime on hand-written "compiled Go" objects before
/// codegen can produce them:
///   origo_link_program ARCH OUTPUT WORKDIR INIT[,INIT...] OBJECT...
/// INIT may be empty (""). The runtime library is the one installed next to
/// this binary (build/lib/origo/ARCH/libruntime.a).
///
//===----------------------------------------------------------------------===//

#include "linker/link.h"

#include <cstdio>
#include <string>

int main(int argc, char **argv) {
  if (argc < 5) {
    std::fprintf(stderr, "usage: %s ARCH OUTPUT WORKDIR INITS OBJECT...\n",
                 argv[0]);
    return 2;
  }
  origo::linker::LinkJob job;
  job.arch = argv[1];
  job.output = argv[2];
  job.workDir = argv[3];
  std::string inits = argv[4];
  for (size_t start = 0; start < inits.size();) {
    size_t comma = inits.find(',', start);
    if (comma == std::string::npos)
      comma = inits.size();
    if (comma > start)
      job.initFuncs.push_back(inits.substr(start, comma - start));
    start = comma + 1;
  }
  for (int i = 5; i < argc; ++i)
    job.objects.push_back(argv[i]);
  job.runtimeLib = origo::linker::defaultRuntimeLib(job.arch, argv[0]);
  std::string err;
  if (!origo::linker::link(job, err)) {
    std::fprintf(stderr, "origo_link_program: %s\n", err.c_str());
    return 1;
  }
  return 0;
}
