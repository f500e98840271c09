// Upstream packages with assembly: crypto/sha256 takes its portable
// block function, crypto/internal/boring/sig's markers do nothing, and
// hash/crc32 chooses its portable tables (no CPU features detected).
package main

import (
	"crypto/sha256"
	"fmt"
	"hash/crc32"
)

func main() {
	fmt.Printf("%x\n", sha256.Sum256([]byte("abc")))
	fmt.Println(crc32.ChecksumIEEE([]byte("hello")))
}
