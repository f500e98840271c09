// panic(v): A uintptr.
package main

func main() {
	panic(uintptr(77))
}
