// panic(v): A complex64.
package main

func main() {
	panic(complex64(complex(3, 4)))
}
