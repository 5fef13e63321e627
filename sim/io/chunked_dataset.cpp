#include "io/chunked_dataset.hpp"

namespace partnersim::hdf5 {
namespace {

// Groups remember creation order so h5py and our reader list measures in catalogue order
// rather than alphabetically.
PropertyList ordered_group_properties() {
    PropertyList gcpl(check_id(H5Pcreate(H5P_GROUP_CREATE), "create group properties"));
    check(H5Pset_link_creation_order(gcpl.get(), H5P_CRT_ORDER_TRACKED | H5P_CRT_ORDER_INDEXED),
          "track creation order");
    keep_attributes_compact(gcpl.get());
    return gcpl;
}

}  // namespace

hsize_t product(const std::vector<hsize_t>& dims) {
    hsize_t n = 1;
    for (const hsize_t d : dims) n *= d;
    return n;
}

hsize_t chunk_runs_for(hsize_t row_bytes, hsize_t preferred) {
    return std::clamp<hsize_t>(chunk_budget_bytes / std::max<hsize_t>(row_bytes, 1), 1, preferred);
}

// Compressed chunks change size as they fill, so HDF5 moves them and frees their old space,
// which it may reuse before the chunk index on disk points to the new place: fine for a file
// that is closed properly, not for one that must survive a crash. Crash-safe files therefore
// stream uncompressed (chunks fill in place) and are compressed when closed.
PropertyList chunked(const std::vector<hsize_t>& chunk, bool compress) {
    PropertyList dcpl = compact_attribute_properties(H5P_DATASET_CREATE);
    check(H5Pset_chunk(dcpl.get(), static_cast<int>(chunk.size()), chunk.data()), "set chunking");
    if (compress) {
        check(H5Pset_shuffle(dcpl.get()), "set the shuffle filter");
        check(H5Pset_deflate(dcpl.get(), deflate_level), "set deflate compression");
    }
    return dcpl;
}

Group create_group(hid_t file, const std::string& name) {
    const PropertyList gcpl = ordered_group_properties();
    const PropertyList lcpl(check_id(H5Pcreate(H5P_LINK_CREATE), "create link properties"));
    check(H5Pset_create_intermediate_group(lcpl.get(), 1), "allow nested groups");
    return Group(check_id(H5Gcreate2(file, name.c_str(), lcpl.get(), gcpl.get(), H5P_DEFAULT),
                          "create group " + name));
}

Group open_or_create_group(hid_t file, const std::string& name) {
    if (H5Lexists(file, name.c_str(), H5P_DEFAULT) > 0) {
        return Group(check_id(H5Gopen2(file, name.c_str(), H5P_DEFAULT), "open group " + name));
    }
    return create_group(file, name);
}

}  // namespace partnersim::hdf5
