#include "io/dimension_scales.hpp"

#include <hdf5_hl.h>

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

namespace {

// The paths of `name` and of every object below it, collected first: a C callback cannot throw.
herr_t collect_path(hid_t, const char* relative, const H5O_info_t*, void* paths) {
    static_cast<std::vector<std::string>*>(paths)->emplace_back(relative);
    return 0;
}

}  // namespace

void copy_without_dimension_scales(hid_t source, hid_t target, const std::string& name) {
    const PropertyList copy(check_id(H5Pcreate(H5P_OBJECT_COPY), "create copy properties"));
    check(H5Pset_copy_object(copy.get(), H5O_COPY_WITHOUT_ATTR_FLAG), "copy without attributes");
    check(H5Ocopy(source, name.c_str(), target, name.c_str(), copy.get(), H5P_DEFAULT),
          "copy /" + name);
    std::vector<std::string> relative;
    check(H5Ovisit_by_name2(source, name.c_str(), H5_INDEX_NAME, H5_ITER_INC, collect_path,
                            &relative, H5O_INFO_BASIC, H5P_DEFAULT),
          "list the objects of /" + name);
    for (const std::string& below : relative) {
        const std::string path = below == "." ? name : name + "/" + below;
        const Handle<H5Oclose> from(
            check_id(H5Oopen(source, path.c_str(), H5P_DEFAULT), "open /" + path));
        const Handle<H5Oclose> to(
            check_id(H5Oopen(target, path.c_str(), H5P_DEFAULT), "open the copy of /" + path));
        for (const std::string& attribute : attribute_names(from.get())) {
            if (attribute == DIMENSION_LIST || attribute == REFERENCE_LIST ||
                attribute == "CLASS" || attribute == "NAME") {
                continue;  // the scales' own bookkeeping (H5DSpublic.h; CLASS and NAME as H5DS
            }              // writes them, which H5DSis_scale checks: a copy would not match)
            copy_attribute(from.get(), to.get(), attribute);
        }
    }
}

}  // namespace partnersim::hdf5
