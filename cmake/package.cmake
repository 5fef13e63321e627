# The installed package (issue 13): `cmake --install build --prefix P` gives
#   P/bin/partnersim
#   P/lib/libpartnersim_{model,engine,io,analysis,app}.a   the library floors (docs/architecture.md)
#   P/include/partnersim/<floor>/*.hpp                     their headers, as in the source tree
#   P/lib/cmake/partnersim/                                find_package(partnersim): partnersim::*
#   P/share/partnersim/{analysis,scenarios,docs}           what the program reads at run time
# The front ends (cli, workshop, python) are programs, not libraries to build on; the Python
# package installs itself (sim/python/CMakeLists.txt).
include(CMakePackageConfigHelpers)

set(PARTNERSIM_FLOORS model engine io analysis app)
foreach(floor ${PARTNERSIM_FLOORS})
  set_target_properties(partnersim_${floor} PROPERTIES EXPORT_NAME ${floor})
endforeach()
# The warning flags are a private link item of every static floor, so they go in the export
# too (an empty interface for consumers: its compile options apply only to our own sources).
set_target_properties(partnersim_warnings PROPERTIES EXPORT_NAME warnings)
list(TRANSFORM PARTNERSIM_FLOORS PREPEND partnersim_ OUTPUT_VARIABLE PARTNERSIM_FLOOR_TARGETS)

install(TARGETS partnersim RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(TARGETS ${PARTNERSIM_FLOOR_TARGETS} partnersim_warnings EXPORT partnersimTargets
        ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR})

# Headers keep their source-tree paths under include/partnersim, so their own includes
# ("engine/run.hpp") resolve there and consumers write <partnersim/engine/run.hpp>.
foreach(floor model engine io app)
  file(GLOB headers CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/sim/${floor}/*.hpp)
  install(FILES ${headers} DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/partnersim/${floor})
endforeach()
file(GLOB headers CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/analysis/*.hpp)
install(FILES ${headers} DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/partnersim/analysis)

set(PARTNERSIM_CMAKE_DIR ${CMAKE_INSTALL_LIBDIR}/cmake/partnersim)
install(EXPORT partnersimTargets NAMESPACE partnersim:: DESTINATION ${PARTNERSIM_CMAKE_DIR})
configure_package_config_file(${PROJECT_SOURCE_DIR}/cmake/partnersimConfig.cmake.in
                              ${PROJECT_BINARY_DIR}/partnersimConfig.cmake
                              INSTALL_DESTINATION ${PARTNERSIM_CMAKE_DIR})
write_basic_package_version_file(${PROJECT_BINARY_DIR}/partnersimConfigVersion.cmake
                                 COMPATIBILITY SameMinorVersion)
install(FILES ${PROJECT_BINARY_DIR}/partnersimConfig.cmake
              ${PROJECT_BINARY_DIR}/partnersimConfigVersion.cmake
        DESTINATION ${PARTNERSIM_CMAKE_DIR})

# Run-time files, in the same relative places as in the source tree (app/bundled_files.hpp), so
# the claims ledger's and the calibration targets' paths to scenarios still hold.
set(PARTNERSIM_DATA_DIR ${CMAKE_INSTALL_DATADIR}/partnersim)
install(DIRECTORY ${PROJECT_SOURCE_DIR}/analysis/ DESTINATION ${PARTNERSIM_DATA_DIR}/analysis
        FILES_MATCHING PATTERN "*.py" PATTERN "__pycache__" EXCLUDE)
install(DIRECTORY ${PROJECT_SOURCE_DIR}/scenarios/ DESTINATION ${PARTNERSIM_DATA_DIR}/scenarios
        FILES_MATCHING PATTERN "*.toml")
install(FILES ${PROJECT_SOURCE_DIR}/docs/claims.toml DESTINATION ${PARTNERSIM_DATA_DIR}/docs)
install(FILES ${PROJECT_SOURCE_DIR}/docs/calibration/targets.toml
        DESTINATION ${PARTNERSIM_DATA_DIR}/docs/calibration)
