// The parse dump: one node per line with kind, position, operator and text.
// RUN: %origo build -stop-after=parse %s | FileCheck %s

package main

// CHECK: File 4:9
// CHECK-NEXT:   Ident 4:9 main
// CHECK:   FuncDecl [[@LINE+12]]:6
// CHECK-NEXT:     Ident [[@LINE+11]]:6 add
// CHECK-NEXT:     -
// CHECK-NEXT:     -
// CHECK-NEXT:     FuncType [[@LINE+8]]:9
// The parameter list `a, b int` is regrouped into two fields sharing one type.
// CHECK:         Field [[@LINE+6]]:10
// CHECK-NEXT:      Ident [[@LINE+5]]:10 a
// CHECK-NEXT:      Ident [[@LINE+4]]:15 int
// CHECK-NEXT:    Field [[@LINE+3]]:13
// CHECK-NEXT:      Ident [[@LINE+2]]:13 b
// CHECK-NEXT:      Ident [[@LINE+1]]:15 int
func add(a, b int) int {
	// Binary expressions are positioned at their operator, as in gc.
	// CHECK: ReturnStmt [[@LINE+5]]:2
	// CHECK-NEXT: BinaryExpr [[@LINE+4]]:11 op=+
	// CHECK-NEXT: Ident [[@LINE+3]]:9 a
	// CHECK-NEXT: BinaryExpr [[@LINE+2]]:15 op=*
	// CHECK: BasicLit [[@LINE+1]]:17 2
	return a + b * 2
}

func main() {
	// CHECK: AssignStmt [[@LINE+1]]:4 op=:=
	x := add(1, 2)
	println(x)
}
