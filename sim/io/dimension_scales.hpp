#pragma once
// Named axes for the readers that look for them (xarray through h5netcdf, netCDF tools,
// HDFView): HDF5 dimension scales (H5DS, from hdf5_hl) on the datasets of a finished results
// file: the axes of io/results_layout.hpp (/run, /months, /design_point, ...). io-internal, like
// io/hdf5_handles.hpp.

#include <hdf5.h>

#include <span>
#include <string>
#include <string_view>

namespace partnersim::hdf5 {

// Makes `scale` a dimension scale called `name`, and attaches it to dimension `dimension` of
// every dataset in `datasets`.
void attach_dimension_scale(hid_t scale, std::string_view name, std::span<const hid_t> datasets,
                            unsigned dimension);

// Copies the object `name` of `source` (a group with all below it, or a dataset) to the same
// name in `target`, with its attributes but none of dimension scale bookkeeping: a dataset's
// DIMENSION_LIST (a variable-length list of references, so held in a global heap, which the
// readers never parse: checked_read_driver.hpp) and a scale's REFERENCE_LIST point at objects
// of `source`, which no reader of `target` could follow, and a scale's CLASS and NAME, which
// H5DS writes in its own string type; the writer attaches its own axes.
void copy_without_dimension_scales(hid_t source, hid_t target, const std::string& name);

}  // namespace partnersim::hdf5
