// The program's own packages: in a module (go.mod), imports under the
// module path are the module's directories, compiled package by package
// like the standard library (with their init functions, in dependency
// order); `origo build DIR` and `origo build` in the directory build the
// package there, named after the directory. An import the module does not
// provide is reported.
// RUN: rm -rf %t && mkdir -p %t && cp -r %S/Inputs/module %t/app && cd %t/app
// RUN: %origo build ./cmd/area && ./area | FileCheck %s
// RUN: cd cmd/area && %origo build && ./area | FileCheck %s
// RUN: %origo run main.go | FileCheck %s
// RUN: cd %t/app && printf 'package main\nimport "example.com/app/missing"\nfunc main() { missing.F() }\n' > bad.go
// RUN: not %origo build bad.go 2>&1 | FileCheck --check-prefix=MISSING %s
// RUN: mkdir -p empty && not %origo build ./empty 2>&1 | FileCheck --check-prefix=EMPTY %s

// CHECK: rect 3x4 12 101
// MISSING: bad.go:2:8: could not import example.com/app/missing
// EMPTY: no Go files in {{.*}}/empty

package main
