// Comparison errors name the offending operand and its cause as types2
// does; a switch tag of slice, map or func type may be compared with nil.
// RUN: not %origo tool compile -e %s 2>&1 | FileCheck %s

package p

type S struct{ z []int }

type I interface{ M() }

func f(s1, s2 S, m map[int]int, m1 map[int]int, i I, c1 chan<- int, c2 <-chan int, e interface{}) {
	_ = s1 == s2
	_ = c1 == c2
	_ = i == 1
	_ = e + 1
	_ = nil == nil
	switch m {
	case nil:
	case m1:
	}
	switch s1 {
	}
}

// CHECK: compare.go:12:6: invalid operation: s1 == s2 (struct containing []int cannot be compared)
// CHECK: compare.go:13:12: invalid operation: c1 == c2 (mismatched types chan<- int and <-chan int)
// CHECK: compare.go:14:11: cannot convert 1 (untyped int constant) to interface{M()}
// CHECK: compare.go:15:6: invalid operation: e + 1 (mismatched types interface{} and int)
// CHECK: compare.go:16:13: invalid operation: nil == nil (operator == not defined on untyped nil)
// CHECK: compare.go:19:7: invalid case m1 in switch on m (map can only be compared to nil)
// CHECK: compare.go:21:9: cannot switch on s1 (variable of type S) (S is not comparable)
