// panic(v): A defined complex type: no extra parentheses.
package main

type C complex128

func main() {
	panic(C(complex(1, 1)))
}
