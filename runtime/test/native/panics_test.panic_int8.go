// panic(v): A negative int8.
package main

func main() {
	panic(int8(-5))
}
