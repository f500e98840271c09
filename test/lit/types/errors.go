// Type errors use types2's words and gc's positions.
// RUN: not %origo build %s 2>&1 | FileCheck %s

package main

func f() (int, string) { return 1, "a" }

func main() {
	var unused int
	a, b := f()
	a = b
	println(undefinedName)
}

// CHECK: # command-line-arguments
// CHECK-NEXT: errors.go:9:6: unused declared but not used
// CHECK-NEXT: errors.go:11:6: cannot use b (variable of type string) as type int in assignment
// CHECK-NEXT: errors.go:12:10: undefined: undefinedName
