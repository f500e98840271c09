// Landing pads (codegen/lower.cpp): a function with defers has personality
// runtime.personality and one cleanup landing pad; its calls are invokes
// to it except runtime.panicresume; recover passes the frame address and
// keeps its function out of line.
// RUN: %origo build -gcflags=-N -stop-after=llvm %s | FileCheck %s
// RUN: env GOARCH=arm64 %origo build -gcflags=-N -stop-after=llvm %s | FileCheck %s

package main

//go:noinline
func work(n int) { println(n) }

// CHECK-LABEL: define void @main.f(ptr addrspace(1) nest {{[^,]*}}, i64 %1) #{{[0-9]+}} personality ptr @runtime.personality
// CHECK-DAG: invoke void @main.work(
// CHECK-DAG: landingpad { ptr, i32 }
// CHECK-DAG: call void @runtime.panicresume()
func f(x int) {
	defer work(x)
	work(x + 1)
}

// CHECK-LABEL: define void @main.catch(
// CHECK-SAME: #[[CATCH:[0-9]+]]
// CHECK: call ptr @llvm.frameaddress.p0(i32 0)
// CHECK: notail call { ptr addrspace(1), ptr addrspace(1) } @runtime.gorecover(i64
// CHECK: attributes #[[CATCH]] = { noinline
func catch() {
	if recover() != nil {
		println("recovered")
	}
}

func main() {
	defer catch()
	f(1)
}
