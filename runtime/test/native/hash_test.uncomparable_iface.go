// The same through a non-empty interface.
package main

type S interface{ M() }

type F func()

func (F) M() {}

func main() {
	var a, b S = F(nil), F(nil)
	println(a == b)
}
