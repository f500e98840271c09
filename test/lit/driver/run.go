// origo run compiles and runs; a panic exits 2, reported as "exit status 2".
// RUN: not %origo run %s 2>&1 | FileCheck %s
// REQUIRES: qemu-aarch64
// RUN: env GOARCH=arm64 not %origo run %s 2>&1 | FileCheck %s

package main

func div(a, b int) int { return a / b }

func main() {
	println("start")
	println(div(1, 0))
}

// CHECK: start
// CHECK-NEXT: panic: runtime error: integer divide by zero
// CHECK-EMPTY:
// CHECK-NEXT: goroutine 1 [running]:
// CHECK-NEXT: main.div(...)
// CHECK-NEXT: {{.*}}run.go:8
// CHECK-NEXT: main.main()
// CHECK-NEXT: {{.*}}run.go:12 +0x{{[0-9a-f]+}}
// CHECK-NEXT: exit status 2
