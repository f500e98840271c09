// -d=ssa/<pass>/dump prints the function after that pass; unknown passes
// are a usage error.
// RUN: %origo build -stop-after=ssa -d=ssa/deadcode/dump -d=ssa/check/on %s | FileCheck %s
// RUN: not %origo build -stop-after=ssa -d=ssa/nosuchpass/dump %s 2>&1 | FileCheck %s --check-prefix=BAD

package main

func main() {
	if false {
		println("dead")
	}
}

// CHECK: # after deadcode
// CHECK-NEXT: main.main func()
// CHECK-NOT: {"dead"}
// BAD: origo: unknown ssa pass nosuchpass
