//===- ssa/compile.cpp - the pass table -----------------------------------===//
/// \file
/// The ordered list of SSA passes, the constraints on their order (checked
/// once at start-up), and the per-pass switches of
/// `-d=ssa/<pass>/off|dump|time` and `-d=ssa/check/on`, after gc's
/// cmd/compile/internal/ssa/compile.go. GOSSAFUNC writes ssa.html with one
/// column per pass.
//===----------------------------------------------------------------------===//
#include "ssa/passes.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>

namespace origo::ssa {

namespace {

struct Pass {
  const char *name;
  void (*fn)(Func &);
  bool required; ///< runs even with -N
};

/// The passes, in order.
const Pass passes[] = {
    {"phielim", phielim, true},   // trivial phis left by construction become copies
    {"copyelim", copyelim, true}, // ... and copies disappear
    {"shortcircuit", shortcircuit, false}, // branches on constant-fed phis go straight to their target
    {"cse", cse, false},          // equal pure values merge
    {"nilcheckelim", nilcheckelim, false}, // nil checks of known non-nil pointers go
    {"prove", prove, false},      // bounds checks proved by dominating conditions go
    {"opt", opt, false},          // fold constants, resolve constant branches
    {"deadcode", deadcode, true}, // drop unreachable blocks and unused values
    {"phielim2", phielim, true},  // deadcode can leave phis with one argument
    {"copyelim2", copyelim, true},
    {"deadcode2", deadcode, true}, // remove the copies themselves
};

/// Ordering constraints: first must run before second, and why.
const struct { const char *first, *second, *why; } constraints[] = {
    {"phielim", "copyelim", "phielim produces copies that copyelim removes"},
    {"opt", "deadcode", "opt turns constant branches into plain ones, leaving unreachable blocks"},
    {"cse", "nilcheckelim", "nilcheckelim recognizes one pointer by one value"},
    {"cse", "prove", "prove matches lengths and indices by value"},
    {"nilcheckelim", "opt", "nilcheckelim leaves constant branches to resolve"},
    {"prove", "opt", "prove leaves constant branches to resolve"},
    {"shortcircuit", "deadcode", "bypassed blocks become unreachable"},
    {"deadcode", "phielim2", "removing predecessors can make phis trivial"},
    {"copyelim2", "deadcode2", "copyelim leaves the copies unused"},
};

int indexOf(const char *name) {
  for (size_t i = 0; i < std::size(passes); ++i)
    if (std::string(passes[i].name) == name) return int(i);
  return -1;
}

/// Checked once: a constraint naming an unknown pass or violated by the
/// table is a bug in the table.
bool checkConstraints() {
  for (auto &c : constraints) {
    int a = indexOf(c.first), b = indexOf(c.second);
    if (a < 0 || b < 0 || a >= b) {
      std::fprintf(stderr, "internal error: ssa pass order: %s must run before %s (%s)\n", c.first,
                   c.second, c.why);
      std::abort();
    }
  }
  return true;
}
const bool constraintsOK = checkConstraints();

bool matches(const std::vector<std::string> &list, const char *pass) {
  return std::find(list.begin(), list.end(), pass) != list.end() ||
         std::find(list.begin(), list.end(), "all") != list.end();
}

std::string htmlEscape(const std::string &s) {
  std::string o;
  for (char c : s) {
    if (c == '<') o += "&lt;";
    else if (c == '>') o += "&gt;";
    else if (c == '&') o += "&amp;";
    else o += c;
  }
  return o;
}

} // namespace

bool PassOptions::parse(const std::string &setting, std::string &err) {
  // ssa/<pass>/<what>[=value]
  if (setting.rfind("ssa/", 0) != 0) {
    err = "unknown debug key " + setting;
    return false;
  }
  std::string rest = setting.substr(4);
  size_t slash = rest.find('/');
  if (slash == std::string::npos) {
    err = "bad -d=ssa setting " + setting + ": want ssa/<pass>/<what>";
    return false;
  }
  std::string pass = rest.substr(0, slash), what = rest.substr(slash + 1);
  size_t eq = what.find('=');
  if (eq != std::string::npos) what = what.substr(0, eq);
  if (pass == "check") {
    if (what == "on") { checkAll = true; return true; }
    if (what == "off") { checkAll = false; return true; }
  }
  if (pass != "all" && indexOf(pass.c_str()) < 0) {
    err = "unknown ssa pass " + pass;
    return false;
  }
  if (what == "off") off.push_back(pass);
  else if (what == "dump") dump.push_back(pass);
  else if (what == "time") time.push_back(pass);
  else {
    err = "unknown ssa option " + what + " for pass " + pass;
    return false;
  }
  return true;
}

void compile(Func &f, const PassOptions &opts, std::string &out) {
  (void)constraintsOK;
  // GOSSAFUNC names a function with or without its package ("f" or "main.f").
  std::string suffix = "." + opts.htmlFunc;
  bool html = !opts.htmlFunc.empty() &&
              (opts.htmlFunc == f.name ||
               (f.name.size() > suffix.size() &&
                f.name.compare(f.name.size() - suffix.size(), std::string::npos, suffix) == 0));
  std::vector<std::pair<std::string, std::string>> columns;
  if (html) columns.push_back({"start", dump(f)});
  for (const Pass &p : passes) {
    if (matches(opts.off, p.name) && !p.required) continue;
    if (!opts.optimize && !p.required) continue;
    auto t0 = std::chrono::steady_clock::now();
    p.fn(f);
    auto t1 = std::chrono::steady_clock::now();
    if (matches(opts.time, p.name))
      out += "# " + f.name + " " + p.name + " " +
             std::to_string(std::chrono::duration_cast<std::chrono::microseconds>(t1 - t0).count()) + "us\n";
    if (matches(opts.dump, p.name)) out += "# after " + std::string(p.name) + "\n" + dump(f);
    if (html) columns.push_back({p.name, dump(f)});
    if (opts.checkAll) {
      std::string errs = verify(f);
      if (!errs.empty()) {
        std::fprintf(stderr, "internal error: ssa check after %s:\n%s%s", p.name, errs.c_str(), dump(f).c_str());
        std::abort();
      }
    }
  }
  f.compact();
  if (html) {
    std::ofstream o(opts.htmlPath);
    o << "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>" << htmlEscape(f.name)
      << "</title><style>td{vertical-align:top;border:1px solid #ccc;padding:4px}"
         "pre{font-size:12px}</style></head><body><h1>"
      << htmlEscape(f.name) << "</h1><table><tr>";
    for (auto &[name, text] : columns) o << "<th>" << htmlEscape(name) << "</th>";
    o << "</tr><tr>";
    for (auto &[name, text] : columns) o << "<td><pre>" << htmlEscape(text) << "</pre></td>";
    o << "</tr></table></body></html>\n";
    std::fprintf(stderr, "dumped SSA to %s\n", opts.htmlPath.c_str());
  }
}

} // namespace origo::ssa
