// Initialization loops and invalid recursive declarations, reported with
// the path of references as gc (types2) prints it.
// RUN: not %origo tool compile -e %s 2>&1 | FileCheck %s

package p

type T int

func (T) m() int { return len(x) }

var x = []int{T(0).m()}

const a = b
const b = a

func f() int { return y }

var y = func() int { return f() }()

type S struct{ f [len(z)]int }

var z = S{}

type R struct{ r R }

type A = B
type B = A

func g(x g) {}

type N N

type P Q
type Q P

func h() {
	type L = L
}

var a1, b1 = 1, a1

var (
	a2, b2 = f2()
	c2     = b2
)

func f2() (int, int) { return c2, c2 }

type I1 interface {
	m() I2
	I2
}

type I2 interface{ I1 }

var i2 I2
var i1 I1 = i2

// CHECK: cycles.go:11:5: initialization loop for x
// CHECK-NEXT: {{^}}	{{.*}}cycles.go:11:5: x refers to
// CHECK-NEXT: {{^}}	{{.*}}cycles.go:9:10: m refers to
// CHECK-NEXT: {{^}}	{{.*}}cycles.go:11:5: x
// CHECK-NEXT: cycles.go:13:7: initialization loop for a
// CHECK-NEXT: {{^}}	{{.*}}cycles.go:13:7: a refers to
// CHECK-NEXT: {{^}}	{{.*}}cycles.go:14:7: b refers to
// CHECK-NEXT: {{^}}	{{.*}}cycles.go:13:7: a
// CHECK-NEXT: cycles.go:18:5: initialization loop for y
// CHECK-NEXT: {{^}}	{{.*}}cycles.go:18:5: y refers to
// CHECK-NEXT: {{^}}	{{.*}}cycles.go:16:6: f refers to
// CHECK-NEXT: {{^}}	{{.*}}cycles.go:18:5: y
// CHECK-NEXT: cycles.go:20:6: invalid recursive type S
// CHECK-NEXT: {{^}}	{{.*}}cycles.go:20:6: S refers to
// CHECK-NEXT: {{^}}	{{.*}}cycles.go:22:5: z refers to
// CHECK-NEXT: {{^}}	{{.*}}cycles.go:20:6: S
// CHECK-NEXT: cycles.go:24:6: invalid recursive type R
// CHECK-NEXT: {{^}}	{{.*}}cycles.go:24:6: R refers to
// CHECK-NEXT: {{^}}	{{.*}}cycles.go:24:6: R
// CHECK-NEXT: cycles.go:26:6: invalid recursive type A
// CHECK-NEXT: {{^}}	{{.*}}cycles.go:26:6: A refers to
// CHECK-NEXT: {{^}}	{{.*}}cycles.go:27:6: B refers to
// CHECK-NEXT: {{^}}	{{.*}}cycles.go:26:6: A
// CHECK-NEXT: cycles.go:29:10: g (value of type func()) is not a type
// CHECK-NEXT: cycles.go:31:6: invalid recursive type N
// CHECK-NEXT: {{^}}	{{.*}}cycles.go:31:6: N refers to
// CHECK-NEXT: {{^}}	{{.*}}cycles.go:31:6: N
// CHECK-NEXT: cycles.go:33:6: invalid recursive type P
// CHECK-NEXT: {{^}}	{{.*}}cycles.go:33:6: P refers to
// CHECK-NEXT: {{^}}	{{.*}}cycles.go:34:6: Q refers to
// CHECK-NEXT: {{^}}	{{.*}}cycles.go:33:6: P
// CHECK-NEXT: cycles.go:37:7: invalid recursive type L
// CHECK-NEXT: {{^}}	{{.*}}cycles.go:37:7: L refers to
// CHECK-NEXT: {{^}}	{{.*}}cycles.go:37:7: L
// CHECK-NEXT: cycles.go:43:6: initialization loop for b2
// CHECK-NEXT: {{^}}	{{.*}}cycles.go:43:6: b2 refers to
// CHECK-NEXT: {{^}}	{{.*}}cycles.go:47:6: f2 refers to
// CHECK-NEXT: {{^}}	{{.*}}cycles.go:44:2: c2 refers to
// CHECK-NEXT: {{^}}	{{.*}}cycles.go:43:6: b2
// CHECK-NEXT: cycles.go:49:6: invalid recursive type I1
// CHECK-NEXT: {{^}}	{{.*}}cycles.go:49:6: I1 refers to
// CHECK-NEXT: {{^}}	{{.*}}cycles.go:54:6: I2 refers to
// CHECK-NEXT: {{^}}	{{.*}}cycles.go:49:6: I1
