// Constant conversions must be representable after rounding; a complex
// divisor whose parts underflow when squared divides by zero; len of an
// array expression with a call or receive is not constant.
// RUN: not %origo tool compile -e %s 2>&1 | FileCheck %s

package p

const (
	two64  = 1.0 * (1 << 64)
	two128 = two64 * two64
	ulp32  = two128 / (1 << 24)
	max32  = two128 - ulp32
)

var _ = float32(max32 + ulp32/2 - 1)
var _ = float32(max32 + ulp32/2)
var _ = float64(-4 + 2i)
var _ = 1 / 1e-600000000i

func f() [4]int { return [4]int{} }

var c chan [2]int

const n1 = len(f())
const n2 = cap(<-c)
const n3 = len([4]int{int(2.0)})

// CHECK: constants.go:16:17: cannot convert max32 + ulp32 / 2 (untyped float constant 3.40282e+38) to type float32
// CHECK: constants.go:17:17: cannot convert -4 + 2i (untyped complex constant (-4 + 2i)) to type float64
// CHECK: constants.go:18:13: invalid operation: division by zero
// CHECK: constants.go:24:12: len(f()) (value of type int) is not constant
// CHECK: constants.go:25:12: cap(<-c) (value of type int) is not constant
// CHECK-NOT: constants.go:26
