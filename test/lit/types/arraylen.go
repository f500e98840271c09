// Array lengths: constant, integer, non-negative, in types2's words (a lone
// name that is not a constant gets its own message).
// RUN: not %origo tool compile -e %s 2>&1 | FileCheck %s

package p

var v int

var a [-1]int
var b [v]int
var c [int8(-2)]int
var d [len("ab")]int
var e [nil]int
var f [undefinedName]int
var g [1.5]int

// CHECK: arraylen.go:9:8: invalid array length -1 (untyped int constant)
// CHECK-NEXT: arraylen.go:10:8: invalid array length v
// CHECK-NEXT: arraylen.go:11:8: invalid array length int8(-2) (constant -2 of type int8)
// CHECK-NEXT: arraylen.go:13:8: invalid array length nil
// CHECK-NEXT: arraylen.go:14:8: undeclared name undefinedName for array length
// CHECK-NEXT: arraylen.go:15:8: array length 1.5 (untyped float constant) must be integer
