// panic(v): A defined bool type.
package main

type B bool

func main() {
	panic(B(false))
}
