// Local imports as `go tool compile -D dir -I dir` resolves them: "./a"
// joined with -D names the package file that an earlier compile wrote with
// -o (or, failing that, a directory of sources), found under an -I
// directory. Messages name the package by its resolved path.
// RUN: rm -rf %t && mkdir -p %t/test && cd %t
// RUN: %origo tool compile -e -D test -I . -o test/a.a -p test/a %S/Inputs/localpkg/a.go
// RUN: head -2 test/a.a | FileCheck --check-prefix=FILE %s
// RUN: not %origo tool compile -e -D test -I . -o test/b.a -p test/b %S/Inputs/localpkg/b.go 2>&1 | FileCheck --check-prefix=CYCLE %s
// RUN: %origo tool compile -e -D test -I . -o test/b.a -p test/b %S/Inputs/localpkg/b_ok.go
// RUN: not %origo tool compile -e -D test -I . -p=main %s 2>&1 | FileCheck %s
// RUN: not %origo tool compile -e -I . -p=main %s 2>&1 | FileCheck --check-prefix=NOD %s

package main

import (
	"./a"
	"./b"
	unused "./a"
)

var _ = b.B{X: a.New()}
var _ a.T[int]
var _ int = a.New()

func main() {}

// FILE: !origo-package v0
// FILE-NEXT: path test/a

// CYCLE: b.go:8:6: invalid recursive type Bad
// CYCLE-NEXT: b.go:8:6: Bad refers to
// CYCLE-NEXT: b.go:8:11: a.T refers to
// CYCLE-NEXT: b.go:8:6: Bad

// CHECK: local_imports.go:18:2: imported and not used: "test/a" as unused
// CHECK-NEXT: local_imports.go:23:13: cannot use a.New() (value of type a.X) as type int in variable declaration

// Without -D, "./a" is joined with the current directory, where no a.a is.
// NOD: local_imports.go:16:2: could not import ./a (open {{.*}}/a.a: no such file or directory)
