// A panic in a deferred call while panicking, recovered by nobody: gc's
// report lists both panics, oldest first, and the traceback shows the
// deferred function, gopanic's frame, then where the first panic started.
package main

func g() {
	panic("first")
}

func f() {
	defer func() {
		panic("second")
	}()
	g()
}

func main() {
	defer println("main's deferred call runs first")
	f()
}
