// Complex numbers: literals, complex/real/imag, arithmetic (division by
// the runtime with C99's infinities), comparison, conversions, print.
package main

func mandel(c complex128) int {
	z := complex(0, 0)
	for i := 0; i < 50; i++ {
		z = z*z + c
		if real(z)*real(z)+imag(z)*imag(z) > 4 {
			return i
		}
	}
	return -1
}

func main() {
	var a complex128 = 3 + 4i
	b := complex(1.5, -2)
	println(a, b, a+b, a-b, a*b, a/b)
	println(real(a), imag(b), a == 3+4i, a != b)
	var c64 complex64 = complex64(a)
	println(c64, c64*c64, c64/2)
	zero := complex(0, 0)
	println(a/zero, -a)
	inf := complex(1/real(zero), 0)
	println(a/inf)
	println(mandel(0.3+0.5i), mandel(-1+0.1i))
	var cs []complex64
	cs = append(cs, 1i, 2)
	println(cs[0]+cs[1])
}
