// recover only works when called by the deferred function itself: not from
// a function the deferred function calls (even one small enough to inline
// into it), nor as the deferred call (defer recover()).
package main

func tryRecover() bool { return recover() != nil }

func f() {
	defer func() { println("outer", recover() != nil) }()
	defer func() { println("inner helper recovered:", tryRecover()) }()
	defer recover()
	panic("x")
}

func main() {
	f()
}
