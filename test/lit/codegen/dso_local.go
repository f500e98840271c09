// Programs are linked statically and are not position-independent, so every
// symbol is dso_local: code reaches functions, variables and type
// descriptors directly, never through the GOT. (GOT entries for every Go
// symbol once pushed glibc's own entries beyond the 15-bit offsets its
// static start-up code on AArch64 uses, and programs crashed before main.)
// RUN: %origo build -stop-after=llvm %s | FileCheck %s
// RUN: env GOARCH=arm64 %origo build -stop-after=llvm %s | FileCheck %s

package main

var counter int

// CHECK-DAG: @main.counter = dso_local {{.*}}global i64 0
// CHECK-DAG: @runtime.curg = external dso_local thread_local(initialexec) global ptr
// CHECK-DAG: declare dso_local void @runtime.chansend1(
// CHECK-DAG: define dso_local void @main.main(
// CHECK-DAG: define dso_local void @main.bump(
// CHECK-NOT: {{^}}define void
// CHECK-NOT: {{^}}declare void

//go:noinline
func bump() { counter++ }

func main() {
	c := make(chan int, 1)
	c <- 1
	f := bump
	f()
	println(counter, <-c)
}
