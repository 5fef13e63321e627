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

// Drops the scales a dataset copied from another file names: H5Ocopy keeps its list of them
// but not what the list points to, which no reader could follow.
void forget_copied_dimension_scales(hid_t dataset);

}  // namespace partnersim::hdf5
