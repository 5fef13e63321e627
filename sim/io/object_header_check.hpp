#pragma once
// The messages of a version-2 object header, checked before libhdf5 decodes them. A header's
// checksum shows that it is the header a writer wrote, not that the writer was honest: a file
// crafted with valid checksums can declare, inside a message, more bytes than the message
// holds, and libhdf5 1.10.8 copies what is declared (a fill value message declaring more than
// it held overran a heap buffer in H5O_msg_read_oh, and crashed the release build's summary;
// docs/hardening.md, "Crafted files"). The checked read driver (checked_read_driver.hpp) runs
// this on every object header chunk it reads.

#include <cstddef>
#include <cstdint>
#include <string>

namespace partnersim::hdf5 {

// The bytes of the first chunk of a version-2 object header (its prefix, messages and
// checksum) from the head of `image` ("OHDR"...), or 0 when `size` bytes do not show it.
std::uint64_t object_header_chunk_bytes(const unsigned char* image, std::size_t size);

// Why the whole chunk `chunk` (an "OHDR" first chunk or an "OCHK" continuation, `size` bytes,
// checksum included) at byte `address` must not be decoded, or "" when each message's declared
// lengths are within the message: the sizes of the messages within the chunk, and within the
// fill value, compact layout and attribute messages the lengths libhdf5 copies. A chunk whose
// checksum does not match is left to libhdf5, which refuses it (random damage, not a lie).
// `length_bytes` is the file's size of lengths (8 in every file partnersim writes).
std::string object_header_problem(const unsigned char* chunk, std::size_t size,
                                  std::size_t length_bytes, std::uint64_t address);

}  // namespace partnersim::hdf5
