#include "io/object_header_check.hpp"

#include <cstring>
#include <optional>

// libhdf5's own metadata checksum (Jenkins' lookup3), exported by the library but declared only
// in its private headers: the one every checksummed block carries.
extern "C" std::uint32_t H5_checksum_metadata(const void* data, std::size_t length,
                                              std::uint32_t initial);

namespace partnersim::hdf5 {
namespace {

// Message types whose declared lengths libhdf5 1.10.8 copies (HDF5 file format spec 3.0, IV.A.2).
constexpr unsigned fill_value_old = 0x04;
constexpr unsigned fill_value = 0x05;
constexpr unsigned data_layout = 0x08;
constexpr unsigned attribute = 0x0c;
// Object header flags (IV.A.1.b).
constexpr unsigned chunk_size_width = 0x03;
constexpr unsigned creation_order_tracked = 0x04;
constexpr unsigned phase_change_stored = 0x10;
constexpr unsigned times_stored = 0x20;

std::uint64_t little_endian(const unsigned char* bytes, std::size_t width) {
    std::uint64_t value = 0;
    for (std::size_t i = 0; i < width; ++i) value |= std::uint64_t{bytes[i]} << (8 * i);
    return value;
}

// The prefix of a first chunk: its length and the bytes of messages it declares.
struct Prefix {
    std::size_t bytes = 0;
    std::uint64_t messages = 0;
    unsigned flags = 0;
};

std::optional<Prefix> prefix_of(const unsigned char* image, std::size_t size) {
    if (size < 7 || std::memcmp(image, "OHDR", 4) != 0 || image[4] != 2) return std::nullopt;
    Prefix prefix;
    prefix.flags = image[5];
    prefix.bytes = 6;
    if (prefix.flags & times_stored) prefix.bytes += 16;
    if (prefix.flags & phase_change_stored) prefix.bytes += 4;
    const std::size_t width = std::size_t{1} << (prefix.flags & chunk_size_width);
    if (size < prefix.bytes + width) return std::nullopt;
    prefix.messages = little_endian(image + prefix.bytes, width);
    prefix.bytes += width;
    return prefix;
}

// The number of elements a dataspace message declares, or nullopt if it cannot be read from
// its `size` bytes (or overflows).
std::optional<std::uint64_t> dataspace_elements(const unsigned char* space, std::uint64_t size,
                                                std::size_t length_bytes) {
    if (size < 2) return std::nullopt;
    const unsigned version = space[0];
    const unsigned rank = space[1];
    std::uint64_t dims_at = 0;
    if (version == 1) {
        dims_at = 8;
    } else if (version == 2) {
        if (size < 4) return std::nullopt;
        if (space[3] == 0) return 1;  // scalar
        if (space[3] == 2) return 0;  // null
        dims_at = 4;
    } else {
        return std::nullopt;
    }
    if (rank == 0) return version == 1 ? 1 : 0;
    if (dims_at + std::uint64_t{rank} * length_bytes > size) return std::nullopt;
    std::uint64_t elements = 1;
    for (unsigned d = 0; d < rank; ++d) {
        const std::uint64_t dim = little_endian(space + dims_at + d * length_bytes, length_bytes);
        if (dim != 0 && elements > UINT64_MAX / dim) return std::nullopt;
        elements *= dim;
    }
    return elements;
}

std::uint64_t padded8(std::uint64_t bytes) {
    return (bytes + 7) / 8 * 8;
}

// Why an attribute message's name, type, shape and value run past its `size` bytes, or "".
std::string attribute_problem(const unsigned char* data, std::uint64_t size,
                              std::size_t length_bytes) {
    if (size < 8) return "an attribute message shorter than its own header";
    const unsigned version = data[0];
    if (version < 1 || version > 3) return "";  // libhdf5 refuses other versions itself
    const std::uint64_t name = little_endian(data + 2, 2);
    const std::uint64_t type = little_endian(data + 4, 2);
    const std::uint64_t space = little_endian(data + 6, 2);
    const std::uint64_t header = version == 3 ? 9 : 8;
    const auto stored = [&](std::uint64_t bytes) { return version == 1 ? padded8(bytes) : bytes; };
    const std::uint64_t type_at = header + stored(name);
    const std::uint64_t space_at = type_at + stored(type);
    const std::uint64_t value_at = space_at + stored(space);
    if (value_at > size) {
        return "an attribute message whose name, type and shape (" + std::to_string(value_at) +
               " bytes) run past its " + std::to_string(size);
    }
    if (type < 8) return "an attribute message whose type is shorter than a type's header";
    const std::uint64_t element = little_endian(data + type_at + 4, 4);
    const std::optional<std::uint64_t> elements =
        dataspace_elements(data + space_at, space, length_bytes);
    if (!elements) return "an attribute message whose shape cannot be read";
    if (element != 0 && *elements > (size - value_at) / element) {
        return "an attribute message whose value (" + std::to_string(*elements) + " x " +
               std::to_string(element) + " bytes) runs past its " + std::to_string(size);
    }
    return "";
}

// Why the lengths declared inside a message of `type` run past its `size` bytes, or "".
std::string message_problem(unsigned type, const unsigned char* data, std::uint64_t size,
                            std::size_t length_bytes) {
    const auto declared_run = [&](const char* what, std::uint64_t at, std::size_t width) {
        if (at + width > size) return std::string(what) + " message shorter than its own fields";
        const std::uint64_t bytes = little_endian(data + at, width);
        if (bytes > size - at - width) {
            return std::string(what) + " message declaring " + std::to_string(bytes) +
                   " bytes, more than the " + std::to_string(size - at - width) + " it holds";
        }
        return std::string();
    };
    switch (type) {
        case fill_value_old:
            return declared_run("a fill value (old)", 0, 4);
        case fill_value: {
            if (size < 2) return "a fill value message shorter than its own fields";
            const unsigned version = data[0];
            if (version == 3) {
                return (data[1] & 0x20) ? declared_run("a fill value", 2, 4) : "";
            }
            if (version == 1 || (version == 2 && size >= 4 && data[3] == 1)) {
                return declared_run("a fill value", 4, 4);
            }
            return "";
        }
        case data_layout:
            if (size >= 2 && (data[0] == 3 || data[0] == 4) && data[1] == 0) {
                return declared_run("a compact layout", 2, 2);
            }
            return "";
        case attribute:
            return attribute_problem(data, size, length_bytes);
        default:
            return "";
    }
}

}  // namespace

std::uint64_t object_header_chunk_bytes(const unsigned char* image, std::size_t size) {
    const std::optional<Prefix> prefix = prefix_of(image, size);
    if (!prefix || prefix->messages > UINT64_MAX - prefix->bytes - 4) return 0;
    return prefix->bytes + prefix->messages + 4;
}

namespace {

// The walk over the messages of a chunk from byte `at` to its checksum, each message's header
// `header` bytes (6 when the object tracks attribute creation order, else 4).
std::string messages_problem(const unsigned char* chunk, std::size_t at, std::size_t end,
                             std::size_t header, std::size_t length_bytes, std::uint64_t address) {
    while (end - at >= header) {
        const unsigned type = chunk[at];
        const std::uint64_t bytes = little_endian(chunk + at + 1, 2);
        const std::size_t data = at + header;
        if (bytes > end - data) {
            return "the object header chunk at byte " + std::to_string(address) +
                   " has a message at byte " + std::to_string(address + at) + " declaring " +
                   std::to_string(bytes) +
                   " bytes, past the chunk's end (a crafted or damaged file)";
        }
        const std::string problem = message_problem(type, chunk + data, bytes, length_bytes);
        if (!problem.empty()) {
            return "the object header chunk at byte " + std::to_string(address) + " has " +
                   problem + " (a crafted or damaged file)";
        }
        at = data + bytes;
    }
    return "";
}

}  // namespace

std::string object_header_problem(const unsigned char* chunk, std::size_t size,
                                  std::size_t length_bytes, std::uint64_t address) {
    if (size < 8) return "";
    const auto stored = static_cast<std::uint32_t>(little_endian(chunk + size - 4, 4));
    if (H5_checksum_metadata(chunk, size - 4, 0) != stored) return "";  // libhdf5 refuses it
    const std::size_t end = size - 4;
    if (const std::optional<Prefix> prefix = prefix_of(chunk, size)) {
        if (prefix->bytes > end) return "";
        const std::size_t header = (prefix->flags & creation_order_tracked) ? 6 : 4;
        return messages_problem(chunk, prefix->bytes, end, header, length_bytes, address);
    }
    if (std::memcmp(chunk, "OCHK", 4) != 0) return "";
    // A continuation does not say whether its object tracks attribute creation order (its
    // first chunk does), so its messages are walked both ways and refused only when both walks
    // find a problem: an honest chunk passes the right walk, whatever the wrong one finds.
    std::string problem = messages_problem(chunk, 4, end, 4, length_bytes, address);
    if (problem.empty() || messages_problem(chunk, 4, end, 6, length_bytes, address).empty()) {
        return "";
    }
    return problem;
}

}  // namespace partnersim::hdf5
