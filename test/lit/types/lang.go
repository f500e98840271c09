// -lang: features newer than the language version are errors, in gc's words.
// RUN: not %origo tool compile -lang=go1.12 %s 2>&1 | FileCheck %s
// RUN: not %origo tool compile -lang=1.12 %s 2>&1 | FileCheck %s --check-prefix=BAD
// BAD: origo: compile: invalid value "1.12" for flag -lang: should be something like "go1.12"

package p

import "unsafe"

const (
	_ = 1_000
	// CHECK: lang.go:[[@LINE-1]]:6: underscores in numeric literals requires go1.13 or later (-lang was set to go1.12; check go.mod)
	_ = 0b1
	// CHECK: lang.go:[[@LINE-1]]:6: binary literals requires go1.13 or later
	_ = 0x1p3
	// CHECK: lang.go:[[@LINE-1]]:6: hexadecimal floating-point literals requires go1.13 or later
)

func f(p unsafe.Pointer, s int) {
	_ = unsafe.Add(p, 1)
	// CHECK: lang.go:[[@LINE-1]]:6: unsafe.Add requires go1.17 or later
	_ = 1 << s
	// CHECK: lang.go:[[@LINE-1]]:11: invalid operation: signed shift count s (variable of type int) requires go1.13 or later
}

func G[T any]() {}
// CHECK: lang.go:[[@LINE-1]]:8: type parameter requires go1.18 or later

type I interface{ int }
// CHECK: lang.go:[[@LINE-1]]:19: embedding non-interface type int requires go1.18 or later
