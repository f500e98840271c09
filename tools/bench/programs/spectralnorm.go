// spectral-norm: the largest singular value of the infinite matrix
// A(i,j) = 1/((i+j)(i+j+1)/2+i+1), by the power method (the Computer
// Language Benchmarks Game's spectral-norm, written from its description),
// on one thread. Loops over float64 slices with an integer-heavy index
// expression and a division in the innermost loop.
package main

const n = 5500

func a(i, j int) float64 {
	return 1.0 / float64((i+j)*(i+j+1)/2+i+1)
}

// mulAv sets av = A·v.
func mulAv(v, av []float64) {
	for i := range av {
		s := 0.0
		for j := range v {
			s += a(i, j) * v[j]
		}
		av[i] = s
	}
}

// mulAtv sets atv = Aᵀ·v.
func mulAtv(v, atv []float64) {
	for i := range atv {
		s := 0.0
		for j := range v {
			s += a(j, i) * v[j]
		}
		atv[i] = s
	}
}

// mulAtAv sets out = Aᵀ·A·v, using tmp for A·v.
func mulAtAv(v, out, tmp []float64) {
	mulAv(v, tmp)
	mulAtv(tmp, out)
}

func sqrt(x float64) float64 {
	if x <= 0 {
		return 0
	}
	r := x
	if r > 1 {
		r = x / 2
	}
	for i := 0; i < 200; i++ {
		n := 0.5 * (r + x/r)
		if n == r {
			break
		}
		r = n
	}
	return r
}

func main() {
	u := make([]float64, n)
	v := make([]float64, n)
	tmp := make([]float64, n)
	for i := range u {
		u[i] = 1
	}
	for i := 0; i < 10; i++ {
		mulAtAv(u, v, tmp)
		mulAtAv(v, u, tmp)
	}
	var vBv, vv float64
	for i := range v {
		vBv += u[i] * v[i]
		vv += v[i] * v[i]
	}
	// Nine decimals as an integer: independent of float formatting.
	println("spectral norm:", int64(sqrt(vBv/vv)*1e9+0.5))
}
