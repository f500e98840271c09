// Built-in calls: argument counts, sizes and indices checked as types2's
// isValidIndex (untyped constants become int first), complex, real and
// imag of constants are constants, copy's element types.
// RUN: not %origo tool compile -e %s 2>&1 | FileCheck %s

package p

type Complex64 complex64

func f3() (float64, float64, float64) { return 1, 2, 3 }

func f(si []int, sf []float64, f32 float32, f64 float64) {
	_ = make([]int, -1)
	_ = make(chan int, 0.5)
	_ = make(map[int]int, float32(1))
	_ = complex(f3())
	_ = complex(f32, f64)
	var c Complex64 = complex(f32, f32)
	const r = real(complex(2, 1)) + imag(3i)
	var k [int(r)]int
	var _ [5]int = k // real and imag are constants: r is 5
	copy(si, "hi")
	copy(si, sf)
	_ = copy()
	_, _ = c, k
}

// CHECK: builtins.go:13:18: invalid argument: index -1 (constant of type int) must not be negative
// CHECK: builtins.go:14:21: 0.5 (untyped float constant) truncated to int
// CHECK: builtins.go:15:24: invalid argument: index float32(1) (constant 1 of type float32) must be integer
// CHECK: builtins.go:16:6: invalid operation: too many arguments for complex(f3()) (expected 2, found 3)
// CHECK: builtins.go:17:14: invalid operation: complex(f32, f64) (mismatched types float32 and float64)
// CHECK: builtins.go:18:20: cannot use complex(f32, f32) (value of type complex64) as type Complex64 in variable declaration
// CHECK: builtins.go:22:7: invalid argument: arguments to copy si (variable of type []int) and "hi" (untyped string constant) have different element types int and byte
// CHECK: builtins.go:23:7: invalid argument: arguments to copy si (variable of type []int) and sf (variable of type []float64) have different element types int and float64
// CHECK: builtins.go:24:6: invalid operation: not enough arguments for copy() (expected 2, found 0)
