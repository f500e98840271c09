// origo run of a package other than main fails as go run does.
// RUN: not %origo run %S/Inputs/notmain/lib.go 2>&1 | FileCheck %s
// CHECK: package command-line-arguments is not a main package

package main
