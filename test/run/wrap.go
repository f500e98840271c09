// Wrap-around of every integer size and conversions between integer types.
package main

func main() {
	var i8 int8 = 127
	i8++
	println(i8)
	var u8 uint8 = 0
	u8--
	println(u8)
	var i16 int16 = -32768
	i16--
	println(i16)
	var u16 uint16 = 65535
	u16 += 2
	println(u16)
	var i32 int32 = 2147483647
	i32 += 1
	println(i32)
	var u32 uint32 = 0
	u32 -= 1
	println(u32)
	var i64 int64 = 9223372036854775807
	i64++
	println(i64)
	var u64 uint64 = 0
	u64--
	println(u64)
	var u uint = 0
	u--
	println(u)
	var m8 int8 = -128
	println(-m8, m8*-1, m8/-1)
	var m64 int64 = -9223372036854775808
	println(m64 / -1, m64 % -1)

	big := int64(0x123456789abcdef0)
	println(int8(big), uint8(big), int16(big), uint16(big))
	println(int32(big), uint32(big), int(big), uint64(big))
	neg := int32(-5)
	println(uint8(neg), uint16(neg), uint32(neg), uint64(neg), int64(neg))
	var b uint8 = 200
	println(int8(b), int16(b), int32(b), int64(b))
	var sb int8 = -100
	println(uint16(sb), int32(sb), uint(sb) == 18446744073709551516)
	println(u8*u8, i16*i16, u32*3)
}
