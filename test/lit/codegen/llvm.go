// The optimized LLVM IR: Go strings are {ptr addrspace(1), i64} (as
// parameters, one LLVM parameter per field), frame
// pointers are kept, each call is followed by a stack map whose ID is the
// line, and panicking calls end in unreachable. Stack maps are placed
// after optimization: a call LLVM inlined leaves none behind.
// RUN: %origo build -stop-after=llvm %s | FileCheck %s
// RUN: env GOARCH=arm64 %origo build -stop-after=llvm %s | FileCheck %s --check-prefix=ARM

// CHECK: target datalayout = "{{.*}}-ni:1"
// CHECK: target triple = "x86_64-unknown-linux-gnu"
// ARM: target triple = "aarch64-unknown-linux-gnu"
// The function table the runtime reads for tracebacks (runtime/abi.h).
// CHECK: @origo.funcmeta = internal constant {{.*}} section "origo_funcs", align 8

package main

// CHECK-LABEL: define {{.*}}@main.greet(ptr addrspace(1) nest {{[^,]*}}, ptr addrspace(1) {{[^,]*}}, i64
func greet(s string) {
	// CHECK: call void @runtime.printstring(ptr addrspace(1) %{{.*}}, i64 %{{.*}})
	// CHECK-NEXT: call void (i64, i32, ...) @llvm.experimental.stackmap(i64 [[@LINE+1]], i32 0)
	println(s)
}

// CHECK-LABEL: define {{.*}}@main.div(ptr addrspace(1) nest {{[^,]*}}, i64
func div(a, b int) int {
	// CHECK: call void @runtime.panicdivide()
	// CHECK-NEXT: call void (i64, i32, ...) @llvm.experimental.stackmap(i64 [[@LINE+2]], i32 0)
	// CHECK-NEXT: unreachable
	return a / b
}

func add(a, b int) int { return a + b }

// //go:noinline keeps the call, as gc does.
// CHECK-LABEL: define {{.*}}@main.keep(
// CHECK: call {{.*}}@main.sub(
//
//go:noinline
func sub(a, b int) int { return a - b }

func keep(x int) int { return sub(x, 1) }

// CHECK-LABEL: define {{.*}}@main.twice(
// CHECK-NOT: stackmap
// CHECK: ret i64
func twice(x int) int { return add(x, 1) * 2 }

func apply(xs []int, f func(int) int) {
	for i := range xs {
		xs[i] = f(xs[i])
	}
}

// A closure that does not escape lives on the stack; calls through it
// keep its code word known (the context is readonly nocapture at calls),
// so once apply is inlined the closure's body is called directly, and
// inlined: no indirect call is left.
// CHECK-LABEL: define {{.*}}@main.shift(
// CHECK-NOT: call {{.*}} %
// CHECK: ret void
func shift(xs []int, k int) { apply(xs, func(x int) int { return x + k }) }

func main() {
	shift([]int{1}, 2)
	println(keep(3))
	greet("hi")
	println(div(6, 3), twice(4))
}

// CHECK: attributes {{.*}}"frame-pointer"="all"
