#pragma once
// Named axes for the readers that look for them (xarray through h5netcdf, netCDF tools,
// HDFView): HDF5 dimension scales (H5DS, from hdf5_hl) on the datasets of a finished results
// file. /runs/run_index is the run axis of every dataset with a row per run, /months the month
// axis of every time series; the names are in io/results_layout.hpp. io-internal, like
// io/hdf5_handles.hpp.

#include <hdf5.h>

#include <span>
#include <string_view>

namespace partnersim::hdf5 {

// Makes `scale` a dimension scale called `name`, and attaches it to dimension `dimension` of
// every dataset in `datasets`.
void attach_dimension_scale(hid_t scale, std::string_view name, std::span<const hid_t> datasets,
                            unsigned dimension);

}  // namespace partnersim::hdf5
