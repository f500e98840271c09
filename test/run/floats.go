// Floating point: constants rounded to their type, arithmetic, NaN and
// infinity comparisons, int/float conversions, print's float format.
package main

func half(x float64) float64 { return x / 2 }

func avg(a, b float32) float32 { return (a + b) / 2 }

func main() {
	x := 1.5
	y := half(x) * 3
	println(x, y, -y, x < y, x == 1.5, x != x)
	var f float32 = 0.1
	println(f, avg(f, 0.2), float64(f))
	z := 0.0
	println(1/z, -1/z, z/z == z/z)
	n := 7
	u, w := 250.9, -3.99
	println(float64(n)/2, int(y*10), uint8(u), int64(w))
	var big float64 = 1e300
	println(big*big, float32(big))
	s := 0.0
	for i := 1; i <= 10; i++ {
		s += 1 / float64(i)
	}
	println(s)
}
