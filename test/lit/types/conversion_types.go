// The types conversions give their untyped arguments, as types2: the
// default type for constants converted to non-constant types and for
// conversions to interfaces, the target type otherwise.
// RUN: %origo build -stop-after=types %s | FileCheck %s

package main

func main() {
	b := []byte("hello")
	var i interface{} = 1
	s := string(rune(65))
	_, _, _ = b, i, s
}

// CHECK: []byte("hello") : value []uint8
// CHECK: "hello" : const string = "hello"
// CHECK: 1 : const int = 1
// CHECK: string(rune(65)) : const string = "A"
// CHECK: rune(65) : const int32 = 65
