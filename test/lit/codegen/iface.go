// Interfaces in LLVM IR: a value is { ptr addrspace(1), ptr addrspace(1) }
// (itab or type, data); descriptors and itabs are linkonce_odr in comdats
// named by their symbols; itabs are listed in section origo_itabs for the
// runtime; itab entries of boxed types call the (*T).M wrapper, which
// panics through runtime.panicwrap on a nil pointer; method calls load
// fun[i] from the itab (offset 24).
// RUN: %origo build -stop-after=llvm %s | FileCheck %s
// RUN: env GOARCH=arm64 %origo build -stop-after=llvm %s | FileCheck %s

// CHECK-DAG: @"type:main.Sq" = linkonce_odr dso_local constant {{.*}} comdat, align 8
// CHECK-DAG: @"type:main.Sq.methods" = linkonce_odr dso_local constant {{.*}} ptr @"type:func() int", ptr @"main.(*Sq).Area", ptr @main.Sq.Area }], comdat
// CHECK-DAG: @"type:main.Shape.imethods" = linkonce_odr dso_local constant
// CHECK-DAG: @"go:itab.main.Sq,main.Shape" = linkonce_odr dso_local constant { ptr, ptr, i32, i32, [1 x ptr] } { ptr @"type:main.Shape", ptr @"type:main.Sq", {{.*}} [ptr @"main.(*Sq).Area"] }, comdat
// CHECK-DAG: @"go:itab.main.Sq,main.Shape.link" = linkonce_odr dso_local constant ptr @"go:itab.main.Sq,main.Shape", section "origo_itabs", comdat($"go:itab.main.Sq,main.Shape"), align 8
// CHECK-DAG: @"type:[]string.str" = linkonce_odr dso_local constant [8 x i8] c"[]string", comdat

package main

type Shape interface{ Area() int }

type Sq int

func (s Sq) Area() int { return int(s) * int(s) }

// CHECK-LABEL: define {{.*}}@"main.(*Sq).Area"(ptr addrspace(1) nest {{[^,]*}}, ptr addrspace(1)
// CHECK: call void @runtime.panicwrap(

// CHECK-LABEL: define {{.*}}@main.area(ptr addrspace(1) nest {{[^,]*}}, ptr addrspace(1) {{[^,]*}}, ptr addrspace(1)
// CHECK: getelementptr i8, ptr addrspace(1) %{{.*}}, i64 24
func area(s Shape) int { return s.Area() }

func main() {
	println(area(Sq(3)))
	var e interface{} = []string{"a"}
	println(e != nil)
}
