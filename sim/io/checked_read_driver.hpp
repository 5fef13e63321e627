#pragma once
// A read-only HDF5 file driver that looks at what libhdf5 is about to parse before it does.
//
// libhdf5 1.10 (Debian 12's 1.10.8) walks a global heap collection (the "GCOL" blocks that hold
// every variable-length string) trusting each object's declared size: an object whose heap index
// is 0 (free space) and size 0 never advances the walk, so H5Aread/H5Dread of any
// variable-length string in that collection loops forever inside H5HG__cache_heap_deserialize,
// and a size past the collection's end makes H5HG_read copy bytes from beyond it. We cannot
// reach the heap IDs of an attribute through the API, but every collection libhdf5 parses
// reaches it through the file driver as one read of the whole collection (H5F_block_read maps
// the global heap to raw data, so the metadata accumulator never merges or splits it). This
// driver is POSIX reads, as the sec2 driver does them, plus that check: a collection that is
// not tiled exactly by its objects fails the read, so the H5Aread or H5Dread fails and the
// reader reports the file and the attribute or dataset it was reading.

#include <hdf5.h>

#include <cstddef>
#include <cstdint>
#include <string>

namespace partnersim::hdf5 {

// The driver's id, registered with libhdf5 on first use; pass it to H5Pset_driver.
hid_t checked_read_driver();

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

}  // namespace partnersim::hdf5
