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

#include <algorithm>
#include <map>
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

void checkDirectives(const Tree &t, const SourceManager &sm, Diagnostics &diags, const ParseOptions &opts) {
  if (!t.root.valid()) return;
  std::string base = sm.file(t.file).name;
  base = base.substr(base.rfind('/') + 1);
  bool cgoGenerated = base.rfind("_cgo_", 0) == 0;
  enum : unsigned { kNosplit = 1, kSystemstack = 2, kKeepAlive = 4, kEscapes = 8 };
  std::map<uint32_t, unsigned> funcBits; ///< directive verbs per FuncDecl
  for (size_t i = 0; i < t.directives.size(); ++i) {
    const Directive &d = t.directives[i];
    const Tree::DirectiveUse &use = t.directiveUses[i];
    Pos at = d.pos;
    at.col += 2; // gc points after the slashes
    std::string_view text = d.text;
    std::string_view verb = text.substr(3, text.find_first_of(" \t") == std::string_view::npos
                                               ? std::string_view::npos
                                               : text.find_first_of(" \t") - 3);
    if (use.owner.valid() && t.kind(use.owner) == NodeKind::FuncDecl) {
      unsigned &bits = funcBits[use.owner.index];
      if (verb == "nosplit") bits |= kNosplit;
      if (verb == "systemstack") bits |= kSystemstack;
      if (verb == "uintptrkeepalive") bits |= kKeepAlive;
      if (verb == "uintptrescapes") bits |= kEscapes;
    }
    if (!d.ownLine) {
      diags.error(at, "misplaced compiler directive");
      continue;
    }
    // Who may use which directive (gc's noder.pragma).
    std::string slashed = "//" + std::string(verb.size() ? "go:" : "") + std::string(verb);
    if (verb.rfind("cgo_", 0) == 0 && !(verb == "cgo_import_dynamic" && text.find(' ') != std::string_view::npos)) {
      if (!cgoGenerated && !opts.std) diags.error(at, "//" + std::string(text) + " only allowed in cgo-generated code");
      if (verb == "cgo_ldflag") {
        std::string_view arg = text.substr(std::min(text.size(), verb.size() + 3));
        while (!arg.empty() && (arg.front() == ' ' || arg.front() == '\t')) arg.remove_prefix(1);
        while (!arg.empty() && (arg.back() == ' ' || arg.back() == '\t')) arg.remove_suffix(1);
        bool quoted = arg.size() >= 2 && arg.front() == '"' && arg.back() == '"' &&
                      arg.find_first_of(" \t") == std::string_view::npos;
        if (!quoted) diags.error(at, "usage: //go:cgo_ldflag \"arg\"");
      }
    }
    if (!opts.runtime && (verb == "systemstack" || verb == "nowritebarrier" || verb == "nowritebarrierrec" ||
                          verb == "yeswritebarrierrec"))
      diags.error(at, slashed + " only allowed in runtime");
    if (!opts.std && verb == "uintptrkeepalive") diags.error(at, slashed + " is only allowed in the standard library");
    if (opts.std && appliesTo(verb) == Applies::None && verb != "linkname" && verb != "embed" && verb != "generate" &&
        verb.rfind("cgo_", 0) != 0)
      diags.error(at, slashed + " is not allowed in the standard library");
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
  // Combinations gc's noder rejects on function declarations (gathered in
  // the pass above, so each directive is looked at once).
  for (auto [index, bits] : funcBits) {
    NodeId f{index};
    Pos at = t[t.kid(f, 0)].pos;
    bool nosplit = bits & kNosplit;
    if ((bits & kSystemstack) && nosplit) diags.error(at, "go:nosplit and go:systemstack cannot be combined");
    if ((bits & kKeepAlive) && !(bits & kEscapes) && !nosplit) diags.error(at, "go:uintptrkeepalive requires go:nosplit");
  }
}

} // namespace origo::syntax
