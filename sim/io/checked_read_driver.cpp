#include "io/checked_read_driver.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstring>
#include <limits>
#include <new>
#include <utility>
#include <vector>

#include "io/object_header_check.hpp"

namespace partnersim::hdf5 {
namespace {

// The global heap's layout (HDF5 file format spec III.E; H5HGpkg.h): a collection is "GCOL",
// version 1, 3 reserved bytes and its size as a length, padded to 8; each object is its heap
// index (2 bytes), reference count (2), 4 reserved bytes and its size as a length, padded to 8,
// then its data padded to 8. Index 0 is the free space, whose size counts its own header.
constexpr std::array<unsigned char, 4> heap_signature{'G', 'C', 'O', 'L'};
constexpr unsigned char heap_version = 1;
constexpr std::uint64_t heap_alignment = 8;
// libhdf5 never makes a collection smaller than this (H5HG_MINSIZE) and its cache reads this
// much first, then the declared size.
constexpr std::uint64_t smallest_heap = 4096;

constexpr std::uint64_t aligned(std::uint64_t bytes) {
    return (bytes + heap_alignment - 1) / heap_alignment * heap_alignment;
}

std::uint64_t little_endian(const unsigned char* bytes, std::size_t count) {
    std::uint64_t value = 0;
    for (std::size_t i = count; i > 0; --i) value = (value << 8) | bytes[i - 1];
    return value;
}

thread_local std::string refused_read;

// HDF5's 1.10 layout, the only one partnersim writes (hdf5::use_checksummed_layout): every
// metadata block libhdf5 reads through this driver must be one of its checksummed structures,
// told by its signature (HDF5 file format spec, version 3). libhdf5 tags each read with the
// kind of structure it expects (H5FDpublic.h maps the newer structures onto the six kinds);
// the version-1 object header, its continuation blocks, the version-1 B-tree ("TREE"), the
// symbol-table node ("SNOD") and the local heap ("HEAP") have no checksum and are refused.
using Signature = std::array<unsigned char, 4>;
constexpr Signature signature_of(const char (&text)[5]) {
    return {static_cast<unsigned char>(text[0]), static_cast<unsigned char>(text[1]),
            static_cast<unsigned char>(text[2]), static_cast<unsigned char>(text[3])};
}
// Tagged H5FD_MEM_OHDR: object headers and their continuations, fractal heap headers and
// indirect blocks, free-space headers, the shared-message table, extensible- and fixed-array
// headers and the extensible array's index block.
constexpr std::array<Signature, 9> header_signatures{
    signature_of("OHDR"), signature_of("OCHK"), signature_of("FRHP"),
    signature_of("FHIB"), signature_of("FSHD"), signature_of("SMTB"),
    signature_of("EAHD"), signature_of("EAIB"), signature_of("FAHD")};
// Tagged H5FD_MEM_BTREE: version-2 B-tree headers, internal and leaf nodes, shared-message
// lists, extensible-array super blocks.
constexpr std::array<Signature, 5> tree_signatures{signature_of("BTHD"), signature_of("BTIN"),
                                                   signature_of("BTLF"), signature_of("SMLI"),
                                                   signature_of("EASB")};
// Tagged H5FD_MEM_LHEAP, and not one of the 1.10 layout's blocks tagged so (fractal heap direct
// blocks, free-space sections, array data blocks and their pages, whose checksums libhdf5
// checks): the version-1 local heap, whose data block is reached only through it.
constexpr Signature local_heap_signature = signature_of("HEAP");

constexpr std::array<unsigned char, 8> hdf5_signature{0x89, 'H', 'D', 'F', '\r', '\n', 0x1a, '\n'};

template <std::size_t N>
bool starts_with_one_of(const unsigned char* image, const std::array<Signature, N>& signatures) {
    return std::any_of(signatures.begin(), signatures.end(), [&](const Signature& signature) {
        return std::memcmp(image, signature.data(), signature.size()) == 0;
    });
}

std::string shown_signature(const unsigned char* image) {
    std::string shown;
    for (std::size_t i = 0; i < 4; ++i) {
        const unsigned char c = image[i];
        shown += c >= 0x20 && c < 0x7f ? std::string(1, static_cast<char>(c))
                                       : "\\x" + std::string(1, "0123456789abcdef"[c >> 4]) +
                                             std::string(1, "0123456789abcdef"[c & 15]);
    }
    return shown;
}

// The superblock's "size of lengths": the width of every size field of the global heap. The
// superblock is at 0 or a power of two from 512 (as libhdf5 searches for it); versions 0 and 1
// keep the width at byte 14, versions 2 and 3 at byte 10. 8 (every writer's default) when the
// superblock cannot be read: libhdf5 will then refuse the file itself.
std::size_t length_bytes_of(int fd, std::uint64_t file_size) {
    for (std::uint64_t at = 0; at + 16 <= file_size; at = at == 0 ? 512 : at * 2) {
        std::array<unsigned char, 16> head{};
        if (::pread(fd, head.data(), head.size(), static_cast<off_t>(at)) !=
            static_cast<ssize_t>(head.size())) {
            break;
        }
        if (std::memcmp(head.data(), hdf5_signature.data(), hdf5_signature.size()) != 0) continue;
        const unsigned version = head[8];
        const std::size_t width = version <= 1 ? head[14] : head[10];
        return width == 2 || width == 4 || width == 8 ? width : 8;
    }
    return 8;
}

// The driver's file: libhdf5's public part first (the library casts to it), then ours.
struct CheckedFile {
    H5FD_t pub;
    int fd = -1;
    haddr_t eoa = 0;
    haddr_t eof = 0;
    dev_t device = 0;
    ino_t inode = 0;
    std::size_t length_bytes = 8;
    // Where the last metadata read ended, and its kind: libhdf5's cache reads a block whose
    // size it learns from its head (an object header, the superblock) speculatively, then only
    // the rest, as the very next read; that read continues a block already checked.
    haddr_t checked_until = HADDR_UNDEF;
    H5FD_mem_t checked_kind = H5FD_MEM_NOLIST;
};

CheckedFile* checked(H5FD_t* file) {
    return reinterpret_cast<CheckedFile*>(file);
}
const CheckedFile* checked(const H5FD_t* file) {
    return reinterpret_cast<const CheckedFile*>(file);
}

// Largest address a POSIX file offset can hold, as the sec2 driver says.
constexpr haddr_t max_address = static_cast<haddr_t>(std::numeric_limits<off_t>::max());

H5FD_t* open_file(const char* name, unsigned flags, hid_t, haddr_t maxaddr) {
    if ((flags & (H5F_ACC_RDWR | H5F_ACC_CREAT | H5F_ACC_TRUNC)) != 0) return nullptr;
    if (maxaddr == 0 || maxaddr == HADDR_UNDEF || maxaddr > max_address) return nullptr;
    const int fd = ::open(name, O_RDONLY | O_CLOEXEC);
    if (fd < 0) return nullptr;
    struct stat status {};
    if (::fstat(fd, &status) != 0) {
        ::close(fd);
        return nullptr;
    }
    auto* file = new (std::nothrow) CheckedFile{};
    if (file == nullptr) {
        ::close(fd);
        return nullptr;
    }
    file->fd = fd;
    file->eof = static_cast<haddr_t>(status.st_size);
    file->device = status.st_dev;
    file->inode = status.st_ino;
    file->length_bytes = length_bytes_of(fd, file->eof);
    return &file->pub;
}

herr_t close_file(H5FD_t* file) {
    CheckedFile* own = checked(file);
    const int status = ::close(own->fd);
    delete own;
    return status == 0 ? 0 : -1;
}

int compare_files(const H5FD_t* a, const H5FD_t* b) {
    const CheckedFile* first = checked(a);
    const CheckedFile* second = checked(b);
    if (first->device != second->device) return first->device < second->device ? -1 : 1;
    if (first->inode != second->inode) return first->inode < second->inode ? -1 : 1;
    return 0;
}

// The sec2 driver's features, so libhdf5 reads (SWMR included) as it does with sec2, but for
// the metadata accumulator: it merges neighbouring metadata reads and reads only the part of a
// block it does not hold yet, so a read would not start where its block does, and
// metadata_problem could not see the block's signature. Every metadata block is read from its
// head instead (then perhaps its rest: checked_until), each a read of its own.
herr_t query_features(const H5FD_t*, unsigned long* flags) {
    *flags = H5FD_FEAT_AGGREGATE_METADATA | H5FD_FEAT_DATA_SIEVE | H5FD_FEAT_AGGREGATE_SMALLDATA |
             H5FD_FEAT_POSIX_COMPAT_HANDLE | H5FD_FEAT_SUPPORTS_SWMR_IO |
             H5FD_FEAT_DEFAULT_VFD_COMPATIBLE;
    return 0;
}

haddr_t get_eoa(const H5FD_t* file, H5FD_mem_t) {
    return checked(file)->eoa;
}

herr_t set_eoa(H5FD_t* file, H5FD_mem_t, haddr_t address) {
    checked(file)->eoa = address;
    return 0;
}

haddr_t get_eof(const H5FD_t* file, H5FD_mem_t) {
    return checked(file)->eof;
}

herr_t get_handle(H5FD_t* file, hid_t, void** handle) {
    *handle = &checked(file)->fd;
    return 0;
}

// The collection's header: empty when `image` is no collection (declared stays 0), else a
// problem or the declared size.
std::string heap_header_problem(const unsigned char* image, std::size_t size,
                                std::size_t length_bytes, std::uint64_t address,
                                std::uint64_t& declared) {
    declared = 0;
    if (size < aligned(8 + length_bytes) ||
        std::memcmp(image, heap_signature.data(), heap_signature.size()) != 0 ||
        image[4] != heap_version) {
        return "";
    }
    declared = little_endian(image + 8, length_bytes);
    if (declared < smallest_heap) {
        return "the global heap collection at byte " + std::to_string(address) + " declares " +
               std::to_string(declared) + " bytes, less than the " + std::to_string(smallest_heap) +
               " of the smallest collection (damaged?)";
    }
    return "";
}

// libhdf5's walk over a collection's objects (H5HG__cache_heap_deserialize), each step checked:
// it has to end exactly at the collection's end, as the library's own debug build asserts.
// `header_at(at)` gives the 16 bytes of the object header at offset `at` of the collection.
template <class HeaderAt>
std::string heap_walk_problem(std::uint64_t declared, std::size_t length_bytes,
                              std::uint64_t address, HeaderAt&& header_at) {
    const std::uint64_t object_header = aligned(8 + length_bytes);  // 16 for every width
    std::uint64_t at = aligned(8 + length_bytes);
    while (at < declared) {
        if (declared - at < object_header) break;  // a tail too small for an object: free space
        const unsigned char* header = header_at(at);
        const std::uint64_t index = little_endian(header, 2);
        const std::uint64_t bytes = little_endian(header + 8, length_bytes);
        const std::uint64_t step = index == 0 ? bytes : object_header + aligned(bytes);
        const auto object = [&] {
            return "object " + std::to_string(index) + " at byte " + std::to_string(address + at) +
                   " of the global heap collection at byte " + std::to_string(address);
        };
        if (bytes > declared) {
            return object() + " declares " + std::to_string(bytes) + " bytes, more than the " +
                   std::to_string(declared) + " of the collection (damaged?)";
        }
        if (step == 0) {
            return object() +
                   " is free space of size 0, which libhdf5 1.10 would walk forever (damaged?)";
        }
        if (step > declared - at) return object() + " runs past the collection's end (damaged?)";
        at += step;
    }
    return "";
}

// The cache reads a collection larger than 4096 bytes in two parts (the first 4096, then the
// rest from byte 4096), so only the first read shows the header: the whole collection is
// walked from the file then, through a window, reading bytes past the end of the file as zeros
// as sec2 hands them to libhdf5 (so a truncated file's collection is refused, not walked
// forever).
std::string whole_heap_problem(const CheckedFile& file, std::uint64_t address,
                               std::uint64_t declared) {
    constexpr std::uint64_t window_bytes = 1 << 16;
    std::vector<unsigned char> window(window_bytes + 16, 0);
    std::uint64_t window_start = 0;
    std::uint64_t window_end = 0;  // nothing read yet
    bool failed = false;
    const auto header_at = [&](std::uint64_t at) -> const unsigned char* {
        if (at < window_start || at + 16 > window_end) {
            window_start = at;
            window_end = at + window.size();
            std::fill(window.begin(), window.end(), 0);
            // Not clipped to the size seen at open: an SWMR reader's file grows, and sec2 reads
            // whatever is there too.
            const std::uint64_t from = at <= max_address - address ? address + at : max_address;
            std::size_t done = 0;
            while (done < window.size() && done <= max_address - from) {
                const ssize_t got = ::pread(file.fd, window.data() + done, window.size() - done,
                                            static_cast<off_t>(from + done));
                if (got < 0 && errno == EINTR) continue;
                if (got <= 0) {
                    failed = got < 0;
                    break;
                }
                done += static_cast<std::size_t>(got);
            }
        }
        return window.data() + (at - window_start);
    };
    std::string problem = heap_walk_problem(declared, file.length_bytes, address, header_at);
    if (failed) return "cannot read the global heap collection at byte " + std::to_string(address);
    return problem;
}

// An object header chunk's messages (object_header_check.hpp), on the first read of the chunk:
// an "OCHK" continuation is read whole, an "OHDR" first chunk perhaps only in part (the cache's
// speculative head), so then the whole chunk is read from the file. A chunk declaring more
// than 64 MiB (no header of ours nears it) is left to libhdf5, as is one it cannot read.
std::string header_chunk_problem(const CheckedFile& file, const unsigned char* image,
                                 std::size_t size, std::uint64_t address) {
    if (size >= 4 && std::memcmp(image, "OCHK", 4) == 0) {
        return object_header_problem(image, size, file.length_bytes, address);
    }
    const std::uint64_t chunk = object_header_chunk_bytes(image, size);
    if (chunk == 0) return "";
    if (chunk <= size) return object_header_problem(image, chunk, file.length_bytes, address);
    constexpr std::uint64_t largest_chunk = std::uint64_t{64} << 20;
    if (chunk > largest_chunk || address > max_address - chunk) return "";
    std::vector<unsigned char> whole(chunk);
    std::size_t done = 0;
    while (done < whole.size()) {
        const ssize_t got = ::pread(file.fd, whole.data() + done, whole.size() - done,
                                    static_cast<off_t>(address + done));
        if (got < 0 && errno == EINTR) continue;
        if (got <= 0) return "";  // short: libhdf5 reads zeros there and fails the checksum
        done += static_cast<std::size_t>(got);
    }
    return object_header_problem(whole.data(), whole.size(), file.length_bytes, address);
}

herr_t read_bytes(H5FD_t* file, H5FD_mem_t type, hid_t, haddr_t address, size_t size,
                  void* buffer) {
    CheckedFile* own = checked(file);
    if (address == HADDR_UNDEF || address > max_address || size > max_address - address ||
        address + size > own->eoa) {
        return -1;
    }
    auto* out = static_cast<unsigned char*>(buffer);
    std::size_t done = 0;
    while (done < size) {
        const ssize_t got =
            ::pread(own->fd, out + done, size - done, static_cast<off_t>(address + done));
        if (got < 0 && errno == EINTR) continue;
        if (got < 0) return -1;
        if (got == 0) {
            std::memset(out + done, 0, size - done);  // past the end reads as zeros, as in sec2
            break;
        }
        done += static_cast<std::size_t>(got);
    }
    const bool rest_of_block = type == own->checked_kind && address == own->checked_until;
    std::string problem = rest_of_block ? "" : metadata_problem(type, out, size, address);
    if (problem.empty() && !rest_of_block && type == H5FD_MEM_OHDR) {
        problem = header_chunk_problem(*own, out, size, address);
    }
    own->checked_kind = problem.empty() && type != H5FD_MEM_DRAW ? type : H5FD_MEM_NOLIST;
    own->checked_until = address + size;
    std::uint64_t declared = 0;
    if (problem.empty())
        problem = heap_header_problem(out, size, own->length_bytes, address, declared);
    if (problem.empty() && declared != 0) {
        problem = declared <= size ? heap_walk_problem(declared, own->length_bytes, address,
                                                       [&](std::uint64_t at) { return out + at; })
                                   : whole_heap_problem(*own, address, declared);
    }
    if (!problem.empty()) {
        refused_read = std::move(problem);
        return -1;
    }
    return 0;
}

herr_t refuse_write(H5FD_t*, H5FD_mem_t, hid_t, haddr_t, size_t, const void*) {
    return -1;
}

// As sec2: a shared lock for reading, not waiting; a file system without flock is no error.
herr_t lock_file(H5FD_t* file, hbool_t read_write) {
    const int operation = (read_write ? LOCK_EX : LOCK_SH) | LOCK_NB;
    if (::flock(checked(file)->fd, operation) == 0 || errno == ENOSYS) return 0;
    return -1;
}

herr_t unlock_file(H5FD_t* file) {
    if (::flock(checked(file)->fd, LOCK_UN) == 0 || errno == ENOSYS) return 0;
    return -1;
}

H5FD_class_t make_class() {
    H5FD_class_t cls{};
    cls.name = "partnersim_checked_read";
    cls.maxaddr = max_address;
    cls.fc_degree = H5F_CLOSE_WEAK;
    cls.open = open_file;
    cls.close = close_file;
    cls.cmp = compare_files;
    cls.query = query_features;
    cls.get_eoa = get_eoa;
    cls.set_eoa = set_eoa;
    cls.get_eof = get_eof;
    cls.get_handle = get_handle;
    cls.read = read_bytes;
    cls.write = refuse_write;
    cls.lock = lock_file;
    cls.unlock = unlock_file;
    const H5FD_mem_t map[] = H5FD_FLMAP_DICHOTOMY;
    std::memcpy(cls.fl_map, map, sizeof(map));
    return cls;
}

}  // namespace

std::string remaking_an_older_file() {
    return "an older file is re-made by running again the command its command_line attribute "
           "records (h5py shows it)";
}

std::string metadata_problem(H5FD_mem_t type, const unsigned char* image, std::size_t size,
                             std::uint64_t address) {
    const std::string layout =
        ": partnersim reads only HDF5's checksummed 1.10 layout, which it has written since 3 Dec "
        "2026 (" +
        remaking_an_older_file() + ")";
    const auto no_checksummed_block = [&](const std::string& what) {
        return what + " at byte " + std::to_string(address) +
               " is not a checksummed block of the 1.10 layout (it begins \"" +
               shown_signature(image) + "\"; damaged, or an older layout)" + layout;
    };
    if (type == H5FD_MEM_SUPER) {
        if (size <= hdf5_signature.size() ||
            std::memcmp(image, hdf5_signature.data(), hdf5_signature.size()) != 0) {
            return "";  // the search for the signature, or a driver-information block
        }
        const unsigned version = image[hdf5_signature.size()];
        if (version >= 2) return "";
        return "the file is in HDF5's oldest layout (superblock version " +
               std::to_string(version) + "), whose metadata carry no checksums" + layout;
    }
    if (size < 4) return "";  // a short read of a block's tail
    if (type == H5FD_MEM_OHDR && !starts_with_one_of(image, header_signatures)) {
        return no_checksummed_block("the object header");
    }
    if (type == H5FD_MEM_BTREE && !starts_with_one_of(image, tree_signatures)) {
        return no_checksummed_block("the index node");
    }
    if (type == H5FD_MEM_LHEAP &&
        std::memcmp(image, local_heap_signature.data(), local_heap_signature.size()) == 0) {
        return "the local heap at byte " + std::to_string(address) +
               " belongs to HDF5's oldest layout, which has no checksums" + layout;
    }
    return "";
}

std::string global_heap_problem(const unsigned char* image, std::size_t size,
                                std::size_t length_bytes, std::uint64_t address) {
    std::uint64_t declared = 0;
    std::string problem = heap_header_problem(image, size, length_bytes, address, declared);
    if (!problem.empty() || declared == 0 || declared > size) return problem;
    return heap_walk_problem(declared, length_bytes, address,
                             [&](std::uint64_t at) { return image + at; });
}

hid_t checked_read_driver() {
    static const H5FD_class_t cls = make_class();
    static const hid_t id = H5FDregister(&cls);
    return id;
}

std::string take_refused_read() {
    return std::exchange(refused_read, std::string());
}

}  // namespace partnersim::hdf5
