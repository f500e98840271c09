// Packages named by import path, as with go build: the standard library
// package and its dependencies are loaded from GOROOT and type-checked,
// and the package's own types are printed (other packages' names qualified).
// RUN: %origo build -stop-after=types container/list sort | FileCheck %s
// RUN: env GOARCH=arm64 %origo build -stop-after=types container/list | FileCheck %s
// RUN: not %origo build -stop-after=types slices_are_not_in_go119 2>&1 | FileCheck %s --check-prefix=MISSING
// RUN: %origo build -stop-after=parse container/list | FileCheck %s --check-prefix=PARSE

// CHECK: package list (container/list)
// CHECK-DAG: type Element Element @{{[0-9]+}}:6
// CHECK-DAG: func New func() *List
// CHECK: func container/list.(*List).PushBack func(interface{}) *Element
// MISSING: package slices_are_not_in_go119 is not in GOROOT
// PARSE: File {{[0-9]+}}:9
// PARSE-NEXT: Ident {{[0-9]+}}:9 list

package main
