// panic(v): An int.
package main

func main() {
	panic(42)
}
