#include "io/dimension_scales.hpp"

#include <hdf5_hl.h>

#include <string>

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

}  // namespace partnersim::hdf5
