// panic(v): A defined float type.
package main

type F float64

func main() {
	panic(F(2))
}
