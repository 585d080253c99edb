# Installation: headers, libraries, CMake package files, pkg-config file, CLI, Python package.
include(CMakePackageConfigHelpers)

set(CRMKIT_CMAKE_DIR "${CMAKE_INSTALL_LIBDIR}/cmake/crmkit")
set(CRMKIT_PYTHON_DIR "${CMAKE_INSTALL_LIBDIR}/python3/dist-packages" CACHE STRING
    "Where the Python package is installed, relative to the prefix")

# The C++ headers, then the C headers beside them: <crmkit.h> and <crmkit/common.h>,
# <crmkit/value.h>, ... (one per pillar). Internal headers live in src/ and are not installed.
install(DIRECTORY include/crmkit DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(FILES capi/crmkit.h DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(DIRECTORY capi/crmkit DESTINATION ${CMAKE_INSTALL_INCLUDEDIR} FILES_MATCHING PATTERN "*.h")
install(TARGETS crmkit_core crmkit_capi EXPORT crmkit-targets
  ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
  LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
  RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR}
  INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(EXPORT crmkit-targets NAMESPACE crmkit:: DESTINATION ${CRMKIT_CMAKE_DIR})

configure_package_config_file(cmake/crmkit-config.cmake.in
  "${PROJECT_BINARY_DIR}/crmkit-config.cmake" INSTALL_DESTINATION ${CRMKIT_CMAKE_DIR})
write_basic_package_version_file("${PROJECT_BINARY_DIR}/crmkit-config-version.cmake"
  VERSION ${PROJECT_VERSION} COMPATIBILITY ${CRMKIT_COMPATIBILITY})
install(FILES "${PROJECT_BINARY_DIR}/crmkit-config.cmake"
              "${PROJECT_BINARY_DIR}/crmkit-config-version.cmake"
        DESTINATION ${CRMKIT_CMAKE_DIR})

# The .pc file derives its prefix from its own location, so `cmake --install --prefix X`
# produces a relocatable file (a configure-time prefix would point at the wrong tree).
file(RELATIVE_PATH CRMKIT_PC_TO_PREFIX
  "/prefix/${CMAKE_INSTALL_LIBDIR}/pkgconfig" "/prefix")
configure_file(cmake/crmkit.pc.in "${PROJECT_BINARY_DIR}/crmkit.pc" @ONLY)
install(FILES "${PROJECT_BINARY_DIR}/crmkit.pc" DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig)

if(CRMKIT_BUILD_TOOLS)
  install(TARGETS crmkit_cli RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
  install(DIRECTORY data/ DESTINATION ${CMAKE_INSTALL_DATADIR}/crmkit/data)
endif()
install(DIRECTORY bindings/python/crmkit DESTINATION ${CRMKIT_PYTHON_DIR}
  PATTERN "__pycache__" EXCLUDE)
