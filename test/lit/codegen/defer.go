// Landing pads (codegen/lower.cpp): a function with defers has personality
// runtime.personality and one cleanup landing pad; its calls are invokes
// to it except runtime.panicresume; recover passes the frame address and
// keeps its function out of line.
// RUN: %origo build -gcflags=-N -stop-after=llvm %s > %t.amd64.ll
// RUN: FileCheck %s < %t.amd64.ll && FileCheck %s --check-prefix=F < %t.amd64.ll
// RUN: env GOARCH=arm64 %origo build -gcflags=-N -stop-after=llvm %s > %t.arm64.ll
// RUN: FileCheck %s < %t.arm64.ll && FileCheck %s --check-prefix=F < %t.arm64.ll

package main

//go:noinline
func work(n int) { println(n) }

// (Unoptimized, f's frame bound is over the 512 bytes checked after the
// prologue: its code is in a body behind the checking wrapper.)
// F-LABEL: define internal void @main.f..body(ptr addrspace(1) nest {{[^,]*}}, i64 %1) #{{[0-9]+}} personality ptr @runtime.personality
// F-DAG: invoke void @main.work(
// F-DAG: landingpad { ptr, i32 }
// F-DAG: call void @runtime.panicresume()
func f(x int) {
	defer work(x)
	work(x + 1)
}

// CHECK-LABEL: define dso_local void @main.catch(
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
