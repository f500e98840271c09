// defer in SSA (ssa/build_defer.cpp): open-coded defers keep their
// arguments in LocalAddr slots and set a bit; each return runs the pending
// calls; the unwind block (a second root) runs them while panicking, asks
// runtime.deferrecovered after each and ends in runtime.panicresume.
// Defers in loops push records from runtime.newdefer.
// RUN: %origo build -stop-after=ssa -d=ssa/check/on %s | FileCheck %s

package main

func work(n int) { println(n) }

// CHECK-LABEL: main.open func(int) int
// CHECK: [[ARG:v[0-9]+]] ({{[0-9]+}}) = LocalAddr <*int> {int}
// CHECK: [[BITS:v[0-9]+]] ({{[0-9]+}}) = LocalAddr <*uint8> {uint8}
// CHECK-NEXT: Zero <()> {uint8} [[BITS]]
// CHECK: [[RES:v[0-9]+]] ({{[0-9]+}}) = LocalAddr <*int> {int}
// CHECK: Store <()> [[ARG]]
// CHECK: Or <uint8>
// CHECK: Store <()> [[BITS]]
// The return: the result to its slot, then the deferred call.
// CHECK: Store <()> [[RES]]
// CHECK: AndNot <uint8>
// CHECK: StaticCall <()> {main.work}
// CHECK: Load <int> [[RES]]
// CHECK: Ret
// CHECK: b{{[0-9]+}}: unwind
// CHECK: StaticCall <()> [1] {main.work}
// CHECK-NEXT: RuntimeCall <bool> {runtime.deferrecovered}
// CHECK: RuntimeCall <()> {runtime.panicresume}
// CHECK-NEXT: Exit
func open(x int) (r int) {
	defer work(x)
	r = x
	return r + 1
}

// CHECK-LABEL: main.loop func(int)
// CHECK: LocalAddr <*unsafe.Pointer>
// CHECK: RuntimeCall <unsafe.Pointer> {runtime.newdefer}
// CHECK: RuntimeCall <()> {runtime.freedefer}
// CHECK: b{{[0-9]+}}: unwind
func loop(n int) {
	for i := 0; i < n; i++ {
		defer work(i)
	}
}

// CHECK-LABEL: main.catch func()
// CHECK: Recover <interface{}>
func catch() {
	if recover() != nil {
		println("recovered")
	}
}

func main() {
	defer catch()
	open(1)
	loop(2)
}
