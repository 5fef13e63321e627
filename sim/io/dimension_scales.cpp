#include "io/dimension_scales.hpp"

#include <hdf5_hl.h>

#include <algorithm>
#include <string>
#include <vector>

#include "io/hdf5_handles.hpp"

namespace partnersim::hdf5 {

void attach_dimension_scale(hid_t scale, std::string_view name, std::span<const hid_t> datasets,
                            unsigned dimension) {
    const std::string label(name);
    if (H5DSis_scale(scale) <= 0) {
        check(H5DSset_scale(scale, label.c_str()), "make " + label + " a dimension scale");
    }
    for (const hid_t dataset : datasets) {
        check(H5DSattach_scale(dataset, scale, dimension), "attach the " + label + " axis");
    }
}

void forget_copied_dimension_scales(hid_t dataset) {
    if (H5Aexists(dataset, DIMENSION_LIST) > 0) {
        check(H5Adelete(dataset, DIMENSION_LIST), "drop the copied dimension scales");
    }
}

int rank_of(hid_t dataset) {
    const Dataspace space(check_id(H5Dget_space(dataset), "get a dataset's dataspace"));
    const int rank = H5Sget_simple_extent_ndims(space.get());
    check(rank, "get a dataset's rank");
    return rank;
}

hsize_t rows_of(hid_t dataset) {
    const Dataspace space(check_id(H5Dget_space(dataset), "get a dataset's dataspace"));
    std::vector<hsize_t> dims(
        static_cast<std::size_t>(std::max(H5Sget_simple_extent_ndims(space.get()), 1)));
    check(H5Sget_simple_extent_dims(space.get(), dims.data(), nullptr),
          "get a dataset's dimensions");
    return dims.front();
}

std::string base_name(hid_t dataset) {
    const ssize_t size = H5Iget_name(dataset, nullptr, 0);
    std::string path(static_cast<std::size_t>(std::max<ssize_t>(size, 0)), '\0');
    H5Iget_name(dataset, path.data(), path.size() + 1);
    return path.substr(path.rfind('/') + 1);
}

}  // namespace partnersim::hdf5
