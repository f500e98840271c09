// Misplaced ... in calls, as types2 reports them.
// RUN: not %origo tool compile -e %s 2>&1 | FileCheck %s

package p

import "unsafe"

func sum(args ...int) int { return 0 }
func sum3(a, b, c int) int { return 0 }
func tuple() (int, int, int) { return 1, 2, 3 }

func f(s []int) {
	_ = sum(tuple()...)
	_ = sum3(tuple()...)
	_ = append(s...)
	_ = append(s, 2, s...)
	ch := make(chan int)
	close(ch...)
	var x int
	_ = unsafe.Pointer(&x...)
	_ = unsafe.Sizeof(x...)
	_ = [...][...]int{{1, 2, 3}, {4, 5, 6}}
}

// CHECK: dots.go:13:6: cannot use ... with 3-valued tuple()
// CHECK: dots.go:14:6: cannot use ... in call to non-variadic sum3
// CHECK: dots.go:15:13: not enough arguments in call to append
// CHECK-NEXT: have ([]int)
// CHECK-NEXT: want ([]int, ...int)
// CHECK: dots.go:16:19: too many arguments in call to append
// CHECK-NEXT: have ([]int, number, []int)
// CHECK-NEXT: want ([]int, ...int)
// CHECK: dots.go:18:2: invalid operation: invalid use of ... with built-in close
// CHECK: dots.go:20:21: invalid use of ... in type conversion to unsafe.Pointer
// CHECK: dots.go:21:6: invalid operation: invalid use of ... with built-in Sizeof
// CHECK: dots.go:22:11: invalid use of [...] array (outside a composite literal)
// CHECK-NOT: dots.go
