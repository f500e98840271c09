// Word count: a deterministic pseudo-random text made of syllables, split
// into words, counted in a map[string]int. Exercises string building,
// string-keyed map lookups and inserts, and map iteration.
package main

const (
	textWords = 3000000 // words in the generated text
	rounds    = 2       // times the text is counted
)

var syllables = [...]string{
	"ka", "lo", "mi", "ne", "ru", "sa", "to", "vi", "ze", "po",
	"an", "el", "is", "or", "um", "ba", "de", "fi", "go", "hu",
	"ja", "ke", "li", "mo", "nu", "pi", "qu", "ra", "se", "ti",
	"str", "ing", "ent", "ion", "ous", "ver",
}

// lcg is a 64-bit linear congruential generator (Knuth's MMIX constants).
type lcg struct{ state uint64 }

func (g *lcg) next() uint64 {
	g.state = g.state*6364136223846793005 + 1442695040888963407
	return g.state >> 33
}

// genText builds the text as one byte slice of words separated by spaces,
// newlines and punctuation. Word lengths and choices are skewed so that
// some words are very common and many are rare, as in real text.
func genText(g *lcg) []byte {
	text := make([]byte, 0, textWords*8)
	for w := 0; w < textWords; w++ {
		r := g.next()
		nsyl := 1 + int(r%4)
		if r%7 == 0 {
			nsyl += int(r>>8) % 3
		}
		for s := 0; s < nsyl; s++ {
			x := g.next()
			// Squaring the draw favours the first syllables.
			idx := int((x % 1000) * (x % 1000) / 1000 * uint64(len(syllables)) / 1000)
			text = append(text, syllables[idx]...)
		}
		switch g.next() % 16 {
		case 0:
			text = append(text, ',', ' ')
		case 1:
			text = append(text, '.', '\n')
		case 2:
			text = append(text, ' ', ' ')
		default:
			text = append(text, ' ')
		}
	}
	return text
}

func isLetter(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}

// count splits text into words and counts them.
func count(text []byte, counts map[string]int) {
	i := 0
	for i < len(text) {
		for i < len(text) && !isLetter(text[i]) {
			i++
		}
		j := i
		for j < len(text) && isLetter(text[j]) {
			j++
		}
		if j > i {
			counts[string(text[i:j])]++
		}
		i = j
	}
}

// fnv hashes a string (FNV-1a, 64 bits).
func fnv(s string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= 1099511628211
	}
	return h
}

func main() {
	g := &lcg{state: 42}
	text := genText(g)
	total := 0
	var sum uint64
	distinct := 0
	maxCount := 0
	maxWord := ""
	for r := 0; r < rounds; r++ {
		counts := make(map[string]int)
		count(text, counts)
		// Order-independent summary: map iteration order is random.
		for w, c := range counts {
			total += c
			sum += fnv(w) * uint64(c)
			if c > maxCount || c == maxCount && w < maxWord {
				maxCount, maxWord = c, w
			}
		}
		distinct = len(counts)
		// A second pass of lookups, as a word-frequency filter would do.
		hits := 0
		for w := 0; w < len(syllables); w++ {
			for v := 0; v < len(syllables); v++ {
				if c, ok := counts[syllables[w]+syllables[v]]; ok {
					hits += c
				}
			}
		}
		total += hits
	}
	println("bytes:", len(text), "words:", total, "distinct:", distinct)
	println("most common:", maxWord, maxCount)
	println("checksum:", sum)
}
