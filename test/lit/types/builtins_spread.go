// A lone multi-value call may supply all the arguments of a built-in
// (spec "Calls": f(g(...))), as gc accepts.
// RUN: %origo tool compile %s
// RUN: not %origo tool compile -e %S/Inputs/builtins_spread_bad.go 2>&1 | FileCheck %s

package p

import "unsafe"

func appendArgs() ([]int, int)        { return nil, 0 }
func deleteArgs() (map[int]int, int)  { return nil, 0 }
func floats() (float64, float64)      { return 1, 2 }
func slices() ([]int, []int)          { return nil, nil }
func addArgs() (unsafe.Pointer, int)  { return nil, 0 }
func sliceArgs() (*int, int)          { return nil, 0 }

var (
	_ = append(appendArgs())
	_ = complex(floats())
	_ = copy(slices())
	_ = unsafe.Add(addArgs())
	_ = unsafe.Slice(sliceArgs())
)

func f() { delete(deleteArgs()) }

// CHECK: builtins_spread_bad.go:7:11: invalid argument: copy expects slice arguments; found two() (value of type int) and two() (value of type int)
// CHECK-NEXT: builtins_spread_bad.go:8:2: invalid operation: not enough arguments for delete(one()) (expected 2, found 1)
