// Package variables with constant initializers are data (ssa/staticinit.cpp):
// the table, its slice's array and the &T{} object are initialized globals,
// and the package's init stores nothing into them. A variable whose
// initializer calls a function is still set by init.
// RUN: %origo build -stop-after=llvm %s | FileCheck %s
// RUN: env GOARCH=arm64 %origo build -stop-after=llvm %s | FileCheck %s

package main

type rng struct {
	lo, hi uint16
	stride int
}

type table struct {
	name  string
	r     []rng
	extra *rng
}

// CHECK-DAG: @main.tbl..stmp = private global <{ [32 x i8] }> <{ [32 x i8] c"A\00Z\00\00\00\00\00\01\00\00\00\00\00\00\00a\00z\00\00\00\00\00\02\00\00\00\00\00\00\00" }>
// CHECK-DAG: @main.tbl..stmp.1 = private global <{ [16 x i8] }> <{ [16 x i8] c"\01\00\02\00\00\00\00\00\03\00\00\00\00\00\00\00" }>
// CHECK-DAG: @main.tbl = {{.*}}global <{ ptr addrspace(1), [8 x i8], ptr addrspace(1), [16 x i8], ptr addrspace(1) }> <{ ptr addrspace(1) addrspacecast (ptr @go.string{{.*}}, [8 x i8] c"\07\00\00\00\00\00\00\00", ptr addrspace(1) addrspacecast (ptr @main.tbl..stmp to ptr addrspace(1)), [16 x i8] c"\02\00\00\00\00\00\00\00\02\00\00\00\00\00\00\00", ptr addrspace(1) addrspacecast (ptr @main.tbl..stmp.1 to
var tbl = table{"letters", []rng{{0x41, 0x5a, 1}, {0x61, 0x7a, 2}}, &rng{1, 2, 3}}

// CHECK-DAG: @main.n = {{.*}}global <{ [8 x i8] }> <{ [8 x i8] c"*\00\00\00\00\00\00\00" }>
var n = 42

var computed = len(tbl.name) + f()

func f() int { return 1 }

// CHECK-LABEL: define dso_local void @main.init(
// CHECK-NOT: store {{.*}}@main.tbl
// CHECK: store i64 {{.*}} @main.computed
func main() {
	println(tbl.name, tbl.r[1].hi, tbl.extra.stride, n, computed)
}
