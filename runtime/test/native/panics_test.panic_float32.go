// panic(v): A float32, widened to float64 for printing.
package main

func main() {
	panic(float32(0.1))
}
