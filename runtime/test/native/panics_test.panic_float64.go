// panic(v): A float64, in print's format.
package main

func main() {
	panic(1.5)
}
