// fannkuch-redux: for every permutation of 1..n, count the pancake flips
// needed to bring 1 to the front (the Computer Language Benchmarks Game's
// fannkuch-redux, written from its description), on one thread. Small
// integer arrays, tight loops, unpredictable branches.
package main

const n = 11

func fannkuch(n int) (checksum, maxFlips int) {
	var perm, perm1, count [16]int
	for i := 0; i < n; i++ {
		perm1[i] = i
	}
	r := n
	permCount := 0
	for {
		for ; r != 1; r-- {
			count[r-1] = r
		}
		perm = perm1
		flips := 0
		for k := perm[0]; k != 0; k = perm[0] {
			// Reverse perm[0..k].
			for i, j := 0, k; i < j; i, j = i+1, j-1 {
				perm[i], perm[j] = perm[j], perm[i]
			}
			flips++
		}
		if flips > maxFlips {
			maxFlips = flips
		}
		if permCount%2 == 0 {
			checksum += flips
		} else {
			checksum -= flips
		}
		// Next permutation in the benchmark's rotation order.
		for {
			if r == n {
				return checksum, maxFlips
			}
			p0 := perm1[0]
			for i := 0; i < r; i++ {
				perm1[i] = perm1[i+1]
			}
			perm1[r] = p0
			count[r]--
			if count[r] > 0 {
				break
			}
			r++
		}
		permCount++
	}
}

func main() {
	checksum, flips := fannkuch(n)
	println(checksum)
	println("Pfannkuchen(", n, ") =", flips)
}
