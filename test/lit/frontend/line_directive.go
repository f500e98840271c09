// //line and /*line*/ directives move the positions of what follows, as
// in gc; without a column, columns are unknown and not printed.
// RUN: not %origo build %s 2>&1 | FileCheck %s

package main

func main() {
//line foo.go:100
	x := 1
/*line bar.go:7:3*/ y := 2
}

// CHECK: # command-line-arguments
// CHECK-NEXT: bar.go:7:4: y declared but not used
// CHECK-NEXT: foo.go:100: x declared but not used
