#pragma once
// A read-only HDF5 file driver that looks at what libhdf5 is about to parse before it does.
//
// libhdf5 1.10 (Debian 12's 1.10.8) trusts what a damaged file declares: in the oldest layout
// (HDF5's default, no checksums) a flipped byte in an object header, a B-tree node or a heap
// becomes a size it allocates or an offset it copies from, and fuzzing found crashes inside
// the library that no check of ours before or after its calls could prevent (docs/hardening.md).
// In the 1.10 layout every metadata block carries a checksum that libhdf5 verifies before it
// parses the block, so partnersim writes only that layout and this driver refuses every other:
// each metadata read must be a checksummed block, told by its signature (metadata_problem).
// Strings are fixed-length, so the readers never read a global heap (the one unchecksummed
// structure left, where variable-length data live: only the dimension scales' DIMENSION_LIST,
// which no reader and no copy reads: hdf5::utf8_string_type, copy_without_dimension_scales).
//
// It also still checks global heap collections as libhdf5 1.10 would walk them (an object of
// heap index 0 and size 0 never advances the walk, so H5Aread looped forever inside
// H5HG__cache_heap_deserialize): a file partnersim writes (resume and merge read it back) may hold
// them. This driver is POSIX reads, as the sec2 driver does them, plus those checks: a refused read
// fails, so the HDF5 call fails, and the reader reports the file and what it was reading.

#include <hdf5.h>

#include <cstddef>
#include <cstdint>
#include <string>

namespace partnersim::hdf5 {

// The driver's id, registered with libhdf5 on first use; pass it to H5Pset_driver.
hid_t checked_read_driver();

// What is wrong with a metadata block libhdf5 reads as `type` (`image`, `size` bytes from
// `address`): empty when it is a checksummed block of HDF5's 1.10 layout (or raw data, or not
// the start of a block), else why it is refused (a superblock older than version 2, an object
// header, B-tree node or local heap of the oldest layout, or bytes that are no block at all).
std::string metadata_problem(H5FD_mem_t type, const unsigned char* image, std::size_t size,
                             std::uint64_t address);

// What is wrong with `image` (`size` bytes read from the file) if it is a global heap
// collection libhdf5 would parse, with lengths of `length_bytes` bytes (the superblock's "size
// of lengths"), and `address` its offset in the file (for the message only). Empty when the
// bytes are not a collection, are only the start of one (the cache's first, speculative read)
// or are one whose objects tile it exactly, as every collection libhdf5 writes is.
std::string global_heap_problem(const unsigned char* image, std::size_t size,
                                std::size_t length_bytes, std::uint64_t address);

// The reason the driver last refused a read on this thread, then cleared; empty when it has
// refused none since the last call. The readers append it to their "cannot read" message.
std::string take_refused_read();

// How a person gets a readable file from one partnersim no longer reads (an older layout, a
// variable-length string, dense attribute storage): every such refusal ends with it.
std::string remaking_an_older_file();

}  // namespace partnersim::hdf5
