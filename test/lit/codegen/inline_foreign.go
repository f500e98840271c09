// Small functions of other packages are built into the calling package as
// available_externally bodies (ssa::Func::inlineOnly), so that LLVM can
// inline them as gc inlines exported bodies: sync.Mutex's fast paths
// become a cmpxchg and an atomicrmw in the caller, and only the slow paths
// are calls. Without optimization they stay calls.
// RUN: %origo build -stop-after=llvm %s | FileCheck %s
// RUN: env GOARCH=arm64 %origo build -stop-after=llvm %s | FileCheck %s
// RUN: %origo build -gcflags=-N -stop-after=llvm %s | FileCheck %s --check-prefix=NOOPT

package main

import "sync"

var mu sync.Mutex
var n int

// CHECK-LABEL: define dso_local void @main.bump(
// CHECK-DAG: cmpxchg ptr addrspace(1) {{.*}}@main.mu
// CHECK-DAG: call void @"sync.(*Mutex).lockSlow"
// CHECK-DAG: atomicrmw add ptr addrspace(1) {{.*}}@main.mu
// CHECK-DAG: call void @"sync.(*Mutex).unlockSlow"
// CHECK-NOT: call void @"sync.(*Mutex).Lock"
// CHECK: {{^}}}
// CHECK-NOT: define {{.*}}@"sync.(*Mutex).Lock"
// NOOPT-LABEL: define dso_local void @main.bump(
// NOOPT: call void @"sync.(*Mutex).Lock"
// NOOPT: call void @"sync.(*Mutex).Unlock"
// NOOPT-NOT: define {{.*}}@"sync.(*Mutex).Lock"

//go:noinline
func bump() {
	mu.Lock()
	n++
	mu.Unlock()
}

func main() {
	bump()
	println(n)
}
