// panic(v): A complex128.
package main

func main() {
	panic(complex(1, -2))
}
