//===- frontend/directives.cpp - placement of //go: directives -----------===//
/// \file
/// A `//go:` directive applies to the declaration that follows it (gc's
/// pragmas, cmd/compile/internal/noder): function directives such as
/// //go:noinline or //go:nosplit to a function declaration, //go:notinheap
/// to a type declaration that is not an alias, //go:build to the file when
/// it precedes the package clause, //go:embed to a single var declared at
/// package level with a type and no value. A known directive anywhere else
/// — after code on its line, before a statement, a group or another kind of
/// declaration — is reported as gc reports it. Unknown directives and
/// //go:linkname (which names its function) are left alone here.
//===----------------------------------------------------------------------===//
#include "frontend/directives.h"

#include <string>

namespace origo::syntax {
namespace {

enum class Applies { Func, Type, File, None };

/// What a directive verb applies to; None for verbs gc does not attach.
Applies appliesTo(std::string_view verb) {
  static const char *funcVerbs[] = {"nointerface", "noescape", "norace", "nosplit", "noinline", "nocheckptr",
                                    "systemstack", "nowritebarrier", "nowritebarrierrec", "yeswritebarrierrec",
                                    "cgo_unsafe_args", "uintptrkeepalive", "uintptrescapes", "registerparams"};
  for (const char *v : funcVerbs)
    if (verb == v) return Applies::Func;
  if (verb == "notinheap") return Applies::Type;
  if (verb == "build") return Applies::File;
  return Applies::None;
}

bool importsEmbed(const Tree &t) {
  for (size_t i = 1; i < t.numKids(t.root); ++i) {
    NodeId d = t.kid(t.root, i);
    if (t.kind(d) != NodeKind::ImportDecl) continue;
    for (NodeId spec : t.kids(d))
      if (t[t.kid(spec, 1)].text == "\"embed\"" || t[t.kid(spec, 1)].text == "`embed`") return true;
  }
  return false;
}

} // namespace

void checkDirectives(const Tree &t, Diagnostics &diags) {
  if (!t.root.valid()) return;
  for (size_t i = 0; i < t.directives.size(); ++i) {
    const Directive &d = t.directives[i];
    const Tree::DirectiveUse &use = t.directiveUses[i];
    Pos at = d.pos;
    at.col += 2; // gc points after the slashes
    std::string_view text = d.text;
    std::string_view verb = text.substr(3, text.find_first_of(" \t") == std::string_view::npos
                                               ? std::string_view::npos
                                               : text.find_first_of(" \t") - 3);
    if (!d.ownLine) {
      diags.error(at, "misplaced compiler directive");
      continue;
    }
    if (verb == "embed") {
      NodeId o = use.owner;
      if (!o.valid() || !use.isVar || t.kind(o) != NodeKind::ValueSpec) {
        diags.error(at, "misplaced go:embed directive");
      } else if (!importsEmbed(t)) {
        diags.error(at, "go:embed only allowed in Go files that import \"embed\"");
      } else if (t.numKids(t.kid(o, 0)) > 1) {
        diags.error(at, "go:embed cannot apply to multiple vars");
      } else if (t.kid(o, 2).valid()) {
        diags.error(at, "go:embed cannot apply to var with initializer");
      } else if (!t.kid(o, 1).valid()) {
        diags.error(at, "go:embed cannot apply to var without type");
      } else if (use.inFunc) {
        diags.error(at, "go:embed cannot apply to var inside func");
      }
      continue;
    }
    Applies a = appliesTo(verb);
    if (a == Applies::None) continue;
    NodeId o = use.owner;
    bool ok = false;
    switch (a) {
    case Applies::Func: ok = o.valid() && t.kind(o) == NodeKind::FuncDecl; break;
    case Applies::Type: ok = o.valid() && t.kind(o) == NodeKind::TypeSpec && t[o].op != Tok::Assign; break;
    case Applies::File: ok = use.file; break;
    case Applies::None: break;
    }
    if (!ok) diags.error(at, "misplaced compiler directive");
  }
}

} // namespace origo::syntax
