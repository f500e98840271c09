// A recovered panic panicked again from the same deferred function: gc
// prints the first as [recovered].
package main

func f() {
	defer func() {
		r := recover()
		println("recovered:", r != nil)
		panic(r)
	}()
	panic("first")
}

func main() {
	f()
}
