//===- runtime/test/native/strings_test.cpp - Strings and UTF-8 -----------===//
///
/// \file
/// Checks runtime/strings.cpp and utf8.cpp: range-loop decoding
/// (decoderune), []rune(s), countrunes, string(int) and string([]rune) on
/// UTF-8 edge cases and 3,000 pseudo-random byte strings against gc 1.19
/// (strings_tables.inc, written by gen_strings_tables.go); the capacities
/// of []byte(s) and []rune(s) (slices_tables.inc); concatenation, byte
/// conversions and comparison; empty results that must not allocate.
///
//===----------------------------------------------------------------------===//

#include "native_test.h"
#include "runtime/malloc.h"
#include "runtime/strings.h"

#include <stdint.h>

using namespace native_test;

extern "C" {
DecodeRuneResult goDecoderune(const uint8_t *p, int64_t len, int64_t k)
    ORIGO_GO_NAME("runtime.decoderune");
int64_t goCountrunes(const uint8_t *p, int64_t len) ORIGO_GO_NAME("runtime.countrunes");
}

namespace {

struct RangeCase {
  const char *s;
  int64_t len;
  const char *want; ///< "i:r," per iteration
};
struct IntstringCase {
  int64_t v;
  const char *s;
  int64_t len;
};
struct RunesCase {
  int32_t runes[4];
  int64_t n;
  const char *s;
  int64_t len;
};
#include "strings_tables.inc"

struct GrowRow {
  int64_t elemSize, pointers, oldCap, newLen, cap;
};
struct CapRow {
  int64_t len, cap;
};
#include "slices_tables.inc"

const uint8_t *u8(const char *s) { return reinterpret_cast<const uint8_t *>(s); }

bool sameBytes(GoString s, const char *want, int64_t n) {
  return s.len == n && (n == 0 || memcmp(s.ptr, want, size_t(n)) == 0);
}

/// A range loop as codegen lowers it: ASCII inline, decoderune otherwise.
void rangeLoop(const uint8_t *s, int64_t n, char *out, size_t size) {
  size_t at = 0;
  out[0] = 0;
  for (int64_t i = 0; i < n;) {
    int32_t r;
    int64_t next;
    if (s[i] < 0x80) {
      r = s[i];
      next = i + 1;
    } else {
      DecodeRuneResult d = goDecoderune(s, n, i);
      r = d.rune;
      next = d.next;
    }
    at += size_t(snprintf(out + at, size - at, "%lld:%d,", (long long)i, r));
    i = next;
  }
}

void checkRange() {
  int bad = 0;
  char got[512];
  for (const RangeCase &c : rangeCases) {
    rangeLoop(u8(c.s), c.len, got, sizeof got);
    if (strcmp(got, c.want)) {
      if (++bad <= 5)
        printf("range over %lld bytes: got %s, gc %s\n", (long long)c.len, got, c.want);
      continue;
    }
    // []rune(s) and countrunes agree with the loop.
    int64_t count = 0;
    for (const char *p = c.want; *p; ++p)
      count += *p == ',';
    GoSlice rs;
    goStringtoslicerune(&rs, u8(c.s), c.len);
    bad += goCountrunes(u8(c.s), c.len) != count || rs.len != count || rs.ptr == nullptr;
    const char *p = c.want;
    for (int64_t i = 0; i < rs.len && *p; ++i) {
      long long idx;
      int r, used;
      sscanf(p, "%lld:%d,%n", &idx, &r, &used);
      p += used;
      bad += static_cast<int32_t *>(rs.ptr)[i] != r;
    }
  }
  EXPECT(bad == 0);
  EXPECT(sizeof rangeCases / sizeof rangeCases[0] > 3000);
  // Past the end: RuneError and k + 1, as gc's decoderune.
  DecodeRuneResult d = goDecoderune(u8("ab"), 2, 2);
  EXPECT(d.rune == 0xFFFD && d.next == 3);
}

void checkIntstring() {
  int bad = 0;
  for (const IntstringCase &c : intstringCases) {
    GoString s = goIntstring(c.v);
    if (!sameBytes(s, c.s, c.len) && ++bad <= 5)
      printf("string(%lld): wrong bytes\n", (long long)c.v);
  }
  EXPECT(bad == 0);
}

void checkRunesToString() {
  int bad = 0;
  for (const RunesCase &c : runesCases) {
    GoString s = goSlicerunetostring(c.runes, c.n);
    bad += !sameBytes(s, c.s, c.len);
  }
  EXPECT(bad == 0);
  EXPECT(goSlicerunetostring(nullptr, 0).ptr == nullptr);
}

void checkConversionCaps() {
  static char xs[70001];
  memset(xs, 'x', 70000);
  int bad = 0;
  for (const CapRow &r : byteCaps) {
    GoSlice b;
    goStringtoslicebyte(&b, u8(xs), r.len);
    bad += b.len != r.len || b.cap != r.cap || b.ptr == nullptr ||
           (r.len > 0 && memcmp(b.ptr, xs, size_t(r.len)) != 0);
  }
  for (const CapRow &r : runeCaps) {
    GoSlice b;
    goStringtoslicerune(&b, u8(xs), r.len);
    bad += b.len != r.len || b.cap != r.cap || b.ptr == nullptr ||
           (r.len > 0 && static_cast<int32_t *>(b.ptr)[r.len - 1] != 'x');
  }
  EXPECT(bad == 0);
  // []byte("") is not nil, and needs no memory.
  GoSlice e;
  goStringtoslicebyte(&e, nullptr, 0);
  EXPECT(e.ptr == &goZerobase && e.len == 0 && e.cap == 0);
  goStringtoslicerune(&e, nullptr, 0);
  EXPECT(e.ptr == &goZerobase && e.len == 0 && e.cap == 0);
}

void checkConcat() {
  GoString s = goConcatString2(u8("ab"), 2, u8("cde"), 3);
  EXPECT(sameBytes(s, "abcde", 5));
  // One non-empty operand is returned as is; all empty is "" with no memory.
  const uint8_t *only = u8("only");
  EXPECT(goConcatString2(only, 4, nullptr, 0).ptr == only);
  EXPECT(goConcatString3(nullptr, 0, only, 4, u8(""), 0).ptr == only);
  EXPECT(goConcatString2(nullptr, 0, u8(""), 0).ptr == nullptr);
  EXPECT(goConcatString2(nullptr, 0, u8(""), 0).len == 0);
  EXPECT(sameBytes(goConcatString3(u8("a"), 1, u8("b"), 1, u8("c"), 1), "abc", 3));
  EXPECT(sameBytes(goConcatString4(u8("a"), 1, nullptr, 0, u8("c"), 1, u8("dd"), 2), "acdd", 4));
  EXPECT(sameBytes(goConcatString5(u8("1"), 1, u8("2"), 1, u8("3"), 1, u8("4"), 1,
                                   u8("5"), 1),
                   "12345", 5));
  GoString parts[7] = {gostr("x"), gostr(""), gostr("yy"), gostr("z"),
                       gostr(""), gostr("w"), gostr("v")};
  EXPECT(sameBytes(goConcatStrings(parts, 7), "xyyzwv", 6));
  EXPECT(goConcatStrings(parts, 0).len == 0);
  // The result is a copy.
  char buf[3] = {'p', 'q', 0};
  GoString c = goConcatString2(u8(buf), 1, u8(buf + 1), 1);
  buf[0] = 'Z';
  EXPECT(sameBytes(c, "pq", 2));
}

void checkBytes() {
  char buf[4] = {'a', 'b', 'c', 0};
  GoString s = goSlicebytetostring(u8(buf), 3);
  buf[0] = 'X';
  EXPECT(sameBytes(s, "abc", 3));
  EXPECT(goSlicebytetostring(u8(buf), 0).ptr == nullptr);
  // One-byte strings come from a static table, whatever the byte.
  int bad = 0;
  for (int b = 0; b < 256; ++b) {
    uint8_t v = uint8_t(b);
    GoString one = goSlicebytetostring(&v, 1);
    bad += one.len != 1 || one.ptr[0] != v || one.ptr == &v;
  }
  EXPECT(bad == 0);
  EXPECT(goSlicebytetostring(u8("q"), 1).ptr == goSlicebytetostring(u8("q"), 1).ptr);
}

void checkCompare() {
  EXPECT(goCmpString(u8("abc"), 3, u8("abd"), 3) == -1);
  EXPECT(goCmpString(u8("abd"), 3, u8("abc"), 3) == 1);
  EXPECT(goCmpString(u8("ab"), 2, u8("abc"), 3) == -1);
  EXPECT(goCmpString(u8("abc"), 3, u8("ab"), 2) == 1);
  EXPECT(goCmpString(u8("abc"), 3, u8("abc"), 3) == 0);
  EXPECT(goCmpString(nullptr, 0, nullptr, 0) == 0);
  EXPECT(goCmpString(u8("\xff"), 1, u8("a"), 1) == 1); // bytes are unsigned
}

} // namespace

static void testBody() {
  setvbuf(stdout, nullptr, _IONBF, 0);
  checkRange();
  checkIntstring();
  checkRunesToString();
  checkConversionCaps();
  checkConcat();
  checkBytes();
  checkCompare();
  origo::rt::exitProcess(finish("strings_test"));
}
